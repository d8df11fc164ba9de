package io.promethios.governance.adapters.ollama.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Request body of {@code POST /api/chat}. {@code stream} is always sent, because Ollama streams
 * by default. Temperature and length limit go into {@code options} ({@code temperature},
 * {@code num_predict}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(String model, List<ChatMessage> messages, boolean stream, Options options, List<Tool> tools) {

    /** Role {@code system}, {@code user} or {@code assistant}. */
    public record ChatMessage(String role, String content) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Options(Double temperature, @JsonProperty("num_predict") Integer numPredict) {
    }

    /** {@code {"type":"function","function":{...}}}. */
    public record Tool(String type, Function function) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Function(String name, String description, JsonNode parameters) {
    }
}
