package io.promethios.governance.policies;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs user-supplied regular expressions under a step budget: the text is wrapped in a
 * {@link CharSequence} that counts every char the matcher reads and aborts the match when the
 * budget is spent. Catastrophic backtracking ({@code (a+)+$} on a long run of {@code a}) then
 * costs a bounded amount of work instead of hanging the turn.
 */
final class RegexBudget {

    /** Thrown inside a match when the budget is spent; never escapes this class. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    /** Result of a budgeted search: the match span, or none, or an exhausted budget. */
    record Outcome(int start, int end, boolean exhausted) {
        static final Outcome NONE = new Outcome(-1, -1, false);
        static final Outcome EXHAUSTED = new Outcome(-1, -1, true);

        boolean found() {
            return start >= 0;
        }
    }

    private static final class CountingSequence implements CharSequence {
        private final String text;
        private final long[] remaining;

        CountingSequence(String text, long[] remaining) {
            this.text = text;
            this.remaining = remaining;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private RegexBudget() {
    }

    /** Compiles a user pattern, with an error that names it. */
    static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": invalid regular expression at index " + e.getIndex() + ": " + e.getDescription());
        }
    }

    /** Finds the next match of {@code pattern} at or after {@code from} reading at most {@code steps} chars. */
    static Outcome find(Pattern pattern, String text, int from, long steps) {
        long[] remaining = {steps};
        Matcher m = pattern.matcher(new CountingSequence(text, remaining));
        try {
            if (m.find(from)) {
                return new Outcome(m.start(), m.end(), false);
            }
            return Outcome.NONE;
        } catch (BudgetExceeded e) {
            return Outcome.EXHAUSTED;
        } catch (StackOverflowError e) {
            return Outcome.EXHAUSTED; // deeply nested groups on long input
        }
    }
}
