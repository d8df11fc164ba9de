package io.promethios.governance.core;

/**
 * A turn was sent to a session that has been closed.
 *
 * @since 0.1
 */
public class SessionClosedException extends GovernanceException {
    private SessionClosedException(String sessionId) {
        super("Session '" + sessionId + "' is closed; start a new session");
    }

    public static SessionClosedException of(String sessionId) {
        return new SessionClosedException(sessionId);
    }
}
