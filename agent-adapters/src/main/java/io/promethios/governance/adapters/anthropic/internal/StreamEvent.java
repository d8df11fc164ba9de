package io.promethios.governance.adapters.anthropic.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One streamed event: {@code message_start}, {@code content_block_start},
 * {@code content_block_delta}, {@code content_block_stop}, {@code message_delta},
 * {@code message_stop}, {@code ping} or {@code error}. Unknown types are ignored, as the API
 * asks clients to do.
 */
public record StreamEvent(String type, Integer index, MessagesResponse message,
                          @JsonProperty("content_block") MessagesResponse.ContentBlock contentBlock,
                          Delta delta, MessagesResponse.Usage usage, JsonNode error) {

    /** {@code text_delta} ({@code text}), {@code input_json_delta} ({@code partial_json}), or a message delta ({@code stop_reason}). */
    public record Delta(String type, String text, @JsonProperty("partial_json") String partialJson,
                        @JsonProperty("stop_reason") String stopReason) {
    }
}
