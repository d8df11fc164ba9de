package io.promethios.governance.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.promethios.governance.adapters.AgentAdapterContractTest;
import io.promethios.governance.adapters.HttpAgentAdapterBuilder;
import io.promethios.governance.adapters.ToolDefinition;
import io.promethios.governance.core.AgentUnavailableException;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiAgentAdapterTest extends AgentAdapterContractTest {

    private static final String MODEL = "gpt-4o-mini-2024-07-18";

    @Override
    protected HttpAgentAdapterBuilder<?, ?> newBuilder(MockWebServer server) {
        return OpenAiAgentAdapter.builder().apiKey(API_KEY).model("gpt-4o-mini").baseUrl(server.url("/v1").toString());
    }

    @Override
    protected String expectedPath() {
        return "/v1/chat/completions";
    }

    @Override
    protected String reportedModel() {
        return MODEL;
    }

    @Override
    protected MockResponse textResponse(String text) {
        return json("{\"id\":\"chatcmpl-9x\",\"object\":\"chat.completion\",\"created\":1727000000,\"model\":\"" + MODEL + "\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18},\"system_fingerprint\":\"fp_0ba0d124f1\"}");
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-9x\",\"object\":\"chat.completion.chunk\",\"created\":1727000000,\"model\":\"" + MODEL + "\","
                + "\"system_fingerprint\":\"fp_0ba0d124f1\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,"
                + "\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}],\"usage\":null}\n\n";
    }

    private static String streamBody(List<String> chunks, boolean complete) {
        StringBuilder sb = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null));
        for (String c : chunks) {
            sb.append(chunk("{\"content\":\"" + c + "\"}", null));
        }
        if (complete) {
            sb.append(chunk("{}", "stop"));
            sb.append("data: {\"id\":\"chatcmpl-9x\",\"object\":\"chat.completion.chunk\",\"created\":1727000000,\"model\":\"" + MODEL + "\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}\n\n");
            sb.append("data: [DONE]\n\n");
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
        return json("{\"id\":\"chatcmpl-9y\",\"object\":\"chat.completion\",\"created\":1727000000,\"model\":\"" + MODEL + "\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_abc123\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}],\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":80,\"completion_tokens\":17,\"total_tokens\":97}}");
    }

    @Override
    protected String errorBody(String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse sse(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    @Test
    void sendsTheChatCompletionsRequestExactly() throws Exception {
        server.enqueue(textResponse("ok"));

        adapter(1).respond(fullRequest());

        RecordedRequest r = take();
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        JsonNode body = body(r);
        assertThat(body).isEqualTo(JSON.readTree("{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are terse.\"},"
                + "{\"role\":\"user\",\"content\":\"first question\"},"
                + "{\"role\":\"assistant\",\"content\":\"first answer\"},"
                + "{\"role\":\"user\",\"content\":\"my card is [REDACTED]\"},"
                + "{\"role\":\"assistant\",\"content\":\"noted\"},"
                + "{\"role\":\"user\",\"content\":\"What now?\"},"
                + "{\"role\":\"system\",\"content\":" + JSON.writeValueAsString(body.get("messages").get(6).get("content").asText()) + "}],"
                + "\"temperature\":0.2,\"max_tokens\":256}"));
        assertThat(body.get("messages").get(6).get("content").asText()).contains("1. contains a phone number");
    }

    @Test
    void streamingAsksForUsageAndDoneMarker() throws Exception {
        server.enqueue(streamResponse(List.of("a")));

        adapter(1).stream(request("Hi"), new RecordingHandler());

        RecordedRequest r = take();
        JsonNode body = body(r);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options")).isEqualTo(JSON.readTree("{\"include_usage\":true}"));
        assertThat(r.getHeader("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void sendsToolsAndJoinsStreamedToolCallDeltas() throws Exception {
        String tc = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":"
                + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Paris\\\"}\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: [DONE]\n\n";
        server.enqueue(sse(tc));
        AgentAdapter adapter = adapter(1, b -> b.addTool(ToolDefinition.of("get_weather", "Weather for a city",
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")));
        RecordingHandler handler = new RecordingHandler();

        adapter.stream(request("Weather?"), handler);

        assertThat(handler.error).isNull();
        AgentReply reply = handler.reply;
        assertThat(reply.finishReason()).isEqualTo("tool_calls");
        assertThat(reply.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("call_1");
            assertThat(c.name()).isEqualTo("get_weather");
            assertThat(c.arguments()).isEqualTo("{\"city\":\"Paris\"}");
        });
        assertThat(reply.usage().inputTokens()).isEqualTo(-1);
        JsonNode tools = body(take()).get("tools");
        assertThat(tools).isEqualTo(JSON.readTree("[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Weather for a city\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]"));
    }

    @Test
    void errorInsideTheStreamGoesToOnError() {
        server.enqueue(sse(chunk("{\"content\":\"Hi\"}", null) + "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}\n\n"));
        RecordingHandler handler = new RecordingHandler();

        adapter(1).stream(request("Hi"), handler);

        assertThat(handler.tokens).containsExactly("Hi");
        assertThat(handler.error).isInstanceOf(AgentUnavailableException.class);
    }

    @Test
    void azureUsesApiKeyHeaderAndApiVersion() throws Exception {
        server.enqueue(textResponse("ok"));
        AgentAdapter azure = OpenAiAgentAdapter.builder()
                .baseUrl(server.url("/openai/deployments/my-gpt4o").toString())
                .azureApiVersion("2024-10-21")
                .environment(Map.of("AZURE_OPENAI_API_KEY", "azure-key-123")::get)
                .maxAttempts(1)
                .build();

        azure.respond(request("Hi"));

        RecordedRequest r = take();
        assertThat(r.getPath()).isEqualTo("/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21");
        assertThat(r.getHeader("api-key")).isEqualTo("azure-key-123");
        assertThat(r.getHeader("Authorization")).isNull();
        assertThat(body(r).has("model")).isFalse();
        assertThat(azure.id()).isEqualTo("openai");
    }

    @Test
    void maxCompletionTokensCanReplaceMaxTokens() throws Exception {
        server.enqueue(textResponse("ok"));

        adapter(1, b -> ((OpenAiAgentAdapter.Builder) b).useMaxCompletionTokens(true)).respond(fullRequest());

        JsonNode body = body(take());
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_tokens")).isFalse();
    }

    @Test
    void compatibleServerNeedsNoKey() throws Exception {
        server.enqueue(textResponse("ok"));
        AgentAdapter local = OpenAiAgentAdapter.builder().model("qwen2.5").baseUrl(server.url("/v1").toString())
                .environment(name -> null).build();

        local.respond(request("Hi"));

        assertThat(take().getHeader("Authorization")).isNull();
        assertThat(local.id()).isEqualTo("openai:qwen2.5");
    }

    @Test
    void missingKeyForOpenAiFailsAtBuildNamingTheVariable() {
        assertThatThrownBy(() -> OpenAiAgentAdapter.builder().model("gpt-4o-mini").environment(name -> null).build())
                .isInstanceOf(GovernanceConfigurationException.class)
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void keyIsReadFromTheEnvironment() throws Exception {
        server.enqueue(textResponse("ok"));
        OpenAiAgentAdapter.builder().model("m").baseUrl(server.url("/v1").toString())
                .environment(Map.of("OPENAI_API_KEY", "sk-from-env-xyz")::get).build().respond(request("Hi"));

        assertThat(take().getHeader("Authorization")).isEqualTo("Bearer sk-from-env-xyz");
    }
}
