package io.promethios.governance.policies.eval;

import io.promethios.governance.policies.Detection;
import io.promethios.governance.policies.Detector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Runs a {@link Detector} over labelled rows and counts.
 *
 * @since 0.1
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Label of one row: whether it is a positive. */
    public record LabelledText(String text, boolean positive) {
    }

    /**
     * Row-level evaluation: a row is predicted positive when the detector reports anything that
     * {@code counts}; results per half.
     */
    public static Map<Split, Confusion> rows(Detector detector, List<LabelledText> rows, Predicate<Detection> counts) {
        Map<Split, Confusion> result = new EnumMap<>(Split.class);
        result.put(Split.TUNING, Confusion.EMPTY);
        result.put(Split.REPORTING, Confusion.EMPTY);
        for (LabelledText row : rows) {
            boolean predicted = detector.detect(row.text()).stream().anyMatch(counts);
            result.merge(Split.of(row.text()), Confusion.EMPTY.add(row.positive(), predicted), Confusion::plus);
        }
        return result;
    }

    /** A labelled text to be judged against a system prompt. */
    public record PromptedText(String systemPrompt, String text, boolean positive) {
    }

    /**
     * Row-level evaluation of texts judged against their system prompt: a row is predicted positive
     * when {@code flags.test(systemPrompt, text)}; its half is the half of its text.
     */
    public static Map<Split, Confusion> prompted(List<PromptedText> rows, BiPredicate<String, String> flags) {
        Map<Split, Confusion> result = new EnumMap<>(Split.class);
        result.put(Split.TUNING, Confusion.EMPTY);
        result.put(Split.REPORTING, Confusion.EMPTY);
        for (PromptedText row : rows) {
            boolean predicted = flags.test(row.systemPrompt(), row.text());
            result.merge(Split.of(row.text()), Confusion.EMPTY.add(row.positive(), predicted), Confusion::plus);
        }
        return result;
    }

    /** A labelled span. */
    public record Span(String type, int start, int end) {
    }

    /** A text with its gold spans. */
    public record SpanRow(String text, List<Span> spans) {
    }

    /**
     * Span-level evaluation per entity type and half. A prediction is a true positive when it has
     * the same type as an unmatched gold span and their intersection-over-union is at least 0.5;
     * unmatched predictions are false positives, unmatched gold spans false negatives. {@code tn}
     * counts rows with neither a gold nor a predicted span of the type, so {@code fpr} is the
     * share of rows without that entity where one was reported.
     *
     * @param typeMap maps detector types to gold types ({@code null} values are ignored)
     */
    public static Map<String, Map<Split, Confusion>> spans(Detector detector, List<SpanRow> rows, Set<String> goldTypes,
                                                           Map<String, String> typeMap) {
        Map<String, Map<Split, Confusion>> out = new TreeMap<>();
        for (String t : goldTypes) {
            Map<Split, Confusion> m = new EnumMap<>(Split.class);
            m.put(Split.TUNING, Confusion.EMPTY);
            m.put(Split.REPORTING, Confusion.EMPTY);
            out.put(t, m);
        }
        for (SpanRow row : rows) {
            Split half = Split.of(row.text());
            List<Span> predicted = new ArrayList<>();
            for (Detection d : detector.detect(row.text())) {
                String gt = typeMap.getOrDefault(d.type(), d.type());
                if (d.hasSpan() && goldTypes.contains(gt)) {
                    // dataset offsets are code points; convert Java char offsets
                    predicted.add(new Span(gt, row.text().codePointCount(0, d.start()), row.text().codePointCount(0, d.end())));
                }
            }
            for (String t : goldTypes) {
                List<Span> gold = row.spans().stream().filter(s -> s.type().equals(t)).toList();
                List<Span> pred = predicted.stream().filter(s -> s.type().equals(t)).toList();
                long tp = 0;
                Set<Integer> used = new HashSet<>();
                for (Span p : pred) {
                    for (int g = 0; g < gold.size(); g++) {
                        if (!used.contains(g) && iou(p, gold.get(g)) >= 0.5) {
                            used.add(g);
                            tp++;
                            break;
                        }
                    }
                }
                long fp = pred.size() - tp;
                long fn = gold.size() - tp;
                long tn = gold.isEmpty() && pred.isEmpty() ? 1 : 0;
                out.get(t).merge(half, new Confusion(tp, fp, tn, fn), Confusion::plus);
            }
        }
        return out;
    }

    static double iou(Span a, Span b) {
        int inter = Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()));
        int union = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
        return union == 0 ? 0 : (double) inter / union;
    }
}
