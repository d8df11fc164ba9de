package io.promethios.governance.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an agent answered, with what it cost.
 *
 * @param content      the answer text (ungoverned until the OUTPUT policies ran)
 * @param model        the model id the provider reported, or {@code ""}
 * @param usage        token usage
 * @param latency      time the call took, as the adapter measured it
 * @param toolCalls    tool calls the agent asked for
 * @param finishReason the provider's finish reason, or {@code ""}
 * @since 0.1
 */
public record AgentReply(String content, String model, TokenUsage usage, Duration latency, List<ToolCall> toolCalls, String finishReason) {

    public AgentReply {
        Objects.requireNonNull(content, "content");
        model = model == null ? "" : model;
        usage = usage == null ? TokenUsage.unknown() : usage;
        latency = latency == null ? Duration.ZERO : latency;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        finishReason = finishReason == null ? "" : finishReason;
    }

    /** A plain text answer with nothing else known. */
    public static AgentReply of(String content) {
        return new AgentReply(content, "", TokenUsage.unknown(), Duration.ZERO, List.of(), "");
    }

    @Override
    public String toString() {
        return "AgentReply[content=<" + content.length() + " chars>, model=" + model + ", usage=" + usage + ", latency=" + latency
                + ", toolCalls=" + toolCalls.size() + ", finishReason=" + finishReason + "]";
    }
}
