package io.promethios.governance.trust;

import io.promethios.governance.core.trust.TrustScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Trust bands: thresholds that cut [0,1] into named bands, lowest first. Policies and routers
 * use them to choose strictness ({@link io.promethios.governance.trust.policy.TrustAwarePolicy},
 * {@link io.promethios.governance.trust.policy.TrustGatePolicy}). Immutable.
 *
 * <pre>{@code
 * TrustBands bands = TrustBands.ofDefaults();                   // LOW [0,0.4) MEDIUM [0.4,0.7) HIGH [0.7,1]
 * TrustBands custom = TrustBands.of(List.of("RED", "AMBER", "GREEN"), 0.3, 0.6);
 * bands.bandOf(0.55).name();                                    // "MEDIUM"
 * }</pre>
 *
 * <p>An unknown subject (score 0.5, confidence 0) falls in MEDIUM with the defaults.
 *
 * @since 0.1
 */
public final class TrustBands {

    /** Default thresholds: LOW below 0.4, HIGH from 0.7. */
    public static final double DEFAULT_LOW_BELOW = 0.4;
    /** Default lower bound of HIGH. */
    public static final double DEFAULT_HIGH_FROM = 0.7;

    private static final TrustBands DEFAULTS = of(List.of("LOW", "MEDIUM", "HIGH"), DEFAULT_LOW_BELOW, DEFAULT_HIGH_FROM);

    private final TrustBand[] bands;

    private TrustBands(TrustBand[] bands) {
        this.bands = bands;
    }

    /** LOW [0,0.4), MEDIUM [0.4,0.7), HIGH [0.7,1]. */
    public static TrustBands ofDefaults() {
        return DEFAULTS;
    }

    /**
     * LOW [0,{@code lowBelow}), MEDIUM [{@code lowBelow},{@code highFrom}), HIGH [{@code highFrom},1].
     *
     * @throws IllegalArgumentException unless {@code 0 < lowBelow < highFrom < 1}
     */
    public static TrustBands of(double lowBelow, double highFrom) {
        return of(List.of("LOW", "MEDIUM", "HIGH"), lowBelow, highFrom);
    }

    /**
     * Bands named {@code names} (lowest first) separated by {@code thresholds}: band {@code i}
     * is {@code [thresholds[i-1], thresholds[i])}.
     *
     * @throws IllegalArgumentException if there is not exactly one more name than thresholds,
     *                                  names repeat or are blank, or the thresholds are not
     *                                  finite, strictly increasing and inside (0,1)
     */
    public static TrustBands of(List<String> names, double... thresholds) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(thresholds, "thresholds");
        if (names.size() != thresholds.length + 1) {
            throw new IllegalArgumentException("need one more band name than thresholds, but got " + names.size() + " names "
                    + names + " and " + thresholds.length + " thresholds " + Arrays.toString(thresholds));
        }
        double prev = 0;
        for (double t : thresholds) {
            if (!(t > prev && t < 1)) {
                throw new IllegalArgumentException("thresholds must be strictly increasing inside (0,1), but were "
                        + Arrays.toString(thresholds));
            }
            prev = t;
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("band names must be distinct, but were " + names);
        }
        TrustBand[] bands = new TrustBand[names.size()];
        for (int i = 0; i < bands.length; i++) {
            double lo = i == 0 ? 0.0 : thresholds[i - 1];
            double hi = i == thresholds.length ? 1.0 : thresholds[i];
            bands[i] = new TrustBand(Objects.requireNonNull(names.get(i), "band name"), i, lo, hi);
        }
        return new TrustBands(bands);
    }

    /**
     * The band {@code score} falls in.
     *
     * @throws IllegalArgumentException if {@code score} is not in [0,1]
     */
    public TrustBand bandOf(double score) {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0,1], but was " + score);
        }
        for (int i = bands.length - 1; i > 0; i--) {
            if (score >= bands[i].lowerBound()) {
                return bands[i];
            }
        }
        return bands[0];
    }

    /** The band {@code score.score()} falls in. */
    public TrustBand bandOf(TrustScore score) {
        return bandOf(Objects.requireNonNull(score, "score").score());
    }

    /** The band called {@code name}. */
    public Optional<TrustBand> band(String name) {
        Objects.requireNonNull(name, "name");
        for (TrustBand b : bands) {
            if (b.name().equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * The band called {@code name}.
     *
     * @throws IllegalArgumentException if there is none (the message lists the names)
     */
    public TrustBand require(String name) {
        return band(name).orElseThrow(() -> new IllegalArgumentException("unknown trust band '" + name + "'; known: " + names()));
    }

    /** The lowest band. */
    public TrustBand lowest() {
        return bands[0];
    }

    /** The highest band. */
    public TrustBand highest() {
        return bands[bands.length - 1];
    }

    /** All bands, lowest first. */
    public List<TrustBand> bands() {
        return List.of(bands);
    }

    /** Band names, lowest first. */
    public List<String> names() {
        List<String> out = new ArrayList<>(bands.length);
        for (TrustBand b : bands) {
            out.add(b.name());
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TrustBands[");
        for (int i = 0; i < bands.length; i++) {
            if (i > 0) {
                sb.append(" < ").append(bands[i].lowerBound()).append(" <= ");
            }
            sb.append(bands[i].name());
        }
        return sb.append(']').toString();
    }
}
