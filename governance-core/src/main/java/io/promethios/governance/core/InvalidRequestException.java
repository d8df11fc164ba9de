package io.promethios.governance.core;

import java.util.List;

/**
 * A request or session specification failed validation. The message names every offending
 * field ({@code "content: size must be between 1 and 32768"}); {@link #violations()} lists them.
 *
 * <p>It extends {@link IllegalArgumentException} because it reports a bad argument, in the JDK's
 * vocabulary; nothing was written to any store when it is thrown.
 *
 * @since 0.1
 */
public class InvalidRequestException extends IllegalArgumentException {
    private final List<String> violations;

    public InvalidRequestException(String what, List<String> violations) {
        super("Invalid " + what + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** One entry per violation, each starting with the field path. */
    public List<String> violations() {
        return violations;
    }
}
