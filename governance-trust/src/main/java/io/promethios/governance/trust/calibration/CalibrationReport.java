package io.promethios.governance.trust.calibration;

import java.util.List;
import java.util.Locale;

/**
 * How well trust predicted labeled outcomes; see {@link TrustCalibration}.
 *
 * @param count             labeled outcomes
 * @param goodRate          share of good outcomes
 * @param brierScore        mean of {@code (trust - good)^2}; 0 is perfect, 0.25 is a constant 0.5
 * @param calibratedBrier   the same after {@code mapping} (in-sample)
 * @param rocAuc            how well trust ranks good above bad outcomes (0.5 is chance); NaN
 *                          when only one class was seen
 * @param reliability       the reliability table
 * @param mapping           the fitted monotone calibration: trust to P(good)
 * @since 0.1
 */
public record CalibrationReport(long count, double goodRate, double brierScore, double calibratedBrier, double rocAuc,
                                List<ReliabilityBin> reliability, IsotonicMapping mapping) {

    public CalibrationReport {
        reliability = List.copyOf(reliability);
        java.util.Objects.requireNonNull(mapping, "mapping");
    }

    /** A plain-text table. */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "n=%d good=%.3f brier=%.4f calibrated-brier=%.4f auc=%.4f%n  bin           count  predicted  observed%n",
                count, goodRate, brierScore, calibratedBrier, rocAuc));
        for (ReliabilityBin b : reliability) {
            sb.append(String.format(Locale.ROOT, "  [%.2f,%.2f) %7d  %9.3f  %8.3f%n", b.lower(), b.upper(), b.count(),
                    b.meanPredicted(), b.observedFrequency()));
        }
        return sb.toString();
    }
}
