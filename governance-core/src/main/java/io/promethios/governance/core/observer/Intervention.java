package io.promethios.governance.core.observer;

import java.util.Objects;

/**
 * One observer intervention.
 *
 * @param kind    how strong
 * @param trigger what triggered it: {@code policy-violation}, {@code trust-drop},
 *                {@code accumulated-risk}, {@code quality}, or an observer's own name
 * @param reason  why, without user content
 * @since 0.1
 */
public record Intervention(InterventionKind kind, String trigger, String reason) {
    public Intervention {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trigger, "trigger");
        reason = reason == null ? "" : reason;
    }

    public static Intervention of(InterventionKind kind, String trigger, String reason) {
        return new Intervention(kind, trigger, reason);
    }
}
