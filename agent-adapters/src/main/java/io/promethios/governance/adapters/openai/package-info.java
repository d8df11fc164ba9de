/**
 * Adapter for the OpenAI Chat Completions API and every server that speaks it (vLLM,
 * llama.cpp server, LM Studio, Azure OpenAI). Start with
 * {@link io.promethios.governance.adapters.openai.OpenAiAgentAdapter#builder()};
 * {@link io.promethios.governance.adapters.openai.OpenAiAgentAdapterProvider} registers it for
 * {@link java.util.ServiceLoader} discovery under the name {@code openai}.
 */
package io.promethios.governance.adapters.openai;
