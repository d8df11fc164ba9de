/**
 * Shared machinery of the adapters: HTTP execution with retries ({@code HttpExecutor}), the one
 * place where HTTP statuses and I/O failures become core {@code AgentException}s
 * ({@code AgentErrors}), SSE and NDJSON readers, secret handling and redacted TRACE logging.
 *
 * <p><b>Not API. May change without notice.</b>
 */
package io.promethios.governance.adapters.internal;
