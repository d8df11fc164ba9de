/**
 * Wire types of the Anthropic Messages API ({@code POST /v1/messages}), its stream events, and
 * the mapping to the core SPI types.
 *
 * <p><b>Not API. May change without notice.</b>
 */
package io.promethios.governance.adapters.anthropic.internal;
