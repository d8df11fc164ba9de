package io.promethios.governance.examples.eval;

import io.promethios.governance.policies.Detector;
import io.promethios.governance.policies.Detectors;
import io.promethios.governance.policies.eval.Confusion;
import io.promethios.governance.policies.eval.DatasetReader;
import io.promethios.governance.policies.eval.Evaluator;
import io.promethios.governance.policies.eval.Split;
import io.promethios.governance.policies.eval.StandardEvaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code promethios eval}: measures detectors.
 *
 * <pre>
 * eval [--datasets DIR] [--detector NAME]
 *     every detector (or one) on the shared datasets, both halves of the fixed split
 * eval --detector NAME --file F [--text-field T] [--label-field L --positive V ...] [--negatives] [--json]
 *     one detector on any JSON-lines or CSV file
 * </pre>
 *
 * <p>Never prints the text of a row.
 */
public final class EvalCommand {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: eval [--datasets DIR] [--detector NAME]",
            "       eval --detector NAME --file F [--text-field T] [--label-field L --positive V ...] [--negatives] [--json]",
            "  detectors: " + Detectors.NAMES,
            "  without --label-field every row is a positive; with --negatives every row is a negative",
            "  --json prints one object with tp, fp, tn, fn, precision, recall, f1, fpr");

    private EvalCommand() {
    }

    /**
     * Runs the command.
     *
     * @return 0 on success, 1 when data cannot be read, 2 for usage errors (usage printed on {@code err})
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String datasets = null;
        String detectorName = null;
        String file = null;
        String textField = "text";
        String labelField = null;
        Set<String> positives = new HashSet<>();
        boolean negatives = false;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--datasets", "--detector", "--file", "--text-field", "--label-field", "--positive" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, "option " + a + " needs a value");
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "--datasets" -> datasets = v;
                        case "--detector" -> detectorName = v;
                        case "--file" -> file = v;
                        case "--text-field" -> textField = v;
                        case "--label-field" -> labelField = v;
                        default -> positives.add(v);
                    }
                }
                case "--negatives" -> negatives = true;
                case "--json" -> json = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage(err, "unknown argument '" + a + "'");
                }
            }
        }
        if (detectorName != null && !Detectors.NAMES.contains(detectorName)) {
            return usage(err, "unknown detector '" + detectorName + "', known detectors: " + Detectors.NAMES);
        }
        if (file != null) {
            if (detectorName == null) {
                return usage(err, "--file needs --detector");
            }
            if (labelField != null && positives.isEmpty()) {
                return usage(err, "--label-field needs at least one --positive value");
            }
            if (labelField == null && !positives.isEmpty()) {
                return usage(err, "--positive needs --label-field");
            }
            if (labelField != null && negatives) {
                return usage(err, "--negatives cannot be combined with --label-field");
            }
            return runFile(detectorName, Path.of(file), textField, labelField, positives, negatives, json, out, err);
        }
        if (labelField != null || !positives.isEmpty() || negatives || json) {
            return usage(err, "--label-field, --positive, --negatives and --json apply to --file");
        }
        Optional<Path> ds = datasets != null ? Optional.of(Path.of(datasets)) : StandardEvaluation.locateDatasets(Path.of(""));
        if (ds.isEmpty() || !Files.isDirectory(ds.get())) {
            err.println("eval: no datasets directory " + (datasets != null ? "'" + datasets + "'" : "(no shared/datasets above the working directory)")
                    + "; pass --datasets DIR");
            return 2;
        }
        try {
            List<StandardEvaluation.Result> results = detectorName == null
                    ? StandardEvaluation.run(ds.get()) : StandardEvaluation.run(ds.get(), detectorName);
            if (results.isEmpty()) {
                out.println("eval: no labelled data in " + ds.get() + " for detector '" + detectorName + "'");
                return 0;
            }
            out.println("datasets: " + ds.get() + "  (halves: SHA-256(text) first byte even = tuning, odd = reporting)");
            StandardEvaluation.print(results, out);
            return 0;
        } catch (RuntimeException e) {
            err.println("eval: " + e.getMessage());
            return 1;
        }
    }

    private static int runFile(String detectorName, Path file, String textField, String labelField, Set<String> positives,
                               boolean negatives, boolean json, PrintStream out, PrintStream err) {
        List<Map<String, Object>> rows;
        try {
            rows = DatasetReader.read(file);
        } catch (IOException e) {
            err.println("eval: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            return 1;
        }
        Detector detector = defaultDetector(detectorName);
        if (detector == null) {
            err.println("eval: detector '" + detectorName + "' needs parameters (a policy document); it has no default to evaluate");
            return 2;
        }
        List<Evaluator.LabelledText> labelled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Object t = row.get(textField);
            if (t == null) {
                err.println("eval: " + file + ": row " + (i + 1) + " has no field '" + textField + "' (fields: " + row.keySet() + ")");
                return 2;
            }
            boolean positive;
            if (labelField != null) {
                Object l = row.get(labelField);
                if (l == null) {
                    err.println("eval: " + file + ": row " + (i + 1) + " has no field '" + labelField + "'");
                    return 2;
                }
                positive = positives.contains(String.valueOf(l));
            } else {
                positive = !negatives;
            }
            labelled.add(new Evaluator.LabelledText(String.valueOf(t), positive));
        }
        Map<Split, Confusion> halves = Evaluator.rows(detector, labelled, d -> true);
        Confusion all = halves.get(Split.TUNING).plus(halves.get(Split.REPORTING));
        if (json) {
            out.println(all.toJson());
        } else {
            StandardEvaluation.print(List.of(new StandardEvaluation.Result(detectorName, file.toString(), "all", halves)), out);
            out.println(String.format(java.util.Locale.ROOT, "all: tp=%d fp=%d tn=%d fn=%d precision=%s recall=%s f1=%s fpr=%s",
                    all.tp(), all.fp(), all.tn(), all.fn(), fmt(all.precision()), fmt(all.recall()), fmt(all.f1()), fmt(all.fpr())));
        }
        return 0;
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "-" : String.format(java.util.Locale.ROOT, "%.4f", d);
    }

    /** The detector used for files: built-in defaults; parameterised detectors get permissive defaults. */
    private static Detector defaultDetector(String name) {
        return switch (name) {
            case "pii" -> Detectors.pii();
            case "secrets" -> Detectors.secrets();
            case "injection" -> Detectors.injection();
            case "harmful" -> Detectors.harmful();
            case "url" -> Detectors.url(Set.of(), Set.of());
            case "length" -> Detectors.length(4096);
            case "language" -> Detectors.language(Set.of("LATIN"), Set.of("en"));
            case "topic" -> Detectors.topic(Map.of("banking", List.of(), "credit_cards", List.of()), Map.of());
            default -> null;
        };
    }

    private static int usage(PrintStream err, String message) {
        err.println("eval: " + message);
        err.println(USAGE);
        return 2;
    }
}
