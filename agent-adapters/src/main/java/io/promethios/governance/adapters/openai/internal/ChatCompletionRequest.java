package io.promethios.governance.adapters.openai.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Request body of {@code POST /chat/completions}. Null fields are omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        List<Tool> tools) {

    /** One message: role {@code system}, {@code user} or {@code assistant}. */
    public record ChatMessage(String role, String content) {
    }

    /** {@code {"include_usage": true}} asks for a final usage chunk in a stream. */
    public record StreamOptions(@JsonProperty("include_usage") boolean includeUsage) {
    }

    /** {@code {"type":"function","function":{...}}}. */
    public record Tool(String type, Function function) {
    }

    /** A function definition: name, description and JSON Schema parameters. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Function(String name, String description, JsonNode parameters) {
    }
}
