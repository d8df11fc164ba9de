package io.promethios.governance.adapters.ollama.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Response of {@code POST /api/chat}, and each line of its NDJSON stream (the last one has
 * {@code done: true} with the counts). Errors come as {@code {"error": "..."}}.
 */
public record ChatResponse(String model, ResponseMessage message, Boolean done,
                           @JsonProperty("done_reason") String doneReason,
                           @JsonProperty("prompt_eval_count") Integer promptEvalCount,
                           @JsonProperty("eval_count") Integer evalCount,
                           String error) {

    public record ResponseMessage(String role, String content, @JsonProperty("tool_calls") List<WireToolCall> toolCalls) {
    }

    public record WireToolCall(Function function) {
    }

    /** Ollama sends arguments as a JSON object, not a string. */
    public record Function(String name, JsonNode arguments) {
    }
}
