package io.promethios.governance.adapters.openai;

import io.promethios.governance.adapters.internal.ProviderConfigs;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentAdapterProvider;
import io.promethios.governance.core.spi.ProviderConfig;

/**
 * Registers {@link OpenAiAgentAdapter} under the name {@code openai}.
 *
 * <p>Keys: {@code agent.openai.model} (required unless Azure), {@code agent.openai.base-url},
 * {@code agent.openai.api-key} (prefer the {@code OPENAI_API_KEY} environment variable),
 * {@code agent.openai.azure-api-version}, {@code agent.openai.use-max-completion-tokens},
 * {@code agent.openai.id}, {@code agent.openai.timeout}, {@code agent.openai.connect-timeout},
 * {@code agent.openai.read-timeout} (durations: {@code 30s}, {@code 500ms}, {@code PT1M}),
 * {@code agent.openai.max-attempts}, {@code agent.openai.log-http}. Bad values fail with a
 * {@link io.promethios.governance.core.GovernanceConfigurationException} naming the key.
 *
 * @since 0.1
 */
public final class OpenAiAgentAdapterProvider implements AgentAdapterProvider {

    @Override
    public String name() {
        return OpenAiAgentAdapter.PROVIDER;
    }

    @Override
    public AgentAdapter create(ProviderConfig config) {
        OpenAiAgentAdapter.Builder b = OpenAiAgentAdapter.builder();
        ProviderConfigs.applyCommon(b, config, name());
        ProviderConfigs.apply("agent.openai.azure-api-version", config.get("agent.openai.azure-api-version"), b::azureApiVersion);
        ProviderConfigs.apply("agent.openai.use-max-completion-tokens", config.get("agent.openai.use-max-completion-tokens"),
                v -> b.useMaxCompletionTokens(ProviderConfigs.bool("agent.openai.use-max-completion-tokens", v)));
        return ProviderConfigs.build(name(), b::build);
    }
}
