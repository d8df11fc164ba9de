/**
 * Wire types of the OpenAI Chat Completions API ({@code POST /chat/completions}) and the mapping
 * between them and the core SPI types.
 *
 * <p><b>Not API. May change without notice.</b>
 */
package io.promethios.governance.adapters.openai.internal;
