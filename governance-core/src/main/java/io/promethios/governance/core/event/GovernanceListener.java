package io.promethios.governance.core.event;

/**
 * Receives governance events, in the style of OkHttp's {@code EventListener}.
 *
 * <p>Implementations <b>must be fast, must not block and must not throw</b>: they run on the
 * turn's thread. The pipeline still catches anything a listener throws, logs it at WARN and goes
 * on, so a broken listener never breaks a turn. When no listener is registered, events are not
 * even built.
 *
 * @since 0.1
 */
public interface GovernanceListener {

    /** A listener that ignores everything. */
    GovernanceListener NONE = new GovernanceListener() { };

    default void onTurnStarted(GovernanceEvent.TurnStarted event) { }

    default void onTurnCompleted(GovernanceEvent.TurnCompleted event) { }

    default void onTurnFailed(GovernanceEvent.TurnFailed event) { }

    default void onPolicyDecision(GovernanceEvent.PolicyDecided event) { }

    default void onPolicyViolation(GovernanceEvent.PolicyViolated event) { }

    default void onPolicyFailure(GovernanceEvent.PolicyFailed event) { }

    default void onTrustChange(GovernanceEvent.TrustChanged event) { }

    default void onObserverIntervention(GovernanceEvent.ObserverIntervened event) { }
}
