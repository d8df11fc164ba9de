package io.promethios.governance.trust.calibration;

/**
 * One row of a reliability table: predictions in {@code [lower, upper)} ({@code upper} inclusive
 * for the last bin).
 *
 * @param lower             lower bound of the bin
 * @param upper             upper bound of the bin
 * @param count             predictions in the bin
 * @param meanPredicted     mean predicted probability of a good turn (NaN when empty)
 * @param observedFrequency share of good turns among them (NaN when empty)
 * @since 0.1
 */
public record ReliabilityBin(double lower, double upper, long count, double meanPredicted, double observedFrequency) {
}
