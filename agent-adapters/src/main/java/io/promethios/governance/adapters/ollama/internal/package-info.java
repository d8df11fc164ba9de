/**
 * Wire types of Ollama's {@code POST /api/chat} (JSON and NDJSON stream) and the mapping to the
 * core SPI types.
 *
 * <p><b>Not API. May change without notice.</b>
 */
package io.promethios.governance.adapters.ollama.internal;
