package io.promethios.governance.core;

/**
 * The provider rate-limited the call (429). Retriable.
 *
 * @since 0.1
 */
public class AgentRateLimitedException extends AgentException {
    public AgentRateLimitedException(String agentId, String message, int statusCode, Throwable cause) {
        super(agentId, message, statusCode, true, cause);
    }
}
