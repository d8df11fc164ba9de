package io.promethios.governance.adapters;

import io.promethios.governance.adapters.anthropic.AnthropicAgentAdapter;
import io.promethios.governance.adapters.ollama.OllamaAgentAdapter;
import io.promethios.governance.adapters.openai.OpenAiAgentAdapter;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.spi.AgentAdapter;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds adapters from a provider name, for command lines and configuration files.
 *
 * <pre>{@code
 * // --provider openai --model gpt-4o-mini [--base-url http://localhost:8000/v1]
 * AgentAdapter agent = AgentAdapters.create(provider, model, Optional.ofNullable(baseUrl));
 *
 * // the same, with more options
 * AgentAdapter agent = AgentAdapters.builder("anthropic")
 *     .model("claude-3-5-haiku-latest").timeout(Duration.ofSeconds(30)).maxAttempts(2).build();
 * }</pre>
 *
 * <p>Every check happens here, when the adapter is built, never at its first call.
 *
 * @since 0.1
 */
public final class AgentAdapters {

    /** The provider names this module knows, in the order they are listed in messages. */
    public static final List<String> PROVIDERS = List.of(OpenAiAgentAdapter.PROVIDER, AnthropicAgentAdapter.PROVIDER, OllamaAgentAdapter.PROVIDER);

    private AgentAdapters() {
    }

    /**
     * Builds an adapter with default timeouts and retries; API keys come from the environment
     * ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}; Ollama needs none).
     *
     * @param provider {@code openai}, {@code anthropic} or {@code ollama} (case-insensitive)
     * @param model    the model id
     * @param baseUrl  a base URL replacing the provider's default (an OpenAI-compatible server, a proxy)
     * @throws IllegalArgumentException         for an unknown provider (the message lists the known ones),
     *                                          a blank model or an invalid base URL
     * @throws GovernanceConfigurationException if the provider needs an API key and its environment variable is not set
     */
    public static AgentAdapter create(String provider, String model, Optional<String> baseUrl) {
        return create(provider, model, baseUrl, System::getenv);
    }

    /** As {@link #create(String, String, Optional)}, reading environment variables from {@code environment}. */
    public static AgentAdapter create(String provider, String model, Optional<String> baseUrl, Function<String, String> environment) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(environment, "environment");
        HttpAgentAdapterBuilder<?, ?> b = builder(provider).model(model).environment(environment);
        baseUrl.ifPresent(b::baseUrl);
        return b.build();
    }

    /**
     * A new builder for {@code provider}, for options beyond {@link #create}. Cast to the concrete
     * builder ({@code OpenAiAgentAdapter.Builder}, ...) for provider-specific options.
     *
     * @throws IllegalArgumentException for an unknown provider; the message lists the known ones
     */
    public static HttpAgentAdapterBuilder<?, ?> builder(String provider) {
        Objects.requireNonNull(provider, "provider");
        switch (provider.strip().toLowerCase(Locale.ROOT)) {
            case OpenAiAgentAdapter.PROVIDER: return OpenAiAgentAdapter.builder();
            case AnthropicAgentAdapter.PROVIDER: return AnthropicAgentAdapter.builder();
            case OllamaAgentAdapter.PROVIDER: return OllamaAgentAdapter.builder();
            default:
                throw new IllegalArgumentException("Unknown agent provider '" + provider + "'. Known providers: " + PROVIDERS);
        }
    }
}
