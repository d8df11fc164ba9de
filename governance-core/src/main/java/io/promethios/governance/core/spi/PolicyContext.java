package io.promethios.governance.core.spi;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.util.Map;
import java.util.Objects;

/**
 * What a policy evaluates: the text at one enforcement point and who and what it belongs to.
 *
 * @param point          where the policy is applied
 * @param text           the text to judge; at INPUT it already holds the rewrites of earlier
 *                       policies (transforms compose in policy order)
 * @param session        the session as it was when the turn started
 * @param agentId        the agent concerned (PROCESSING and OUTPUT), or {@code ""}
 * @param trust          the trust the turn is governed under
 * @param attributes     request metadata plus point-specific attributes (for a tool call:
 *                       {@code tool.name})
 * @since 0.1
 */
public record PolicyContext(
        EnforcementPoint point,
        String text,
        ChatSession session,
        String agentId,
        TrustSnapshot trust,
        Map<String, String> attributes) {

    public PolicyContext {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(session, "session");
        agentId = agentId == null ? "" : agentId;
        trust = trust == null ? TrustSnapshot.unknown() : trust;
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** The session's user. */
    public String userId() {
        return session.userId();
    }

    /** The session's organization. */
    public String organizationId() {
        return session.organizationId();
    }

    /** A copy evaluating other text (the engine uses it to compose transforms). */
    public PolicyContext withText(String newText) {
        return new PolicyContext(point, newText, session, agentId, trust, attributes);
    }

    @Override
    public String toString() {
        return "PolicyContext[point=" + point + ", text=<" + text.length() + " chars>, session=" + session.id()
                + ", agentId=" + agentId + "]";
    }
}
