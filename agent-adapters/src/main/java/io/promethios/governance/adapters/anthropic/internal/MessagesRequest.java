package io.promethios.governance.adapters.anthropic.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Request body of {@code POST /v1/messages}. {@code max_tokens} is required by the API; the
 * system prompt is the top-level {@code system} field. Null fields are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessagesRequest(
        String model,
        @JsonProperty("max_tokens") int maxTokens,
        String system,
        List<InputMessage> messages,
        Double temperature,
        Boolean stream,
        List<Tool> tools) {

    /** Role {@code user} or {@code assistant}; content is a string or a list of {@link TextBlock}s. */
    public record InputMessage(String role, Object content) {
    }

    /** {@code {"type":"text","text":...}}. */
    public record TextBlock(String type, String text) {
        public static TextBlock of(String text) {
            return new TextBlock("text", text);
        }
    }

    /** A tool: name, description and {@code input_schema}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Tool(String name, String description, @JsonProperty("input_schema") JsonNode inputSchema) {
    }
}
