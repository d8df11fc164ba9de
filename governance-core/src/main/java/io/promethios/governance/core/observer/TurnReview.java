package io.promethios.governance.core.observer;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.util.List;
import java.util.Objects;

/**
 * A completed turn as the observer sees it: decisions, outcome and trust, and the governed
 * answer (never raw text).
 *
 * @param session        the session as it was when the turn started
 * @param status         the turn's outcome
 * @param verdict        the combined verdict
 * @param decisions      every decision of the turn
 * @param governedAnswer the delivered answer, {@code ""} if none
 * @param agentCalled    whether an agent answered
 * @param trust          the snapshot the turn was governed under
 * @param trustChanges   how trust moved during the turn
 * @since 0.1
 */
public record TurnReview(ChatSession session, ContentStatus status, Verdict verdict, List<PolicyDecision> decisions,
                         String governedAnswer, boolean agentCalled, TrustSnapshot trust, List<TrustChange> trustChanges) {
    public TurnReview {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verdict, "verdict");
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(governedAnswer, "governedAnswer");
        Objects.requireNonNull(trust, "trust");
        trustChanges = List.copyOf(trustChanges);
    }

    @Override
    public String toString() {
        return "TurnReview[session=" + session.id() + ", status=" + status + ", verdict=" + verdict + "]";
    }
}
