/**
 * Adapter for a local or remote Ollama server. Start with
 * {@link io.promethios.governance.adapters.ollama.OllamaAgentAdapter#builder()};
 * {@link io.promethios.governance.adapters.ollama.OllamaAgentAdapterProvider} registers it for
 * {@link java.util.ServiceLoader} discovery under the name {@code ollama}.
 */
package io.promethios.governance.adapters.ollama;
