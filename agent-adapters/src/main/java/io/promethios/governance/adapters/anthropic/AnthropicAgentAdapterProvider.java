package io.promethios.governance.adapters.anthropic;

import io.promethios.governance.adapters.internal.ProviderConfigs;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentAdapterProvider;
import io.promethios.governance.core.spi.ProviderConfig;

/**
 * Registers {@link AnthropicAgentAdapter} under the name {@code anthropic}.
 *
 * <p>Keys: {@code agent.anthropic.model} (required), {@code agent.anthropic.base-url},
 * {@code agent.anthropic.api-key} (prefer the {@code ANTHROPIC_API_KEY} environment variable),
 * {@code agent.anthropic.default-max-tokens}, {@code agent.anthropic.id},
 * {@code agent.anthropic.timeout}, {@code agent.anthropic.connect-timeout},
 * {@code agent.anthropic.read-timeout}, {@code agent.anthropic.max-attempts},
 * {@code agent.anthropic.log-http}.
 *
 * @since 0.1
 */
public final class AnthropicAgentAdapterProvider implements AgentAdapterProvider {

    @Override
    public String name() {
        return AnthropicAgentAdapter.PROVIDER;
    }

    @Override
    public AgentAdapter create(ProviderConfig config) {
        AnthropicAgentAdapter.Builder b = AnthropicAgentAdapter.builder();
        ProviderConfigs.applyCommon(b, config, name());
        ProviderConfigs.apply("agent.anthropic.default-max-tokens", config.get("agent.anthropic.default-max-tokens"),
                v -> b.defaultMaxTokens(ProviderConfigs.integer("agent.anthropic.default-max-tokens", v)));
        return ProviderConfigs.build(name(), b::build);
    }
}
