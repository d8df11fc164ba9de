package io.promethios.governance.core.internal;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.spi.Stage;
import io.promethios.governance.core.spi.TrustScorer;
import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustSubject;

import java.time.Instant;

/**
 * Attaches the trust snapshot on the way in (policies may have read it earlier: the snapshot is
 * taken once per turn, on first use). The evidence of the turn is recorded by
 * {@link #recordEvidence(TurnState)}, which the observer stage calls on the way out, because a
 * turn blocked by INPUT policies never reaches this stage and must still count: INPUT decisions
 * are evidence about the user, PROCESSING and OUTPUT decisions about the agent, all of them
 * about the conversation and (at a tenth of the weight) about the system. Decisions of policies
 * whose {@code trustEvidence()} is false (verdicts derived from trust) are left out.
 *
 * <p>Weights: a clean turn is positive evidence of weight 1; a violation is negative evidence
 * of weight {@link #weightOf(Verdict)} (BLOCK 3, REQUIRE_APPROVAL 2, ESCALATE 1.5, REASK and WARN
 * 1). TRANSFORM (a redaction) is neither: it protects data and is not misconduct.
 */
final class TrustAssessmentStage implements Stage {

    static final double SYSTEM_SHARE = 0.1;

    @Override
    public GovernedResponse apply(Chain chain) {
        TurnState state = (TurnState) chain.context();
        state.trust();
        return chain.proceed(chain.request());
    }

    /** Turns the decisions of the turn into trust evidence. Runs once per turn, blocked or not. */
    static void recordEvidence(TurnState state) {
        TrustScorer scorer = state.pipeline.trustScorer;
        Instant now = state.pipeline.clock.instant();
        Verdict user = state.evidenceVerdictAt(EnforcementPoint.INPUT);
        record(state, scorer, TrustSubject.user(state.session.userId()), user, 1.0, now);
        Verdict agent = Verdict.ALLOW;
        if (state.agentCalled) {
            agent = state.evidenceVerdictAt(EnforcementPoint.PROCESSING, EnforcementPoint.OUTPUT);
            record(state, scorer, TrustSubject.agent(state.routedAgent.id()), agent, 1.0, now);
        }
        Verdict all = user.max(agent);
        record(state, scorer, TrustSubject.conversation(state.session.id()), all, 1.0, now);
        record(state, scorer, TrustSubject.system(), all, SYSTEM_SHARE, now);
    }

    private static void record(TurnState state, TrustScorer scorer, TrustSubject subject, Verdict verdict, double share, Instant now) {
        if (verdict == Verdict.TRANSFORM) {
            return;
        }
        Evidence e = verdict == Verdict.ALLOW
                ? Evidence.of(EvidenceKind.CLEAN_TURN, share, "clean turn", now)
                : Evidence.of(EvidenceKind.POLICY_VIOLATION, weightOf(verdict) * share, verdict.name(), now);
        TrustChange change = scorer.record(subject, e);
        state.trustChanges.add(change);
        if (state.listening()) {
            state.publish(new GovernanceEvent.TrustChanged(state.session.id(), state.turn, change));
        }
    }

    /** Negative evidence weight of a violating verdict. */
    static double weightOf(Verdict v) {
        switch (v) {
            case BLOCK: return 3.0;
            case REQUIRE_APPROVAL: return 2.0;
            case ESCALATE: return 1.5;
            default: return 1.0;
        }
    }

    @Override
    public String name() {
        return "trust-assessment";
    }
}
