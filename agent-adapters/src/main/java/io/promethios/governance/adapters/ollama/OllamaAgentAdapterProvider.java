package io.promethios.governance.adapters.ollama;

import io.promethios.governance.adapters.internal.ProviderConfigs;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentAdapterProvider;
import io.promethios.governance.core.spi.ProviderConfig;

/**
 * Registers {@link OllamaAgentAdapter} under the name {@code ollama}.
 *
 * <p>Keys: {@code agent.ollama.model} (required), {@code agent.ollama.base-url} (default
 * {@code http://localhost:11434}), {@code agent.ollama.api-key} (only for a proxy),
 * {@code agent.ollama.id}, {@code agent.ollama.timeout}, {@code agent.ollama.connect-timeout},
 * {@code agent.ollama.read-timeout}, {@code agent.ollama.max-attempts}, {@code agent.ollama.log-http}.
 *
 * @since 0.1
 */
public final class OllamaAgentAdapterProvider implements AgentAdapterProvider {

    @Override
    public String name() {
        return OllamaAgentAdapter.PROVIDER;
    }

    @Override
    public AgentAdapter create(ProviderConfig config) {
        OllamaAgentAdapter.Builder b = OllamaAgentAdapter.builder();
        ProviderConfigs.applyCommon(b, config, name());
        return ProviderConfigs.build(name(), b::build);
    }
}
