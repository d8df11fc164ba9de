package io.promethios.governance.core.session;

import io.promethios.governance.core.GovernanceException;

/**
 * An optimistic update lost a race: the session changed since it was read.
 *
 * @since 0.1
 */
public class StaleSessionException extends GovernanceException {
    private StaleSessionException(String message) {
        super(message);
    }

    public static StaleSessionException of(String sessionId, long expected, long actual) {
        return new StaleSessionException("Session '" + sessionId + "' is at version " + actual + ", not " + expected
                + "; it was changed concurrently");
    }
}
