package io.promethios.governance.trust.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures how well trust predicts outcomes and fits a calibration for it. Feed it pairs of
 * (trust the turn was governed under, whether the turn really was bad) and ask for a
 * {@link CalibrationReport}: the Brier score of trust read as P(good turn), a reliability table
 * (mean predicted against observed frequency per bin) and an {@link IsotonicMapping} fitted by
 * pool-adjacent-violators, which adaptive governance can apply to raw trust to get a calibrated
 * probability.
 *
 * <pre>{@code
 * TrustCalibration cal = TrustCalibration.create();
 * cal.add(response.trust().user().score(), reviewerSaidBad);
 * CalibrationReport r = cal.report(10);
 * double pGood = r.mapping().apply(0.62);
 * }</pre>
 *
 * <p>Thread-safe (adds and reports are synchronized).
 *
 * @since 0.1
 */
public final class TrustCalibration {

    /** Default number of reliability bins. */
    public static final int DEFAULT_BINS = 10;

    private double[] trust = new double[64];
    private boolean[] bad = new boolean[64];
    private int size;

    private TrustCalibration() {
    }

    /** An empty calibration. */
    public static TrustCalibration create() {
        return new TrustCalibration();
    }

    /**
     * Adds one labeled outcome.
     *
     * @param trustScore the trust score the turn was governed under, in [0,1]
     * @param wasBad     whether the turn really was bad (the label)
     * @throws IllegalArgumentException if {@code trustScore} is not in [0,1]
     */
    public synchronized TrustCalibration add(double trustScore, boolean wasBad) {
        if (!(trustScore >= 0 && trustScore <= 1)) {
            throw new IllegalArgumentException("trustScore must be in [0,1], but was " + trustScore);
        }
        if (size == trust.length) {
            trust = java.util.Arrays.copyOf(trust, size * 2);
            bad = java.util.Arrays.copyOf(bad, size * 2);
        }
        trust[size] = trustScore;
        bad[size] = wasBad;
        size++;
        return this;
    }

    /** Labeled outcomes so far. */
    public synchronized int size() {
        return size;
    }

    /** The report with {@link #DEFAULT_BINS} bins. */
    public CalibrationReport report() {
        return report(DEFAULT_BINS);
    }

    /**
     * The report with {@code bins} equal-width reliability bins over [0,1].
     *
     * @throws IllegalArgumentException if {@code bins < 1}
     * @throws IllegalStateException    if nothing was added
     */
    public synchronized CalibrationReport report(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, but was " + bins);
        }
        if (size == 0) {
            throw new IllegalStateException("no labeled outcomes to calibrate against");
        }
        double[] good = new double[size];
        double[] x = java.util.Arrays.copyOf(trust, size);
        long goods = 0;
        double brier = 0;
        long[] count = new long[bins];
        double[] sumPred = new double[bins];
        double[] sumGood = new double[bins];
        List<Double> goodScores = new ArrayList<>();
        List<Double> badScores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            good[i] = bad[i] ? 0 : 1;
            goods += bad[i] ? 0 : 1;
            double err = x[i] - good[i];
            brier += err * err;
            int b = Math.min(bins - 1, (int) (x[i] * bins));
            count[b]++;
            sumPred[b] += x[i];
            sumGood[b] += good[i];
            (bad[i] ? badScores : goodScores).add(x[i]);
        }
        IsotonicMapping mapping = IsotonicMapping.fit(x, good);
        double calibrated = 0;
        for (int i = 0; i < size; i++) {
            double err = mapping.apply(x[i]) - good[i];
            calibrated += err * err;
        }
        List<ReliabilityBin> table = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            table.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? Double.NaN : sumPred[b] / count[b], count[b] == 0 ? Double.NaN : sumGood[b] / count[b]));
        }
        double auc = goodScores.isEmpty() || badScores.isEmpty() ? Double.NaN
                : RocAuc.of(goodScores.stream().mapToDouble(Double::doubleValue).toArray(),
                badScores.stream().mapToDouble(Double::doubleValue).toArray());
        return new CalibrationReport(size, (double) goods / size, brier / size, calibrated / size, auc, table, mapping);
    }
}
