package io.promethios.governance.policies;

/**
 * How serious a {@link Detection} is, from least to most severe.
 *
 * @since 0.1
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Whether this severity is at least {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() >= other.ordinal();
    }

    /** Parses {@code low}, {@code MEDIUM}, ... case-insensitively. */
    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "', expected one of low, medium, high, critical");
    }
}
