package io.promethios.governance.core;

/**
 * What a policy failure (an exception, a timeout, an invalid decision) turns into.
 *
 * @since 0.1
 */
public enum FailureMode {
    /** A failure is a {@link Verdict#BLOCK}. The default. */
    FAIL_CLOSED,
    /** A failure is a {@link Verdict#WARN}; the turn goes on. */
    FAIL_OPEN
}
