package io.promethios.governance.adapters;

import io.promethios.governance.adapters.anthropic.AnthropicAgentAdapter;
import io.promethios.governance.adapters.ollama.OllamaAgentAdapter;
import io.promethios.governance.adapters.openai.OpenAiAgentAdapter;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentAdapterProvider;
import io.promethios.governance.core.spi.ProviderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentAdaptersTest {

    private static final Function<String, String> NO_ENV = name -> null;
    private static final Function<String, String> KEYS = Map.of("OPENAI_API_KEY", "sk-openai-secret-1", "ANTHROPIC_API_KEY", "sk-ant-secret-2")::get;

    @Test
    void createsEachKnownProvider() {
        assertThat(AgentAdapters.create("openai", "gpt-4o-mini", Optional.empty(), KEYS)).isInstanceOf(OpenAiAgentAdapter.class)
                .extracting(AgentAdapter::id).isEqualTo("openai:gpt-4o-mini");
        assertThat(AgentAdapters.create("Anthropic", "claude-3-5-haiku-latest", Optional.empty(), KEYS)).isInstanceOf(AnthropicAgentAdapter.class);
        assertThat(AgentAdapters.create(" ollama ", "llama3.2", Optional.of("http://gpu-box:11434"), NO_ENV)).isInstanceOf(OllamaAgentAdapter.class)
                .hasToString("OllamaAgentAdapter[id=ollama:llama3.2, model=llama3.2, endpoint=http://gpu-box:11434/api/chat]");
    }

    @Test
    void unknownProviderListsTheKnownOnes() {
        assertThatThrownBy(() -> AgentAdapters.create("gemini", "x", Optional.empty(), KEYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown agent provider 'gemini'. Known providers: [openai, anthropic, ollama]");
    }

    @Test
    void missingKeyNamesTheEnvironmentVariableAtBuildTime() {
        assertThatThrownBy(() -> AgentAdapters.create("openai", "gpt-4o-mini", Optional.empty(), NO_ENV))
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> AgentAdapters.create("anthropic", "claude", Optional.empty(), NO_ENV))
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("ANTHROPIC_API_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://example.com", "localhost:8080", "", "http://example.com/v1?key=1"})
    void invalidBaseUrlIsRejected(String url) {
        assertThatThrownBy(() -> AgentAdapters.create("ollama", "llama3.2", Optional.of(url), NO_ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }

    @Test
    void blankModelIsRejected() {
        assertThatThrownBy(() -> AgentAdapters.create("ollama", " ", Optional.empty(), NO_ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("model must not be blank");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> OllamaAgentAdapter.builder().timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be > 0, but was PT-1S");
        assertThatThrownBy(() -> OllamaAgentAdapter.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("connectTimeout must be > 0, but was PT0S");
        assertThatThrownBy(() -> OllamaAgentAdapter.builder().readTimeout(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout must be > 0");
        assertThatThrownBy(() -> OllamaAgentAdapter.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be >= 1, but was 0");
    }

    @Test
    void settingAnOptionTwiceOrCombiningRetryOptionsIsAnIllegalState() {
        assertThatThrownBy(() -> OllamaAgentAdapter.builder().model("a").model("b"))
                .isInstanceOf(IllegalStateException.class).hasMessage("model was already set");
        assertThatThrownBy(() -> OllamaAgentAdapter.builder().maxAttempts(2).retryConfig(RetryConfig.ofDefaults()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingModelFailsAtBuild() {
        assertThatThrownBy(() -> OllamaAgentAdapter.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("model must be set");
    }

    @Test
    void builderRejectsNulls() {
        var b = OpenAiAgentAdapter.builder();
        assertThatThrownBy(() -> b.apiKey(null)).isInstanceOf(NullPointerException.class).hasMessage("apiKey");
        assertThatThrownBy(() -> b.model(null)).isInstanceOf(NullPointerException.class).hasMessage("model");
        assertThatThrownBy(() -> b.baseUrl(null)).isInstanceOf(NullPointerException.class).hasMessage("baseUrl");
        assertThatThrownBy(() -> b.timeout(null)).isInstanceOf(NullPointerException.class).hasMessage("timeout");
        assertThatThrownBy(() -> b.connectTimeout(null)).isInstanceOf(NullPointerException.class).hasMessage("connectTimeout");
        assertThatThrownBy(() -> b.readTimeout(null)).isInstanceOf(NullPointerException.class).hasMessage("readTimeout");
        assertThatThrownBy(() -> b.retryConfig(null)).isInstanceOf(NullPointerException.class).hasMessage("retryConfig");
        assertThatThrownBy(() -> b.httpClient(null)).isInstanceOf(NullPointerException.class).hasMessage("httpClient");
        assertThatThrownBy(() -> b.fallback(null)).isInstanceOf(NullPointerException.class).hasMessage("fallback");
        assertThatThrownBy(() -> b.addTool(null)).isInstanceOf(NullPointerException.class).hasMessage("tool");
        assertThatThrownBy(() -> b.environment(null)).isInstanceOf(NullPointerException.class).hasMessage("environment");
        assertThatThrownBy(() -> b.id(null)).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> b.azureApiVersion(null)).isInstanceOf(NullPointerException.class).hasMessage("apiVersion");
    }

    @Test
    void builderToStringShowsOnlySetOptionsAndNeverTheKey() {
        var b = OpenAiAgentAdapter.builder().apiKey("sk-very-secret-key").model("gpt-4o-mini").timeout(Duration.ofSeconds(5));

        assertThat(b.toString()).isEqualTo("Builder{apiKey=****, model=gpt-4o-mini, timeout=PT5S}");
    }

    @Test
    void providersAreRegisteredUnderTheirNames() {
        List<String> names = ServiceLoader.load(AgentAdapterProvider.class).stream().map(p -> p.get().name()).sorted().toList();

        assertThat(names).containsExactly("anthropic", "ollama", "openai");
    }

    private static AgentAdapterProvider provider(String name) {
        return ServiceLoader.load(AgentAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void providerReadsItsKeys() {
        AgentAdapter adapter = provider("ollama").create(ProviderConfig.of(Map.of(
                "agent.ollama.model", "qwen2.5", "agent.ollama.base-url", "http://box:11434", "agent.ollama.timeout", "30s",
                "agent.ollama.max-attempts", "2", "agent.ollama.id", "local-qwen")));

        assertThat(adapter.id()).isEqualTo("local-qwen");
        assertThat(adapter.toString()).contains("http://box:11434/api/chat");
        AgentAdapter claude = provider("anthropic").create(ProviderConfig.of(Map.of(
                "agent.anthropic.model", "claude-3-5-haiku-latest", "agent.anthropic.api-key", "sk-ant-x1234", "agent.anthropic.default-max-tokens", "512")));
        assertThat(claude.id()).isEqualTo("anthropic:claude-3-5-haiku-latest");
    }

    @Test
    void providerReportsBadConfigurationNamingTheKey() {
        assertThatThrownBy(() -> provider("ollama").create(ProviderConfig.empty()))
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("model must be set");
        assertThatThrownBy(() -> provider("ollama").create(ProviderConfig.of(Map.of("agent.ollama.model", "m", "agent.ollama.timeout", "-5s"))))
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("agent.ollama.timeout");
        assertThatThrownBy(() -> provider("ollama").create(ProviderConfig.of(Map.of("agent.ollama.model", "m", "agent.ollama.timeout", "soon"))))
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("agent.ollama.timeout");
        assertThatThrownBy(() -> provider("openai").create(ProviderConfig.of(Map.of("agent.openai.model", "m", "agent.openai.base-url", "nope"))))
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("agent.openai.base-url");
    }
}
