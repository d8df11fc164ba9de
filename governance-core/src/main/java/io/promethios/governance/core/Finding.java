package io.promethios.governance.core;

import java.util.Objects;

/**
 * One thing a policy found: a type (for example {@code EMAIL_ADDRESS} or {@code keyword}), an
 * optional span of the text the policy was given, and a confidence in [0,1].
 *
 * <p>A finding never holds the matched text itself, so it can be logged and audited without
 * leaking what was found.
 *
 * @param type       what was found; never blank
 * @param start      start offset (inclusive) in the evaluated text, or {@code -1} when the finding has no span
 * @param end        end offset (exclusive), or {@code -1}
 * @param confidence in [0,1]
 * @since 0.1
 */
public record Finding(String type, int start, int end, double confidence) {

    public Finding {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0,1], but was " + confidence);
        }
        if (start == -1 || end == -1) {
            if (start != end) {
                throw new IllegalArgumentException("start and end must both be -1 or both be offsets, but were " + start + ", " + end);
            }
        } else if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, but was [" + start + ", " + end + ")");
        }
    }

    /** A finding without a span. */
    public static Finding of(String type, double confidence) {
        return new Finding(type, -1, -1, confidence);
    }

    /** A finding covering {@code [start, end)} of the evaluated text. */
    public static Finding at(String type, int start, int end, double confidence) {
        return new Finding(type, start, end, confidence);
    }

    /** Whether this finding points at a span of the text. */
    public boolean hasSpan() {
        return start >= 0;
    }
}
