package io.promethios.governance.core.event;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.observer.Intervention;
import io.promethios.governance.core.trust.TrustChange;

import java.util.Objects;

/**
 * Something that happened during a turn. Events never carry user or agent text.
 *
 * @since 0.1
 */
public sealed interface GovernanceEvent {

    /** The session the event belongs to. */
    String sessionId();

    /** The turn within the session. */
    long turn();

    /** A turn entered the pipeline. */
    record TurnStarted(String sessionId, long turn) implements GovernanceEvent {
        public TurnStarted {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /** A turn finished and was stored. */
    record TurnCompleted(String sessionId, long turn, ContentStatus status, Verdict verdict, long nanos) implements GovernanceEvent {
        public TurnCompleted {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** A turn failed with an exception; nothing of it was stored. */
    record TurnFailed(String sessionId, long turn, String errorType) implements GovernanceEvent {
        public TurnFailed {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(errorType, "errorType");
        }
    }

    /** A policy decided (every decision, ALLOW included). */
    record PolicyDecided(String sessionId, long turn, PolicyDecision decision) implements GovernanceEvent {
        public PolicyDecided {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** A policy decided anything but ALLOW. */
    record PolicyViolated(String sessionId, long turn, PolicyDecision decision) implements GovernanceEvent {
        public PolicyViolated {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** How a policy failed. */
    enum Failure {
        /** It threw. */
        EXCEPTION,
        /** It ran past its timeout. */
        TIMEOUT,
        /** It returned null or an invalid decision (for example replacements out of range). */
        INVALID_DECISION
    }

    /** A policy failed; {@code resultingVerdict} is BLOCK under fail-closed, WARN under fail-open. */
    record PolicyFailed(String sessionId, long turn, String policyId, EnforcementPoint point, Failure failure,
                        FailureMode failureMode, Verdict resultingVerdict, String detail) implements GovernanceEvent {
        public PolicyFailed {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(policyId, "policyId");
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(failureMode, "failureMode");
            Objects.requireNonNull(resultingVerdict, "resultingVerdict");
            detail = detail == null ? "" : detail;
        }
    }

    /** A trust score changed. */
    record TrustChanged(String sessionId, long turn, TrustChange change) implements GovernanceEvent {
        public TrustChanged {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(change, "change");
        }
    }

    /** The observer intervened. */
    record ObserverIntervened(String sessionId, long turn, Intervention intervention) implements GovernanceEvent {
        public ObserverIntervened {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(intervention, "intervention");
        }
    }
}
