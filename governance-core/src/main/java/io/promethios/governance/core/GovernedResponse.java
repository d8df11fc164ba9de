package io.promethios.governance.core;

import io.promethios.governance.core.observer.Intervention;
import io.promethios.governance.core.spi.ToolCall;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one governed turn.
 *
 * @param sessionId    the session
 * @param turn         1-based turn number within the session
 * @param status       {@code DELIVERED}, {@code TRANSFORMED}, {@code BLOCKED} or {@code HELD}
 * @param verdict      the combined verdict of every decision of the turn
 * @param content      the governed answer; {@code ""} when blocked or held
 * @param agentId      the agent that answered; {@code ""} when no agent was called
 * @param decisions    every policy decision of the turn, in the order made
 * @param toolCalls    tool calls the agent asked for that passed PROCESSING policies
 * @param trust        the trust snapshot the turn was governed under
 * @param trustChanges how this turn's evidence moved trust
 * @param observerNotes interventions the observer raised on this turn
 * @param audit        where the turn's audit records are; empty only when audit failures are
 *                     configured not to fail the turn and the sink failed
 * @param stageTimings self time per stage
 * @since 0.1
 */
public record GovernedResponse(
        String sessionId,
        long turn,
        ContentStatus status,
        Verdict verdict,
        String content,
        String agentId,
        List<PolicyDecision> decisions,
        List<ToolCall> toolCalls,
        TrustSnapshot trust,
        List<TrustChange> trustChanges,
        List<Intervention> observerNotes,
        Optional<AuditReference> audit,
        List<StageTiming> stageTimings) {

    public GovernedResponse {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(content, "content");
        agentId = agentId == null ? "" : agentId;
        decisions = List.copyOf(decisions);
        toolCalls = List.copyOf(toolCalls);
        trust = trust == null ? TrustSnapshot.unknown() : trust;
        trustChanges = List.copyOf(trustChanges);
        observerNotes = List.copyOf(observerNotes);
        audit = audit == null ? Optional.empty() : audit;
        stageTimings = List.copyOf(stageTimings);
        if ((status == ContentStatus.BLOCKED || status == ContentStatus.HELD) && !content.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " response carries no content");
        }
    }

    /** Whether the caller may show {@link #content()}: status is DELIVERED or TRANSFORMED. */
    public boolean isDelivered() {
        return status == ContentStatus.DELIVERED || status == ContentStatus.TRANSFORMED;
    }

    @Override
    public String toString() {
        return "GovernedResponse[sessionId=" + sessionId + ", turn=" + turn + ", status=" + status + ", verdict=" + verdict
                + ", content=<" + content.length() + " chars>, agentId=" + agentId + ", decisions=" + decisions.size() + "]";
    }
}
