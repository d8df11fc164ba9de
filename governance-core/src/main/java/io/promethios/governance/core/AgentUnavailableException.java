package io.promethios.governance.core;

/**
 * The provider is unavailable (5xx, connection or DNS failure). Retriable.
 *
 * @since 0.1
 */
public class AgentUnavailableException extends AgentException {
    public AgentUnavailableException(String agentId, String message, int statusCode, Throwable cause) {
        super(agentId, message, statusCode, true, cause);
    }
}
