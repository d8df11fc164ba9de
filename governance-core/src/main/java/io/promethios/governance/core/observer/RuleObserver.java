package io.promethios.governance.core.observer;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.spi.Observer;

import java.util.ArrayList;
import java.util.List;

/**
 * The default observer: deterministic rules over the turn's decisions, trust and the session's
 * accumulated risk.
 *
 * <ul>
 *   <li><b>policy-violation</b>: a BLOCK raises WARN; a REASK that still failed raises REASK.</li>
 *   <li><b>trust-drop</b>: user trust after the turn below {@code escalateBelowTrust} (default
 *       0.3) raises ESCALATE.</li>
 *   <li><b>accumulated-risk</b>: projected risk (see {@link ObserverState#projectedRisk}) at or
 *       above {@code suspendAtRisk} (default 2.5, about four blocked turns in a row) raises
 *       SUSPEND.</li>
 *   <li><b>quality</b>: a delivered empty answer raises STEER.</li>
 * </ul>
 *
 * <p>Limitations: rules see decisions and scores, not meaning; an LLM judge can be plugged in as
 * another {@link Observer}.
 *
 * @since 0.1
 */
public final class RuleObserver implements Observer {

    public static final double DEFAULT_ESCALATE_BELOW_TRUST = 0.3;
    public static final double DEFAULT_SUSPEND_AT_RISK = 2.5;

    private final double escalateBelowTrust;
    private final double suspendAtRisk;

    private RuleObserver(double escalateBelowTrust, double suspendAtRisk) {
        if (!(escalateBelowTrust >= 0 && escalateBelowTrust <= 1)) {
            throw new IllegalArgumentException("escalateBelowTrust must be in [0,1], but was " + escalateBelowTrust);
        }
        if (!(suspendAtRisk > 0) || !Double.isFinite(suspendAtRisk)) {
            throw new IllegalArgumentException("suspendAtRisk must be finite and > 0, but was " + suspendAtRisk);
        }
        this.escalateBelowTrust = escalateBelowTrust;
        this.suspendAtRisk = suspendAtRisk;
    }

    public static RuleObserver ofDefaults() {
        return new RuleObserver(DEFAULT_ESCALATE_BELOW_TRUST, DEFAULT_SUSPEND_AT_RISK);
    }

    public static RuleObserver of(double escalateBelowTrust, double suspendAtRisk) {
        return new RuleObserver(escalateBelowTrust, suspendAtRisk);
    }

    @Override
    public List<Intervention> review(TurnReview review) {
        List<Intervention> out = new ArrayList<>(0);
        if (review.verdict() == Verdict.BLOCK) {
            String by = "pipeline";
            for (PolicyDecision d : review.decisions()) {
                if (d.verdict() == Verdict.BLOCK) {
                    by = d.policyId();
                    break;
                }
            }
            out.add(Intervention.of(InterventionKind.WARN, "policy-violation", "turn blocked by " + by));
        }
        double userTrust = review.trust().user().score();
        for (var c : review.trustChanges()) { // the last change of the user's trust in this turn
            if (c.subject().kind() == io.promethios.governance.core.trust.SubjectKind.USER) {
                userTrust = c.after().score();
            }
        }
        if (userTrust < escalateBelowTrust) {
            out.add(Intervention.of(InterventionKind.ESCALATE, "trust-drop",
                    String.format(java.util.Locale.ROOT, "user trust %.2f is below %.2f", userTrust, escalateBelowTrust)));
        }
        double risk = review.session().observerState().projectedRisk(review.verdict());
        if (risk >= suspendAtRisk && !review.session().observerState().suspended()) {
            out.add(Intervention.of(InterventionKind.SUSPEND, "accumulated-risk",
                    String.format(java.util.Locale.ROOT, "accumulated risk %.2f reached %.2f", risk, suspendAtRisk)));
        }
        if (review.agentCalled() && review.status() == ContentStatus.DELIVERED && review.governedAnswer().isBlank()) {
            out.add(Intervention.of(InterventionKind.STEER, "quality", "the agent returned an empty answer"));
        }
        return out;
    }

    @Override
    public String toString() {
        return "RuleObserver[escalateBelowTrust=" + escalateBelowTrust + ", suspendAtRisk=" + suspendAtRisk + "]";
    }
}
