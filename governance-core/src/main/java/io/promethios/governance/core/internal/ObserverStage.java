package io.promethios.governance.core.internal;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.observer.Intervention;
import io.promethios.governance.core.observer.TurnReview;
import io.promethios.governance.core.spi.Stage;

import java.time.Duration;
import java.util.List;

/**
 * Refuses turns of a suspended session on the way in (kept as a blocked turn); on the way out
 * records the turn's trust evidence, reviews the finished turn and folds the interventions into
 * the session's observer state.
 */
final class ObserverStage implements Stage {

    static final String SUSPENDED_POLICY_ID = "observer-suspension";

    @Override
    public GovernedResponse apply(Chain chain) {
        TurnState state = (TurnState) chain.context();
        if (state.session.observerState().suspended()) {
            PolicyDecision d = PolicyDecision.block(SUSPENDED_POLICY_ID, "session suspended by the observer", List.of())
                    .stamped("1", EnforcementPoint.INPUT, Duration.ZERO);
            state.decisions.add(d);
            state.inputVerdict = Verdict.BLOCK;
            state.inputStatus = ContentStatus.BLOCKED;
            state.governedInput = "";
            if (state.listening()) {
                state.publish(new GovernanceEvent.PolicyDecided(state.session.id(), state.turn, d));
                state.publish(new GovernanceEvent.PolicyViolated(state.session.id(), state.turn, d));
            }
            // a refused turn is neither clean nor misconduct: no trust evidence
            state.observerState = state.session.observerState().afterTurn(Verdict.BLOCK, List.of());
            return state.response();
        }
        GovernedResponse response = chain.proceed(chain.request());
        TrustAssessmentStage.recordEvidence(state);
        Verdict verdict = state.combinedVerdict();
        List<Intervention> raised = List.of();
        if (state.session.governanceSettings().observerEnabled()) {
            raised = state.pipeline.observer.review(new TurnReview(state.session, response.status(), verdict, state.decisions,
                    response.isDelivered() ? response.content() : "", state.agentCalled, state.trust(), state.trustChanges));
            if (raised == null) {
                throw new IllegalStateException("observer " + state.pipeline.observer.getClass().getName() + " returned null");
            }
            for (Intervention i : raised) {
                state.interventions.add(i);
                if (state.listening()) {
                    state.publish(new GovernanceEvent.ObserverIntervened(state.session.id(), state.turn, i));
                }
            }
        }
        state.observerState = state.session.observerState().afterTurn(verdict, raised);
        return raised.isEmpty() ? response : withInterventions(response, state);
    }

    private static GovernedResponse withInterventions(GovernedResponse r, TurnState state) {
        return new GovernedResponse(r.sessionId(), r.turn(), r.status(), r.verdict(), r.content(), r.agentId(), r.decisions(),
                r.toolCalls(), r.trust(), state.trustChanges, state.interventions, r.audit(), r.stageTimings());
    }

    @Override
    public String name() {
        return "observer";
    }
}
