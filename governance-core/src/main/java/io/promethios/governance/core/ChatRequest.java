package io.promethios.governance.core;

import java.util.Map;
import java.util.Objects;

/**
 * One user message to a session.
 *
 * <p>Null components are rejected here ({@link NullPointerException} naming the component);
 * size and shape are checked by the pipeline's validation stage, which throws
 * {@link InvalidRequestException} naming the field.
 *
 * @param sessionId the session, created with {@link GovernancePipeline#sessions()}
 * @param content   the user's text (raw: only its governed form is ever stored)
 * @param metadata  application attributes, visible to policies (bounded by validation)
 * @since 0.1
 */
public record ChatRequest(String sessionId, String content, Map<String, String> metadata) {

    public ChatRequest {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(content, "content");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static ChatRequest of(String sessionId, String content) {
        return new ChatRequest(sessionId, content, Map.of());
    }

    /** A copy with other content (used by stages that rewrite the request). */
    public ChatRequest withContent(String newContent) {
        return new ChatRequest(sessionId, newContent, metadata);
    }

    @Override
    public String toString() {
        // never print content: toString() ends up in logs
        return "ChatRequest[sessionId=" + sessionId + ", content=<" + content.length() + " chars>, metadata=" + metadata.keySet() + "]";
    }
}
