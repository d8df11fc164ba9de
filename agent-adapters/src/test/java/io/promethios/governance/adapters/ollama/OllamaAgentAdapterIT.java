package io.promethios.governance.adapters.ollama;

import io.promethios.governance.adapters.AgentAdapterContractTest.RecordingHandler;
import io.promethios.governance.core.spi.AgentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls a running Ollama; runs only when OLLAMA_MODEL is set (base URL from OLLAMA_BASE_URL, default localhost). */
@EnabledIfEnvironmentVariable(named = "OLLAMA_MODEL", matches = ".+")
class OllamaAgentAdapterIT {

    @Test
    void streams() {
        OllamaAgentAdapter adapter = OllamaAgentAdapter.builder().model(System.getenv("OLLAMA_MODEL"))
                .baseUrl(System.getenv().getOrDefault("OLLAMA_BASE_URL", OllamaAgentAdapter.DEFAULT_BASE_URL)).build();
        RecordingHandler handler = new RecordingHandler();

        adapter.stream(AgentRequest.of("it", "it", "Say hello."), handler);

        assertThat(handler.error).isNull();
        assertThat(handler.reply.content()).isNotBlank();
    }
}
