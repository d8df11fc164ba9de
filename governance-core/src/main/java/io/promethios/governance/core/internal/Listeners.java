package io.promethios.governance.core.internal;

import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.event.GovernanceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Fans events out to listeners; a listener that throws is logged at WARN and skipped. */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final GovernanceListener[] listeners;

    Listeners(List<GovernanceListener> listeners) {
        this.listeners = listeners.toArray(new GovernanceListener[0]);
    }

    /** Whether anyone listens; callers skip building events otherwise. */
    boolean active() {
        return listeners.length > 0;
    }

    void publish(GovernanceEvent event) {
        for (GovernanceListener l : listeners) {
            try {
                if (event instanceof GovernanceEvent.TurnStarted e) {
                    l.onTurnStarted(e);
                } else if (event instanceof GovernanceEvent.TurnCompleted e) {
                    l.onTurnCompleted(e);
                } else if (event instanceof GovernanceEvent.TurnFailed e) {
                    l.onTurnFailed(e);
                } else if (event instanceof GovernanceEvent.PolicyDecided e) {
                    l.onPolicyDecision(e);
                } else if (event instanceof GovernanceEvent.PolicyViolated e) {
                    l.onPolicyViolation(e);
                } else if (event instanceof GovernanceEvent.PolicyFailed e) {
                    l.onPolicyFailure(e);
                } else if (event instanceof GovernanceEvent.TrustChanged e) {
                    l.onTrustChange(e);
                } else if (event instanceof GovernanceEvent.ObserverIntervened e) {
                    l.onObserverIntervention(e);
                }
            } catch (RuntimeException | LinkageError ex) {
                log.warn("Listener {} threw on {} in session {}; ignored", l.getClass().getName(),
                        event.getClass().getSimpleName(), event.sessionId(), ex);
            }
        }
    }
}
