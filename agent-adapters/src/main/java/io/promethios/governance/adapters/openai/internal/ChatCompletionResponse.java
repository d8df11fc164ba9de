package io.promethios.governance.adapters.openai.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Response body of {@code POST /chat/completions}, and of each streamed chunk
 * ({@code chat.completion.chunk}, where choices carry {@code delta} instead of {@code message}).
 * Any field may be missing; the mapper checks.
 */
public record ChatCompletionResponse(String id, String object, String model, List<Choice> choices, Usage usage) {

    public record Choice(Integer index, ResponseMessage message, ResponseMessage delta,
                         @JsonProperty("finish_reason") String finishReason) {
    }

    public record ResponseMessage(String role, String content, String refusal,
                                  @JsonProperty("tool_calls") List<WireToolCall> toolCalls) {
    }

    public record WireToolCall(Integer index, String id, String type, FunctionCall function) {
    }

    public record FunctionCall(String name, String arguments) {
    }

    public record Usage(@JsonProperty("prompt_tokens") Integer promptTokens,
                        @JsonProperty("completion_tokens") Integer completionTokens) {
    }
}
