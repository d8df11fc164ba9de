/**
 * Adapter for the Anthropic Messages API. Start with
 * {@link io.promethios.governance.adapters.anthropic.AnthropicAgentAdapter#builder()};
 * {@link io.promethios.governance.adapters.anthropic.AnthropicAgentAdapterProvider} registers it for
 * {@link java.util.ServiceLoader} discovery under the name {@code anthropic}.
 */
package io.promethios.governance.adapters.anthropic;
