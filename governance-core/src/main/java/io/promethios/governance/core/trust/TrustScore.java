package io.promethios.governance.core.trust;

/**
 * A trust score in [0,1] with a confidence in [0,1] (how much evidence stands behind it).
 *
 * @param score      0 = no trust, 1 = full trust
 * @param confidence 0 = no evidence yet, approaching 1 with more evidence
 * @since 0.1
 */
public record TrustScore(double score, double confidence) {

    private static final TrustScore UNKNOWN = new TrustScore(0.5, 0.0);

    public TrustScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0,1], but was " + score);
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0,1], but was " + confidence);
        }
    }

    public static TrustScore of(double score, double confidence) {
        return new TrustScore(score, confidence);
    }

    /** The neutral prior: score 0.5, confidence 0 (nothing is known). */
    public static TrustScore unknown() {
        return UNKNOWN;
    }
}
