package io.promethios.governance.policies.text;

import java.util.Objects;

/**
 * The result of {@link TextNormalizer#normalize(String)}: the original text, its normalized form
 * and an offset map from every normalized char back to the original.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class NormalizedText {

    private final String original;
    private final String normalized;
    /** For normalized index i: the original start of the char's source; null when identity. */
    private final int[] origStart;
    /** For normalized index i: the original end (exclusive) of the char's source; null when identity. */
    private final int[] origEnd;

    NormalizedText(String original, String normalized, int[] origStart, int[] origEnd) {
        this.original = Objects.requireNonNull(original, "original");
        this.normalized = Objects.requireNonNull(normalized, "normalized");
        this.origStart = origStart;
        this.origEnd = origEnd;
    }

    static NormalizedText identity(String text) {
        return new NormalizedText(text, text, null, null);
    }

    /** The text as given. */
    public String original() {
        return original;
    }

    /** The normalized text that detectors scan. */
    public String normalized() {
        return normalized;
    }

    /** Whether normalization changed nothing (offsets are then the identity). */
    public boolean isIdentity() {
        return origStart == null;
    }

    /**
     * Maps the normalized span {@code [start, end)} to the span of the original text it came from.
     *
     * @return {@code {originalStart, originalEnd}}
     * @throws IndexOutOfBoundsException if the span is not inside the normalized text
     */
    public int[] toOriginal(int start, int end) {
        if (start < 0 || end < start || end > normalized.length()) {
            throw new IndexOutOfBoundsException("span [" + start + ", " + end + ") outside normalized text of length " + normalized.length());
        }
        if (origStart == null) {
            return new int[] {start, end};
        }
        if (start == end) {
            int at = start < normalized.length() ? origStart[start] : original.length();
            return new int[] {at, at};
        }
        return new int[] {origStart[start], origEnd[end - 1]};
    }

    @Override
    public String toString() {
        return "NormalizedText[" + original.length() + " -> " + normalized.length() + " chars]";
    }
}
