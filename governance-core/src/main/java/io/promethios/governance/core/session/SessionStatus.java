package io.promethios.governance.core.session;

/** Lifecycle of a session. @since 0.1 */
public enum SessionStatus {
    OPEN, CLOSED
}
