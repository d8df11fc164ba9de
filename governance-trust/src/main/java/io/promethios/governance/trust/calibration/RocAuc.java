package io.promethios.governance.trust.calibration;

import java.util.Arrays;
import java.util.Objects;

/**
 * The area under the ROC curve by the Mann-Whitney statistic: the probability that a random
 * member of {@code higher} scores above a random member of {@code lower}, ties counted half.
 *
 * @since 0.1
 */
public final class RocAuc {

    private RocAuc() {
    }

    /**
     * AUC of {@code higher} over {@code lower}, in O((n+m) log(n+m)).
     *
     * @throws IllegalArgumentException if either group is empty or holds NaN
     */
    public static double of(double[] higher, double[] lower) {
        Objects.requireNonNull(higher, "higher");
        Objects.requireNonNull(lower, "lower");
        if (higher.length == 0 || lower.length == 0) {
            throw new IllegalArgumentException("both groups need at least one score, but had " + higher.length + " and " + lower.length);
        }
        int n = higher.length + lower.length;
        double[] all = new double[n];
        boolean[] isHigher = new boolean[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            all[i] = i < higher.length ? higher[i] : lower[i - higher.length];
            if (Double.isNaN(all[i])) {
                throw new IllegalArgumentException("scores must not be NaN");
            }
            isHigher[i] = i < higher.length;
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(all[a], all[b]));
        // mid-ranks over ties, then U = rank sum of 'higher' - n1(n1+1)/2
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && all[idx[j + 1]] == all[idx[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (isHigher[idx[k]]) {
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        double n1 = higher.length;
        double u = rankSum - n1 * (n1 + 1) / 2;
        return u / (n1 * lower.length);
    }
}
