package io.promethios.governance.core;

import java.util.Objects;

/**
 * Replace {@code [start, end)} of the evaluated text with {@code text}. Carried by a
 * {@link Verdict#TRANSFORM} decision; the policy engine applies replacements and composes the
 * transforms of several policies in policy order.
 *
 * @since 0.1
 */
public record Replacement(int start, int end, String text) {

    public Replacement {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("replacement span must satisfy 0 <= start <= end, but was [" + start + ", " + end + ")");
        }
    }

    public static Replacement of(int start, int end, String text) {
        return new Replacement(start, end, text);
    }
}
