package io.promethios.governance.policies.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a {@link LinearTextModel}: L2-regularized logistic regression by stochastic gradient
 * descent, deterministic (seeded shuffles, {@link StrictMath}), so the same data gives the same
 * weights on every JVM.
 *
 * <p><b>Groups.</b> Every example belongs to a group (its source dataset and label). Each group
 * gets the same total weight, so a large group (thousands of short benign queries) does not drown
 * a small one (a hundred long benign role-play prompts).
 *
 * <p><b>Threshold.</b> The decision threshold is chosen by k-fold cross-validation: each example's
 * score comes from the model trained without its fold (out-of-fold), and the threshold is the
 * highest, over the negative groups, of the {@code negativeQuantile} quantile of that group's
 * out-of-fold scores. So every negative group is held to about {@code 1 - negativeQuantile}
 * false positives on data the model has not seen. The out-of-fold scores are returned, so callers
 * can report cross-validated figures for the training data instead of in-sample ones.
 *
 * @since 0.1
 */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    /**
     * One labeled example.
     *
     * @param text     already-normalized text
     * @param positive the label
     * @param group    source and label, for example {@code clinc150-train}
     * @param train    false for an example that is only scored, never learned from (it still gets
     *                 an {@linkplain Result#outOfFoldLogit() out-of-sample logit}, from the final model)
     */
    public record Example(String text, boolean positive, String group, boolean train) {
        public Example {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(group, "group");
        }

        /** A training example. */
        public Example(String text, boolean positive, String group) {
            this(text, positive, group, true);
        }
    }

    /**
     * Training options.
     *
     * @param folds            cross-validation folds for the threshold, >= 2
     * @param epochs           passes over the data, >= 1
     * @param l2               L2 penalty per step, >= 0
     * @param negativeQuantile out-of-fold quantile of each negative group the threshold must exceed, in (0, 1]
     * @param seed             shuffle seed
     */
    public record Options(int folds, int epochs, double l2, double negativeQuantile, long seed) {
        public Options {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be >= 2, but was " + folds);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, but was " + epochs);
            }
            if (!(l2 >= 0) || !Double.isFinite(l2)) {
                throw new IllegalArgumentException("l2 must be finite and >= 0, but was " + l2);
            }
            if (!(negativeQuantile > 0 && negativeQuantile <= 1)) {
                throw new IllegalArgumentException("negativeQuantile must be in (0, 1], but was " + negativeQuantile);
            }
        }

        /** The options the built-in models are trained with: 5 folds, 5 epochs, l2 1e-4, quantile 0.995, seed 1. */
        public static Options defaults() {
            return new Options(5, 5, 1e-4, 0.995, 1);
        }
    }

    /**
     * A trained model with its out-of-fold logits.
     *
     * @param model         trained on all examples, with the cross-validated threshold
     * @param outOfFoldLogit for each example (same order), the logit of the model trained without its
     *                       fold; for an example with {@code train == false}, the final model's logit
     */
    public record Result(LinearTextModel model, double[] outOfFoldLogit) {
    }

    /**
     * Trains a model.
     *
     * @throws IllegalArgumentException if there are no positive or no negative examples
     */
    public static Result train(String name, List<Example> examples, Options options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(options, "options");
        if (examples.stream().noneMatch(e -> e.train() && e.positive()) || examples.stream().noneMatch(e -> e.train() && !e.positive())) {
            throw new IllegalArgumentException("model '" + name + "': training needs both positive and negative examples");
        }
        List<int[]> features = new ArrayList<>(examples.size());
        for (Example e : examples) {
            features.add(LinearTextModel.features(e.text()));
        }
        double[] oof = new double[examples.size()];
        List<Integer> trainable = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).train()) {
                trainable.add(i);
            }
        }
        for (int fold = 0; fold < options.folds(); fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int k = 0; k < trainable.size(); k++) {
                (k % options.folds() == fold ? held : train).add(trainable.get(k));
            }
            double[] w = fit(examples, features, train, options);
            for (int i : held) {
                oof[i] = logit(w, features.get(i));
            }
        }
        Map<String, List<Double>> negatives = new LinkedHashMap<>();
        for (int i : trainable) {
            if (!examples.get(i).positive()) {
                negatives.computeIfAbsent(examples.get(i).group(), g -> new ArrayList<>()).add(oof[i]);
            }
        }
        double threshold = Double.NEGATIVE_INFINITY;
        for (List<Double> scores : negatives.values()) {
            Collections.sort(scores);
            int k = Math.min(scores.size() - 1, (int) (scores.size() * options.negativeQuantile()));
            // just above the quantile score: that score itself is not flagged
            threshold = Math.max(threshold, Math.nextUp(scores.get(k)));
        }
        double[] w = fit(examples, features, trainable, options);
        for (int i = 0; i < examples.size(); i++) {
            if (!examples.get(i).train()) {
                oof[i] = logit(w, features.get(i));
            }
        }
        float[] weights = new float[LinearTextModel.BUCKETS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) w[i];
        }
        return new Result(LinearTextModel.of(name, weights, w[LinearTextModel.BUCKETS], threshold), oof);
    }

    private static double logit(double[] w, int[] f) {
        double sum = 0;
        for (int j : f) {
            sum += w[j];
        }
        return w[LinearTextModel.BUCKETS] + sum / Math.sqrt(f.length + 1.0);
    }

    private static double[] fit(List<Example> examples, List<int[]> features, List<Integer> idx, Options o) {
        double[] w = new double[LinearTextModel.BUCKETS + 1]; // last slot: bias
        Map<String, Integer> groupSize = new HashMap<>();
        for (int i : idx) {
            groupSize.merge(examples.get(i).group(), 1, Integer::sum);
        }
        double perGroup = (double) idx.size() / groupSize.size();
        Random random = new Random(o.seed());
        List<Integer> order = new ArrayList<>(idx);
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            Collections.shuffle(order, random);
            double rate = 0.5 / (1 + epoch);
            for (int i : order) {
                int[] f = features.get(i);
                double scale = 1 / Math.sqrt(f.length + 1.0);
                double p = LinearTextModel.sigmoid(logit(w, f));
                Example e = examples.get(i);
                double g = (p - (e.positive() ? 1 : 0)) * perGroup / groupSize.get(e.group());
                w[LinearTextModel.BUCKETS] -= rate * g;
                for (int j : f) {
                    w[j] -= rate * (g * scale + o.l2() * w[j]);
                }
            }
        }
        return w;
    }
}
