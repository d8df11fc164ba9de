package io.promethios.governance.core;

/**
 * Credentials were rejected (401/403). Not retriable.
 *
 * @since 0.1
 */
public class AgentAuthenticationException extends AgentException {
    public AgentAuthenticationException(String agentId, String message, int statusCode, Throwable cause) {
        super(agentId, message, statusCode, false, cause);
    }
}
