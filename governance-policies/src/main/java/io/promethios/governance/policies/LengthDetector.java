package io.promethios.governance.policies;

import java.util.List;

/** Flags text shorter than {@code minChars} or longer than {@code maxChars} / {@code maxWords}. */
final class LengthDetector implements Detector {

    private final int minChars;
    private final int maxChars;
    private final int maxWords;

    LengthDetector(int minChars, int maxChars, int maxWords) {
        if (minChars < 0) {
            throw new IllegalArgumentException("length: minChars must be >= 0, but was " + minChars);
        }
        if (maxChars <= 0 || maxChars < minChars) {
            throw new IllegalArgumentException("length: maxChars must be > 0 and >= minChars (" + minChars + "), but was " + maxChars);
        }
        if (maxWords <= 0) {
            throw new IllegalArgumentException("length: maxWords must be > 0, but was " + maxWords);
        }
        this.minChars = minChars;
        this.maxChars = maxChars;
        this.maxWords = maxWords;
    }

    @Override
    public String name() {
        return "length";
    }

    @Override
    public List<Detection> detect(String text) {
        int n = text.codePointCount(0, text.length());
        if (n > maxChars) {
            return List.of(new Detection("TOO_LONG", text.offsetByCodePoints(0, maxChars), text.length(), 1.0, Severity.MEDIUM));
        }
        if (n < minChars) {
            return List.of(Detection.whole("TOO_SHORT", 1.0, Severity.LOW));
        }
        if (maxWords != Integer.MAX_VALUE) {
            int words = 0;
            boolean in = false;
            for (int i = 0; i < text.length(); i++) {
                boolean ws = Character.isWhitespace(text.charAt(i));
                if (!ws && !in) {
                    words++;
                }
                in = !ws;
            }
            if (words > maxWords) {
                return List.of(Detection.whole("TOO_MANY_WORDS", 1.0, Severity.MEDIUM));
            }
        }
        return List.of();
    }
}
