package io.promethios.governance.policies;

import io.promethios.governance.core.Finding;

import java.util.Objects;

/**
 * One thing a {@link Detector} found. Spans always refer to the <b>original</b> text passed to
 * {@link Detector#detect(String)}, even when the detector matched a normalized form.
 *
 * <p>A detection never holds the matched text, so it can be logged and audited safely.
 *
 * @param type       what was found, for example {@code EMAIL_ADDRESS}, {@code AWS_ACCESS_KEY},
 *                   {@code INSTRUCTION_OVERRIDE}
 * @param start      start offset (inclusive) in the original text, or -1 for a whole-text detection
 * @param end        end offset (exclusive), or -1
 * @param confidence in [0,1]
 * @param severity   how serious
 * @since 0.1
 */
public record Detection(String type, int start, int end, double confidence, Severity severity) {

    public Detection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0,1], but was " + confidence);
        }
        if ((start == -1) != (end == -1) || (start != -1 && (start < 0 || end < start))) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** A detection about the text as a whole (no span). */
    public static Detection whole(String type, double confidence, Severity severity) {
        return new Detection(type, -1, -1, confidence, severity);
    }

    /** Whether this detection covers a span of the text. */
    public boolean hasSpan() {
        return start >= 0;
    }

    /** The core {@link Finding} for this detection. */
    public Finding toFinding() {
        return new Finding(type, start, end, confidence);
    }
}
