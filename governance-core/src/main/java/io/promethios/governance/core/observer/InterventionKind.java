package io.promethios.governance.core.observer;

/**
 * Graded observer interventions, mildest first.
 *
 * @since 0.1
 */
public enum InterventionKind {
    /** Note a problem; nothing changes. */
    WARN,
    /** Steer the conversation (a note for the application or the next system prompt). */
    STEER,
    /** Recommend asking the agent again. */
    REASK,
    /** Open a human review of the turn. */
    ESCALATE,
    /** Suspend the session: further turns are blocked until it is cleared. */
    SUSPEND
}
