package io.promethios.governance.trust;

import java.util.Objects;

/**
 * One band of {@link TrustBands}: scores in {@code [lowerBound, upperBound)} (the highest band
 * includes 1.0).
 *
 * @param name       the band's name, e.g. {@code "LOW"}
 * @param rank       0 for the lowest band, increasing upwards
 * @param lowerBound inclusive lower bound
 * @param upperBound exclusive upper bound (1.0 inclusive for the highest band)
 * @since 0.1
 */
public record TrustBand(String name, int rank, double lowerBound, double upperBound) {

    public TrustBand {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("band name must not be blank");
        }
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0, but was " + rank);
        }
    }

    /** Whether this is the lowest band. */
    public boolean isLowest() {
        return rank == 0;
    }

    /** Whether {@code score} lies in this band. */
    public boolean contains(double score) {
        return score >= lowerBound && (score < upperBound || upperBound == 1.0 && score == 1.0);
    }
}
