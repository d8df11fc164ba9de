package io.promethios.governance.policies.eval;

/**
 * Counts of a binary evaluation and the figures derived from them. Undefined ratios (0/0) are
 * {@link Double#NaN}.
 *
 * @since 0.1
 */
public record Confusion(long tp, long fp, long tn, long fn) {

    public static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

    public Confusion plus(Confusion o) {
        return new Confusion(tp + o.tp, fp + o.fp, tn + o.tn, fn + o.fn);
    }

    public Confusion add(boolean actualPositive, boolean predictedPositive) {
        if (actualPositive) {
            return predictedPositive ? new Confusion(tp + 1, fp, tn, fn) : new Confusion(tp, fp, tn, fn + 1);
        }
        return predictedPositive ? new Confusion(tp, fp + 1, tn, fn) : new Confusion(tp, fp, tn + 1, fn);
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? (tp == 0 && (fp > 0 || fn > 0) ? 0.0 : Double.NaN) : 2 * p * r / (p + r);
    }

    public double fpr() {
        return ratio(fp, fp + tn);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** One JSON object with {@code tp, fp, tn, fn, precision, recall, f1, fpr} (NaN as null). */
    public String toJson() {
        return "{\"tp\":" + tp + ",\"fp\":" + fp + ",\"tn\":" + tn + ",\"fn\":" + fn + ",\"precision\":" + num(precision())
                + ",\"recall\":" + num(recall()) + ",\"f1\":" + num(f1()) + ",\"fpr\":" + num(fpr()) + "}";
    }

    static String num(double d) {
        return Double.isNaN(d) ? "null" : String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}
