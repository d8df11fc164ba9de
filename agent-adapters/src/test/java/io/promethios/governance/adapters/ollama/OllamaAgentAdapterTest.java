package io.promethios.governance.adapters.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import io.promethios.governance.adapters.AgentAdapterContractTest;
import io.promethios.governance.adapters.HttpAgentAdapterBuilder;
import io.promethios.governance.core.AgentBadResponseException;
import io.promethios.governance.core.AgentUnavailableException;
import io.promethios.governance.core.spi.AgentAdapter;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OllamaAgentAdapterTest extends AgentAdapterContractTest {

    private static final String MODEL = "llama3.2:latest";

    @Override
    protected HttpAgentAdapterBuilder<?, ?> newBuilder(MockWebServer server) {
        return OllamaAgentAdapter.builder().apiKey(API_KEY).model("llama3.2").baseUrl(server.url("/").toString());
    }

    @Override
    protected String expectedPath() {
        return "/api/chat";
    }

    @Override
    protected String reportedModel() {
        return MODEL;
    }

    private static String line(String content, boolean done) {
        String common = "{\"model\":\"" + MODEL + "\",\"created_at\":\"2024-11-24T10:00:00.000000Z\",\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},";
        if (!done) {
            return common + "\"done\":false}\n";
        }
        return common + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":4883583458,\"load_duration\":1334875,"
                + "\"prompt_eval_count\":11,\"prompt_eval_duration\":342546000,\"eval_count\":7,\"eval_duration\":4535599000}\n";
    }

    @Override
    protected MockResponse textResponse(String text) {
        return json(line(text, true));
    }

    @Override
    protected MockResponse streamResponse(List<String> chunks) {
        StringBuilder sb = new StringBuilder();
        chunks.forEach(c -> sb.append(line(c, false)));
        sb.append(line("", true));
        return ndjson(sb.toString());
    }

    @Override
    protected MockResponse truncatedStreamResponse(List<String> chunks) {
        StringBuilder sb = new StringBuilder();
        chunks.forEach(c -> sb.append(line(c, false)));
        return ndjson(sb.toString());
    }

    @Override
    protected MockResponse toolCallResponse() {
        return json("{\"model\":\"" + MODEL + "\",\"created_at\":\"2024-11-24T10:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}]},"
                + "\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":90,\"eval_count\":20}");
    }

    @Override
    protected String errorBody(String message) {
        return "{\"error\":\"" + message + "\"}";
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    private static MockResponse ndjson(String body) {
        return new MockResponse().setHeader("Content-Type", "application/x-ndjson").setBody(body);
    }

    @Test
    void sendsTheChatRequestExactly() throws Exception {
        server.enqueue(textResponse("ok"));

        adapter(1).respond(fullRequest());

        RecordedRequest r = take();
        JsonNode body = body(r);
        String note = body.at("/messages/6/content").asText();
        assertThat(note).contains("1. contains a phone number");
        assertThat(body).isEqualTo(JSON.readTree("{\"model\":\"llama3.2\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are terse.\"},"
                + "{\"role\":\"user\",\"content\":\"first question\"},"
                + "{\"role\":\"assistant\",\"content\":\"first answer\"},"
                + "{\"role\":\"user\",\"content\":\"my card is [REDACTED]\"},"
                + "{\"role\":\"assistant\",\"content\":\"noted\"},"
                + "{\"role\":\"user\",\"content\":\"What now?\"},"
                + "{\"role\":\"system\",\"content\":" + JSON.writeValueAsString(note) + "}],"
                + "\"stream\":false,\"options\":{\"temperature\":0.2,\"num_predict\":256}}"));
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void streamingSendsStreamTrueAndNoOptionsWhenUnset() throws Exception {
        server.enqueue(streamResponse(List.of("a")));

        adapter(1).stream(request("Hi"), new RecordingHandler());

        JsonNode body = body(take());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.has("options")).isFalse();
    }

    @Test
    void errorLineInsideTheStreamGoesToOnError() {
        server.enqueue(ndjson(line("Hi", false) + "{\"error\":\"an error was encountered while running the model\"}\n"));
        RecordingHandler handler = new RecordingHandler();

        adapter(1).stream(request("Hi"), handler);

        assertThat(handler.tokens).containsExactly("Hi");
        assertThat(handler.error).isInstanceOf(AgentUnavailableException.class).hasMessageContaining("running the model");
    }

    @Test
    void unknownModelIsABadResponse() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"model \\\"nope\\\" not found, try pulling it first\"}"));

        assertThatThrownBy(() -> adapter(3).respond(request("Hi"))).isInstanceOf(AgentBadResponseException.class)
                .hasMessageContaining("not found");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void needsNoKeyAndReadsNoEnvironment() throws Exception {
        server.enqueue(textResponse("ok"));
        AgentAdapter adapter = OllamaAgentAdapter.builder().model("llama3.2").baseUrl(server.url("/").toString())
                .environment(name -> "should-not-be-used").build();

        adapter.respond(request("Hi"));

        assertThat(take().getHeader("Authorization")).isNull();
        assertThat(adapter.id()).isEqualTo("ollama:llama3.2");
    }
}
