package io.promethios.governance.trust.calibration;

import java.util.Arrays;
import java.util.Objects;

/**
 * A monotone (non-decreasing) mapping fitted by isotonic regression with the
 * pool-adjacent-violators algorithm: from a raw score to the observed frequency of the outcome.
 * Between fitted blocks it interpolates linearly; outside them it is flat. Immutable.
 *
 * @since 0.1
 */
public final class IsotonicMapping {

    private final double[] x;
    private final double[] y;

    private IsotonicMapping(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** The identity on [0,1] (nothing fitted yet). */
    public static IsotonicMapping identity() {
        return new IsotonicMapping(new double[] {0, 1}, new double[] {0, 1});
    }

    /**
     * Fits {@code y ≈ f(x)} with {@code f} non-decreasing, minimising the squared error
     * (weights 1). Each pooled block is represented by its mean x and mean y.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold
     *                                  non-finite values
     */
    public static IsotonicMapping fit(double[] xs, double[] ys) {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("need as many x as y and at least one, but got " + xs.length + " and " + ys.length);
        }
        int n = xs.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("values must be finite, but x[" + i + "]=" + xs[i] + ", y[" + i + "]=" + ys[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        // blocks: sum of x, sum of y, weight; equal x values are pooled first (ties get one value)
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] w = new double[n];
        double[] lastX = new double[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (blocks > 0 && lastX[blocks - 1] == xs[i]) {
                sx[blocks - 1] += xs[i];
                sy[blocks - 1] += ys[i];
                w[blocks - 1] += 1;
            } else {
                sx[blocks] = xs[i];
                sy[blocks] = ys[i];
                w[blocks] = 1;
                blocks++;
            }
            lastX[blocks - 1] = xs[i];
            while (blocks > 1 && sy[blocks - 2] / w[blocks - 2] > sy[blocks - 1] / w[blocks - 1]) {
                sx[blocks - 2] += sx[blocks - 1];
                sy[blocks - 2] += sy[blocks - 1];
                w[blocks - 2] += w[blocks - 1];
                lastX[blocks - 2] = lastX[blocks - 1];
                blocks--;
            }
        }
        double[] fx = new double[blocks];
        double[] fy = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            fx[b] = sx[b] / w[b];
            fy[b] = sy[b] / w[b];
        }
        return new IsotonicMapping(fx, fy);
    }

    /** The mapped value of {@code score}. */
    public double apply(double score) {
        if (score <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (score >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, score);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (score - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }

    /** The fitted knots' x values, increasing. */
    public double[] knotsX() {
        return x.clone();
    }

    /** The fitted knots' y values, non-decreasing. */
    public double[] knotsY() {
        return y.clone();
    }

    @Override
    public String toString() {
        return "IsotonicMapping[" + x.length + " knots]";
    }
}
