package io.promethios.governance.core;

/**
 * The audit trail could not be written. By default the turn fails with this exception and the
 * session is not changed: an acknowledged turn is never missing from the audit trail.
 *
 * @since 0.1
 */
public class AuditException extends GovernanceException {
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
