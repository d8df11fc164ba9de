package io.promethios.governance.core.audit;

/**
 * Kinds of audit records.
 *
 * @since 0.1
 */
public enum AuditEventType {
    SESSION_CREATED,
    SESSION_CLOSED,
    /** The user's message as governed, with the INPUT decisions and a digest of the raw text. */
    USER_MESSAGE,
    /** The agent's answer as governed, with PROCESSING and OUTPUT decisions and a digest of the raw answer. */
    AGENT_MESSAGE,
    TRUST_UPDATE,
    OBSERVER_INTERVENTION,
    /** The turn's outcome: status, combined verdict, every decision. */
    TURN_COMPLETED
}
