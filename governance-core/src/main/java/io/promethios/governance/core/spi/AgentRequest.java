package io.promethios.governance.core.spi;

import io.promethios.governance.core.session.Message;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What an agent is asked: the governed user message, the governed history and generation
 * options. Every text in it has passed the INPUT policies (redacted where they redacted);
 * blocked and held messages are left out of the history.
 *
 * @param sessionId    the session
 * @param agentId      the agent addressed
 * @param systemPrompt the system prompt, or {@code ""}
 * @param history      earlier messages, oldest first
 * @param message      the governed user message
 * @param temperature  sampling temperature when set
 * @param maxTokens    answer length limit when set
 * @param feedback     for a re-ask: why earlier answers were rejected, oldest first
 * @param metadata     request metadata
 * @since 0.1
 */
public record AgentRequest(
        String sessionId,
        String agentId,
        String systemPrompt,
        List<Message> history,
        String message,
        OptionalDouble temperature,
        OptionalInt maxTokens,
        List<String> feedback,
        Map<String, String> metadata) {

    public AgentRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(agentId, "agentId");
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        history = history == null ? List.of() : List.copyOf(history);
        Objects.requireNonNull(message, "message");
        temperature = temperature == null ? OptionalDouble.empty() : temperature;
        maxTokens = maxTokens == null ? OptionalInt.empty() : maxTokens;
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A minimal request: no system prompt, history, options or feedback. */
    public static AgentRequest of(String sessionId, String agentId, String message) {
        return new AgentRequest(sessionId, agentId, "", List.of(), message, OptionalDouble.empty(), OptionalInt.empty(), List.of(), Map.of());
    }

    /** A copy with one more feedback entry (used for re-asks). */
    public AgentRequest withFeedback(String reason) {
        List<String> more = new java.util.ArrayList<>(feedback);
        more.add(reason);
        return new AgentRequest(sessionId, agentId, systemPrompt, history, message, temperature, maxTokens, more, metadata);
    }

    @Override
    public String toString() {
        return "AgentRequest[sessionId=" + sessionId + ", agentId=" + agentId + ", history=" + history.size()
                + " messages, message=<" + message.length() + " chars>, feedback=" + feedback.size() + "]";
    }
}
