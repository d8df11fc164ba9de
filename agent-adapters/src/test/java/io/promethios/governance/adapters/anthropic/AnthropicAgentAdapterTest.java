package io.promethios.governance.adapters.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.promethios.governance.adapters.AgentAdapterContractTest;
import io.promethios.governance.adapters.HttpAgentAdapterBuilder;
import io.promethios.governance.adapters.ToolDefinition;
import io.promethios.governance.core.AgentRateLimitedException;
import io.promethios.governance.core.AgentUnavailableException;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.spi.AgentReply;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicAgentAdapterTest extends AgentAdapterContractTest {

    private static final String MODEL = "claude-3-5-haiku-20241022";

    @Override
    protected HttpAgentAdapterBuilder<?, ?> newBuilder(MockWebServer server) {
        return AnthropicAgentAdapter.builder().apiKey(API_KEY).model("claude-3-5-haiku-latest").baseUrl(server.url("/").toString());
    }

    @Override
    protected String expectedPath() {
        return "/v1/messages";
    }

    @Override
    protected String reportedModel() {
        return MODEL;
    }

    @Override
    protected MockResponse textResponse(String text) {
        return json("{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL + "\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":11,\"output_tokens\":7}}");
    }

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    private static String streamBody(List<String> chunks, boolean complete) {
        StringBuilder sb = new StringBuilder();
        sb.append(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[],\"model\":\"" + MODEL + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":11,\"output_tokens\":1}}}"));
        sb.append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        sb.append(event("ping", "{\"type\": \"ping\"}"));
        for (String c : chunks) {
            sb.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + c + "\"}}"));
        }
        if (complete) {
            sb.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            sb.append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":7}}"));
            sb.append(event("message_stop", "{\"type\":\"message_stop\"}"));
        }
        return sb.toString();
    }

    @Override
    protected MockResponse streamResponse(List<String> chunks) {
        return sse(streamBody(chunks, true));
    }

    @Override
    protected MockResponse truncatedStreamResponse(List<String> chunks) {
        return sse(streamBody(chunks, false));
    }

    @Override
    protected MockResponse toolCallResponse() {
        return json("{\"id\":\"msg_01Aq9w938a90dw8q\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL + "\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"I'll check the weather.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}],"
                + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":120,\"output_tokens\":40}}");
    }

    @Override
    protected String errorBody(String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"" + message + "\"}}";
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream; charset=utf-8").setBody(body);
    }

    @Test
    void sendsTheMessagesRequestExactly() throws Exception {
        server.enqueue(textResponse("ok"));

        adapter(1).respond(fullRequest());

        RecordedRequest r = take();
        assertThat(r.getHeader("x-api-key")).isEqualTo(API_KEY);
        assertThat(r.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(r.getHeader("Authorization")).isNull();
        JsonNode body = body(r);
        String note = body.at("/messages/4/content/1/text").asText();
        assertThat(note).contains("1. contains a phone number");
        assertThat(body).isEqualTo(JSON.readTree("{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":256,\"system\":\"You are terse.\","
                + "\"messages\":["
                + "{\"role\":\"user\",\"content\":\"first question\"},"
                + "{\"role\":\"assistant\",\"content\":\"first answer\"},"
                + "{\"role\":\"user\",\"content\":\"my card is [REDACTED]\"},"
                + "{\"role\":\"assistant\",\"content\":\"noted\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What now?\"},{\"type\":\"text\",\"text\":" + JSON.writeValueAsString(note) + "}]}],"
                + "\"temperature\":0.2}"));
    }

    @Test
    void maxTokensIsAlwaysSentAndConsecutiveRolesAreMerged() throws Exception {
        server.enqueue(textResponse("ok"));
        var history = List.of(message(1, io.promethios.governance.core.session.MessageRole.USER, "unanswered", io.promethios.governance.core.ContentStatus.DELIVERED),
                message(2, io.promethios.governance.core.session.MessageRole.SYSTEM, "be kind", io.promethios.governance.core.ContentStatus.DELIVERED));
        var request = new io.promethios.governance.core.spi.AgentRequest("s", "a", "", history, "again?", null, null, null, null);

        adapter(1, b -> ((AnthropicAgentAdapter.Builder) b).defaultMaxTokens(99)).respond(request);

        JsonNode body = body(take());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(99);
        assertThat(body.get("system").asText()).isEqualTo("be kind");
        assertThat(body.get("messages")).isEqualTo(JSON.readTree("[{\"role\":\"user\",\"content\":\"unanswered\\n\\nagain?\"}]"));
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void streamsToolUseWithInputJsonDeltas() throws Exception {
        String body = event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],"
                + "\"model\":\"" + MODEL + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":50,\"output_tokens\":1}}}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Checking.\"}}")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \\\"Par\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"is\\\"}\"}}")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
                + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":30}}")
                + event("message_stop", "{\"type\":\"message_stop\"}");
        server.enqueue(sse(body));
        RecordingHandler handler = new RecordingHandler();

        adapter(1, b -> b.addTool(ToolDefinition.of("get_weather", "Weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")))
                .stream(request("Weather?"), handler);

        assertThat(handler.error).isNull();
        AgentReply reply = handler.reply;
        assertThat(reply.content()).isEqualTo("Checking.");
        assertThat(reply.finishReason()).isEqualTo("tool_use");
        assertThat(reply.usage().inputTokens()).isEqualTo(50);
        assertThat(reply.usage().outputTokens()).isEqualTo(30);
        assertThat(reply.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("toolu_1");
            assertThat(c.name()).isEqualTo("get_weather");
            assertThat(JSON.readTree(c.arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        });
        JsonNode sent = body(take());
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.get("tools")).isEqualTo(JSON.readTree("[{\"name\":\"get_weather\",\"description\":\"Weather\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]"));
    }

    @Test
    void errorEventsAreMappedLikeTheirStatus() {
        server.enqueue(sse(streamBody(List.of("Hi"), false)
                + event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")));
        server.enqueue(sse(event("error", "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Slow down\"}}")));
        RecordingHandler overloaded = new RecordingHandler();
        RecordingHandler limited = new RecordingHandler();

        adapter(1).stream(request("Hi"), overloaded);
        adapter(1).stream(request("Hi"), limited);

        assertThat(overloaded.tokens).containsExactly("Hi");
        assertThat(overloaded.error).isInstanceOf(AgentUnavailableException.class).hasMessageContaining("Overloaded");
        assertThat(limited.error).isInstanceOf(AgentRateLimitedException.class);
    }

    @Test
    void overloaded529IsUnavailableAndRetried() {
        server.enqueue(new MockResponse().setResponseCode(529).setBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        server.enqueue(textResponse("ok"));

        assertThat(adapter(2).respond(request("Hi")).content()).isEqualTo("ok");
    }

    @Test
    void missingKeyFailsAtBuildNamingTheVariable() {
        assertThatThrownBy(() -> AnthropicAgentAdapter.builder().model("claude").environment(name -> null).build())
                .isInstanceOf(GovernanceConfigurationException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY");
    }
}
