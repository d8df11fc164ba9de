package io.promethios.governance.core.trust;

/**
 * What a {@link TrustStore} keeps per subject for Beta-reputation scorers: the positive and
 * negative evidence masses as of {@code updatedAtMillis}, and a trend (an exponentially weighted
 * average of recent score changes, negative when trust is falling).
 *
 * @since 0.1
 */
public record TrustState(double positive, double negative, long updatedAtMillis, double trend) {

    private static final TrustState EMPTY = new TrustState(0, 0, 0, 0);

    public TrustState {
        if (!Double.isFinite(positive) || positive < 0 || !Double.isFinite(negative) || negative < 0) {
            throw new IllegalArgumentException("masses must be finite and >= 0, but were " + positive + ", " + negative);
        }
        if (!Double.isFinite(trend)) {
            throw new IllegalArgumentException("trend must be finite, but was " + trend);
        }
    }

    /** No evidence. */
    public static TrustState empty() {
        return EMPTY;
    }
}
