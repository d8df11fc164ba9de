package io.promethios.governance.adapters.anthropic.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Response body of {@code POST /v1/messages} (also the {@code message} of {@code message_start}). */
public record MessagesResponse(String id, String type, String role, String model, List<ContentBlock> content,
                               @JsonProperty("stop_reason") String stopReason, Usage usage) {

    /** A {@code text} block ({@code text}) or a {@code tool_use} block ({@code id}, {@code name}, {@code input}). */
    public record ContentBlock(String type, String text, String id, String name, JsonNode input) {
    }

    public record Usage(@JsonProperty("input_tokens") Integer inputTokens, @JsonProperty("output_tokens") Integer outputTokens) {
    }
}
