package io.promethios.governance.core;

import java.util.OptionalInt;

/**
 * An agent call failed. Adapters map provider failures to the subclasses in one place and keep
 * the original failure as the cause. Messages never contain API keys or prompt text.
 *
 * @since 0.1
 */
public class AgentException extends GovernanceException {
    private final String agentId;
    private final int statusCode;
    private final boolean retriable;

    public AgentException(String agentId, String message, int statusCode, boolean retriable, Throwable cause) {
        super(message, cause);
        this.agentId = agentId == null ? "" : agentId;
        this.statusCode = statusCode;
        this.retriable = retriable;
    }

    /** The agent that failed. */
    public String agentId() {
        return agentId;
    }

    /** The HTTP status, when the failure had one. */
    public OptionalInt statusCode() {
        return statusCode > 0 ? OptionalInt.of(statusCode) : OptionalInt.empty();
    }

    /** Whether trying again later may succeed (rate limits, timeouts, unavailability). */
    public boolean isRetriable() {
        return retriable;
    }
}
