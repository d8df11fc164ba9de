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
 * <p>Weights: a clean turn is positive evidence of weight {@code 1 − riskDiscount × risk²}
 * (the builder's {@code riskDiscount}, default ¼: {@code 1 − risk²/4}), where risk is
 * the highest {@linkplain io.promethios.governance.core.PolicyDecision#risk() risk estimate}
 * among the same decisions (0 when no policy gives one). A text that came close to a detector's
 * threshold thus earns a little less trust than a plainly clean one (at risk 0.6, 91% of the
 * credit), while the everyday noise of a classifier (a few percent) costs next to nothing and a
 * clean turn always earns at least three quarters, so an honest user's recovery is not held up.
 * Among users whose turns all passed, those who kept coming close rank lower. A violation is
 * negative evidence of weight {@link #weightOf(Verdict)} (BLOCK 3, REQUIRE_APPROVAL 2, ESCALATE
 * 1.5, REASK and WARN 1). TRANSFORM (a redaction) is neither: it protects data and is not
 * misconduct. In Beta reputation terms a suspicious but allowed turn is a fractional positive
 * observation.
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
        double userRisk = state.evidenceRiskAt(EnforcementPoint.INPUT);
        record(state, scorer, TrustSubject.user(state.session.userId()), user, userRisk, 1.0, now);
        Verdict agent = Verdict.ALLOW;
        double agentRisk = 0.0;
        if (state.agentCalled) {
            agent = state.evidenceVerdictAt(EnforcementPoint.PROCESSING, EnforcementPoint.OUTPUT);
            agentRisk = state.evidenceRiskAt(EnforcementPoint.PROCESSING, EnforcementPoint.OUTPUT);
            record(state, scorer, TrustSubject.agent(state.routedAgent.id()), agent, agentRisk, 1.0, now);
        }
        Verdict all = user.max(agent);
        double risk = Math.max(userRisk, agentRisk);
        record(state, scorer, TrustSubject.conversation(state.session.id()), all, risk, 1.0, now);
        record(state, scorer, TrustSubject.system(), all, risk, SYSTEM_SHARE, now);
    }

    /**
     * Records the verdict as evidence about {@code subject}: a clean turn of weight
     * {@code share × (1 − riskDiscount × risk²)} (default riskDiscount ¼), a violation of weight
     * {@code share × weightOf(verdict)}, nothing for TRANSFORM.
     */
    private static void record(TurnState state, TrustScorer scorer, TrustSubject subject, Verdict verdict, double risk, double share,
                               Instant now) {
        if (verdict == Verdict.TRANSFORM) {
            return;
        }
        Evidence e;
        if (verdict == Verdict.ALLOW) {
            e = Evidence.of(EvidenceKind.CLEAN_TURN, share * (1.0 - state.pipeline.riskDiscount * risk * risk), "clean turn", now);
        } else {
            e = Evidence.of(EvidenceKind.POLICY_VIOLATION, weightOf(verdict) * share, verdict.name(), now);
        }
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
