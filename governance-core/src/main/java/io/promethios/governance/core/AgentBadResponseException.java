package io.promethios.governance.core;

/**
 * The provider answered with something unusable (malformed or truncated body, other 4xx). Not retriable.
 *
 * @since 0.1
 */
public class AgentBadResponseException extends AgentException {
    public AgentBadResponseException(String agentId, String message, int statusCode, Throwable cause) {
        super(agentId, message, statusCode, false, cause);
    }
}
