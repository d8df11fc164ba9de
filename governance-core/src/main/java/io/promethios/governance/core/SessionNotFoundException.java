package io.promethios.governance.core;

/**
 * No session with the given id exists (or it has expired from its store).
 *
 * @since 0.1
 */
public class SessionNotFoundException extends GovernanceException {
    private final String sessionId;

    private SessionNotFoundException(String sessionId) {
        super("No session with id '" + sessionId + "' (unknown, closed and evicted, or expired)");
        this.sessionId = sessionId;
    }

    public static SessionNotFoundException of(String sessionId) {
        return new SessionNotFoundException(sessionId);
    }

    public String sessionId() {
        return sessionId;
    }
}
