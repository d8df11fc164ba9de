package io.promethios.governance.examples.eval;

import io.promethios.governance.policies.Detector;
import io.promethios.governance.policies.Detectors;
import io.promethios.governance.policies.eval.StandardEvaluation;
import io.promethios.governance.policies.model.LinearTextModel;
import io.promethios.governance.policies.model.ModelTrainer;
import io.promethios.governance.policies.model.TrainingData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train-models [--datasets DIR] [--out DIR]}: trains the built-in injection and harmful
 * classifiers from the tuning halves of {@code shared/datasets} (see
 * {@link TrainingData}), prints cross-validated figures per training group (each example scored by
 * the model trained without its fold, alone and together with the detector's rules), and says
 * whether the result is identical to the model built into the library. With {@code --out} it writes
 * {@code injection.model} and {@code harmful.model} there (the library's copies live in
 * governance-policies/src/main/resources/io/promethios/governance/policies/model).
 */
public final class TrainModelsCommand {

    static final String USAGE = "usage: train-models [--datasets DIR] [--out DIR]";

    private TrainModelsCommand() {
    }

    /** Runs the command; 0 ok, 1 datasets missing or unreadable, 2 bad arguments. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path datasets = null;
        Path outDir = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--datasets") || a.equals("--out")) && i + 1 < args.size()) {
                Path p = Path.of(args.get(++i));
                if (a.equals("--datasets")) {
                    datasets = p;
                } else {
                    outDir = p;
                }
            } else {
                err.println("train-models: unexpected argument '" + a + "'");
                err.println(USAGE);
                return 2;
            }
        }
        Path dir = datasets != null ? datasets : StandardEvaluation.locateDatasets(Path.of("")).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("train-models: cannot find shared/datasets above " + Path.of("").toAbsolutePath() + "; use --datasets DIR");
            return 1;
        }
        try {
            if (outDir != null) {
                Files.createDirectories(outDir);
            }
            for (String name : TrainingData.MODELS) {
                List<ModelTrainer.Example> examples = TrainingData.of(name, dir);
                ModelTrainer.Result r = ModelTrainer.train(name, examples, TrainingData.options(name));
                Detector rules = Detectors.create(name, Map.of("classifier", false));
                report(name, examples, r, rules, out);
                String same;
                try {
                    same = r.model().sameAs(LinearTextModel.builtIn(name + ".model")) ? "yes" : "NO";
                } catch (IllegalStateException e) {
                    same = "NO (" + e.getMessage() + ")";
                }
                out.println("  identical to the built-in model: " + same);
                if (outDir != null) {
                    Path f = outDir.resolve(name + ".model");
                    try (OutputStream o = Files.newOutputStream(f)) {
                        r.model().write(o);
                    }
                    out.println("  written: " + f);
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("train-models: " + e.getMessage());
            return 1;
        }
    }

    private static void report(String name, List<ModelTrainer.Example> examples, ModelTrainer.Result r, Detector rules, PrintStream out) {
        double t = r.model().thresholdLogit();
        out.printf(Locale.ROOT, "%s: %d training examples, threshold %.4f (logit %.4f)%n", name, examples.size(), r.model().threshold(), t);
        out.printf(Locale.ROOT, "  %-26s %5s %8s %10s %8s %10s%n", "group (out-of-fold)", "n", "model", "share", "+rules", "share");
        Map<String, int[]> by = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            ModelTrainer.Example e = examples.get(i);
            int[] c = by.computeIfAbsent(e.group() + (e.positive() ? " (pos)" : " (neg)"), k -> new int[3]);
            boolean model = r.outOfFoldLogit()[i] >= t;
            c[0]++;
            c[1] += model ? 1 : 0;
            c[2] += model || !rules.detect(e.text()).isEmpty() ? 1 : 0;
        }
        by.forEach((g, c) -> out.printf(Locale.ROOT, "  %-26s %5d %8d %10.3f %8d %10.3f%n", g, c[0], c[1], (double) c[1] / c[0], c[2], (double) c[2] / c[0]));
    }
}
