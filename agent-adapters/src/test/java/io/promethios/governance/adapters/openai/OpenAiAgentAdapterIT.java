package io.promethios.governance.adapters.openai;

import io.promethios.governance.adapters.AgentAdapterContractTest.RecordingHandler;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the real OpenAI API; runs only when OPENAI_API_KEY is set (model from OPENAI_MODEL, default gpt-4o-mini). */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiAgentAdapterIT {

    private final OpenAiAgentAdapter adapter = OpenAiAgentAdapter.builder()
            .model(System.getenv().getOrDefault("OPENAI_MODEL", "gpt-4o-mini")).build();

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
        assertThat(handler.reply.usage().outputTokens()).isPositive();
    }
}
