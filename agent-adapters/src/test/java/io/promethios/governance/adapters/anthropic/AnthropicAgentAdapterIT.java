package io.promethios.governance.adapters.anthropic;

import io.promethios.governance.adapters.AgentAdapterContractTest.RecordingHandler;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the real Anthropic API; runs only when ANTHROPIC_API_KEY is set (model from ANTHROPIC_MODEL). */
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicAgentAdapterIT {

    private final AnthropicAgentAdapter adapter = AnthropicAgentAdapter.builder()
            .model(System.getenv().getOrDefault("ANTHROPIC_MODEL", "claude-3-5-haiku-latest")).defaultMaxTokens(64).build();

    @Test
    void answersAndReportsUsage() {
        AgentReply reply = adapter.respond(AgentRequest.of("it", "it", "Reply with the single word: pong"));

        assertThat(reply.content()).containsIgnoringCase("pong");
        assertThat(reply.usage().inputTokens()).isPositive();
    }

    @Test
    void streams() {
        RecordingHandler handler = new RecordingHandler();
        adapter.stream(AgentRequest.of("it", "it", "Count from 1 to 5, digits only."), handler);

        assertThat(handler.error).isNull();
        assertThat(handler.reply.content()).contains("1").contains("5");
    }
}
