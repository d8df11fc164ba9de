package io.promethios.governance.core;

/**
 * Unchecked root of the SDK's exceptions: catch this to handle anything the SDK raises on its
 * own account. (Bad arguments are reported with the JDK's types: {@link NullPointerException},
 * {@link IllegalArgumentException} and {@link IllegalStateException}.)
 *
 * @since 0.1
 */
public class GovernanceException extends RuntimeException {
    public GovernanceException(String message) {
        super(message);
    }

    public GovernanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
