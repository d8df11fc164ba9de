/**
 * Adapters that connect the governance pipeline to hosted and local models over HTTP (OkHttp).
 *
 * <p>Where to start: {@link io.promethios.governance.adapters.AgentAdapters#create} builds an
 * adapter from a provider name ({@code openai}, {@code anthropic}, {@code ollama}), a model and an
 * optional base URL, reading keys from the environment. For full control use the provider's
 * builder: {@code OpenAiAgentAdapter.builder()}, {@code AnthropicAgentAdapter.builder()},
 * {@code OllamaAgentAdapter.builder()}; their common options (timeouts, retries, fallback, tools,
 * HTTP logging) are on {@link io.promethios.governance.adapters.HttpAgentAdapterBuilder}, retries
 * on {@link io.promethios.governance.adapters.RetryConfig}.
 *
 * <p>Every failure is a core {@link io.promethios.governance.core.AgentException}: 401/403
 * authentication, 429 rate limited, 408 and timeouts, 5xx and connection failures unavailable,
 * everything else (other 4xx, malformed or truncated bodies) bad response.
 */
package io.promethios.governance.adapters;
