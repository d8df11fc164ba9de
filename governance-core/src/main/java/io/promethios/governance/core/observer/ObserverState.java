package io.promethios.governance.core.observer;

import io.promethios.governance.core.Verdict;

/**
 * What the observer has accumulated about a session.
 *
 * @param violations     turns with a violation (WARN or worse) so far
 * @param interventions  interventions raised so far
 * @param risk           accumulated risk (decays each turn; see {@link RuleObserver})
 * @param suspended      whether the session is suspended
 * @since 0.1
 */
public record ObserverState(long violations, long interventions, double risk, boolean suspended) {

    private static final ObserverState INITIAL = new ObserverState(0, 0, 0.0, false);

    public ObserverState {
        if (violations < 0 || interventions < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (!Double.isFinite(risk) || risk < 0) {
            throw new IllegalArgumentException("risk must be finite and >= 0, but was " + risk);
        }
    }

    public static ObserverState initial() {
        return INITIAL;
    }

    /** Share of accumulated risk carried into the next turn. */
    public static final double RISK_DECAY = 0.8;

    /**
     * Risk a turn adds for its combined verdict: BLOCK 1.0, REQUIRE_APPROVAL and ESCALATE 0.5,
     * REASK and WARN 0.25, TRANSFORM and ALLOW 0 (a redaction protects data, it is not misconduct).
     */
    public static double riskOf(Verdict verdict) {
        switch (verdict) {
            case BLOCK: return 1.0;
            case REQUIRE_APPROVAL:
            case ESCALATE: return 0.5;
            case REASK:
            case WARN: return 0.25;
            default: return 0.0;
        }
    }

    /** The risk after a turn with {@code verdict}: {@code risk * RISK_DECAY + riskOf(verdict)}. */
    public double projectedRisk(Verdict verdict) {
        return risk * RISK_DECAY + riskOf(verdict);
    }

    /** The state after a turn with {@code verdict} and {@code raised} interventions. */
    public ObserverState afterTurn(Verdict verdict, java.util.List<Intervention> raised) {
        boolean violation = verdict != Verdict.ALLOW && verdict != Verdict.TRANSFORM;
        boolean suspend = suspended || raised.stream().anyMatch(i -> i.kind() == InterventionKind.SUSPEND);
        return new ObserverState(violations + (violation ? 1 : 0), interventions + raised.size(), projectedRisk(verdict), suspend);
    }
}
