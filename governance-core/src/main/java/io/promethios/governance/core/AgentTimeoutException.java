package io.promethios.governance.core;

/**
 * The call timed out (408 or a client-side timeout). Retriable.
 *
 * @since 0.1
 */
public class AgentTimeoutException extends AgentException {
    public AgentTimeoutException(String agentId, String message, int statusCode, Throwable cause) {
        super(agentId, message, statusCode, true, cause);
    }
}
