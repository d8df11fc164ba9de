package io.promethios.governance.policies.eval;

import io.promethios.governance.policies.Detection;
import io.promethios.governance.policies.Detector;
import io.promethios.governance.policies.Detectors;
import io.promethios.governance.policies.Severity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Measures every built-in detector on the shared datasets ({@code shared/datasets}, described in
 * its README) and reports both halves of the fixed {@link Split}.
 *
 * <pre>{@code
 * List<StandardEvaluation.Result> results = StandardEvaluation.run(StandardEvaluation.locateDatasets(Path.of("")).orElseThrow());
 * StandardEvaluation.print(results, System.out);
 * }</pre>
 *
 * @since 0.1
 */
public final class StandardEvaluation {

    /** PII entity types measured span by span. */
    public static final Set<String> PII_TYPES = Set.of("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS");

    /**
     * Opt-in PII types, measured span by span with a detector configured for them only (dataset suffix
     * {@code [opt-in]}); ZIP_CODE and AGE only on the synth file, the only one that labels them.
     */
    public static final Set<String> PII_OPT_IN_TYPES = Set.of("DOMAIN_NAME", "DATE_TIME", "ZIP_CODE", "AGE");

    /** Subset name of the secrets line whose negatives exclude other rules' positive values. */
    public static final String SECRETS_WITHOUT_SIBLINGS = "neg-no-sibling";

    /** Subset name of the line where a CyberSecEval row counts when {@code injection} or {@code restrictions} flags it. */
    public static final String WITH_RESTRICTIONS = "+restrictions";

    /** Subset name of the lines pairing benign texts with CyberSecEval's system prompts. */
    public static final String PROMPT_PAIRS = "cse-prompts";

    /** Allowed domains used to measure the {@code topic} detector on CLINC150. */
    public static final List<String> TOPIC_ALLOWED = List.of("banking", "credit_cards");

    private StandardEvaluation() {
    }

    /**
     * One measured figure set.
     *
     * @param detector detector name
     * @param dataset  dataset file (relative to the datasets directory), with a subset in brackets
     * @param subset   entity type for PII, otherwise {@code all}
     * @param halves   counts per half
     */
    public record Result(String detector, String dataset, String subset, Map<Split, Confusion> halves) {
        public Confusion both() {
            return halves.get(Split.TUNING).plus(halves.get(Split.REPORTING));
        }
    }

    /**
     * Finds a {@code shared/datasets} directory by walking up from {@code start}.
     *
     * @return the datasets directory, or empty when none exists above {@code start}
     */
    public static Optional<Path> locateDatasets(Path start) {
        Path p = start.toAbsolutePath().normalize();
        while (p != null) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            p = p.getParent();
        }
        return Optional.empty();
    }

    /** Runs every suite. */
    public static List<Result> run(Path datasets) {
        List<Result> r = new ArrayList<>();
        r.addAll(pii(datasets));
        r.addAll(secrets(datasets));
        r.addAll(injection(datasets));
        r.addAll(harmful(datasets));
        r.addAll(topic(datasets));
        r.addAll(language(datasets));
        r.addAll(restrictions(datasets));
        return r;
    }

    /**
     * Runs the suites of one detector ({@code pii}, {@code secrets}, {@code injection}, {@code harmful}, {@code topic},
     * {@code language}, {@code restrictions}).
     */
    public static List<Result> run(Path datasets, String detector) {
        return switch (detector) {
            case "pii" -> pii(datasets);
            case "secrets" -> secrets(datasets);
            case "injection" -> injection(datasets);
            case "harmful" -> harmful(datasets);
            case "topic" -> topic(datasets);
            case "language" -> language(datasets);
            case "restrictions" -> restrictions(datasets);
            default -> List.of();
        };
    }

    // ------------------------------------------------------------------ suites

    @SuppressWarnings("unchecked")
    public static List<Result> pii(Path ds) {
        List<Result> out = new ArrayList<>();
        Detector pii = Detectors.pii();
        Map<String, List<Evaluator.SpanRow>> spanRows = new LinkedHashMap<>();
        for (String file : List.of("pii/presidio_synth_dataset_v2.jsonl", "pii/presidio_generated_large.jsonl")) {
            List<Evaluator.SpanRow> rows = new ArrayList<>();
            for (Map<String, Object> row : read(ds.resolve(file))) {
                List<Evaluator.Span> spans = new ArrayList<>();
                for (Map<String, Object> s : (List<Map<String, Object>>) row.get("spans")) {
                    spans.add(new Evaluator.Span((String) s.get("type"), ((Number) s.get("start")).intValue(), ((Number) s.get("end")).intValue()));
                }
                rows.add(new Evaluator.SpanRow((String) row.get("text"), spans));
            }
            spanRows.put(file, rows);
            Evaluator.spans(pii, rows, PII_TYPES, Map.of()).forEach((type, halves) -> out.add(new Result("pii", file, type, halves)));
        }
        // bare international numbers (E.164), phone recall only
        List<Evaluator.LabelledText> e164 = new ArrayList<>();
        for (Map<String, Object> row : read(ds.resolve("pii/libphonenumber_example_numbers.csv"))) {
            e164.add(new Evaluator.LabelledText((String) row.get("e164"), true));
        }
        out.add(new Result("pii", "pii/libphonenumber_example_numbers.csv[e164]", "PHONE_NUMBER",
                Evaluator.rows(pii, e164, d -> d.type().equals("PHONE_NUMBER"))));
        // benign queries with numbers: any PII reported is a false positive
        out.add(new Result("pii", "topics_clinc150/clinc150_data_full.csv[test+oos_test]", "all",
                Evaluator.rows(pii, clincTest(ds, row -> false), d -> true)));
        Detector optIn = Detectors.pii(PII_OPT_IN_TYPES);
        spanRows.forEach((file, rows) -> Evaluator.spans(optIn, rows, file.contains("synth") ? PII_OPT_IN_TYPES : Set.of("DOMAIN_NAME", "DATE_TIME"), Map.of())
                .forEach((type, halves) -> out.add(new Result("pii", file + "[opt-in]", type, halves))));
        for (String type : new java.util.TreeSet<>(PII_OPT_IN_TYPES)) {
            out.add(new Result("pii", "topics_clinc150/clinc150_data_full.csv[test+oos_test, opt-in]", type,
                    Evaluator.rows(optIn, clincTest(ds, row -> false), d -> d.type().equals(type))));
        }
        return out;
    }

    /**
     * Secrets: Nosey Parker's rule examples as given; the same with the negatives that contain, verbatim,
     * a secret value of another rule's positive example left out (they are negatives of one rule only,
     * e.g. a Slack bot token listed as a negative of the user-token rule); and benign text, where every
     * finding is a false positive.
     */
    @SuppressWarnings("unchecked")
    public static List<Result> secrets(Path ds) {
        Detector secrets = Detectors.secrets();
        List<Map<String, Object>> np = read(ds.resolve("secrets/noseyparker_rule_examples.jsonl"));
        Map<String, String> positiveValues = new LinkedHashMap<>();   // secret value -> rule id
        for (Map<String, Object> row : np) {
            if ("positive".equals(row.get("label"))) {
                for (Map<String, Object> sec : (List<Map<String, Object>>) row.get("secrets")) {
                    String v = (String) sec.get("value");
                    if (v.length() >= 12) {
                        positiveValues.put(v, (String) row.get("rule_id"));
                    }
                }
            }
        }
        List<Evaluator.LabelledText> rows = new ArrayList<>();
        List<Evaluator.LabelledText> withoutSiblings = new ArrayList<>();
        for (Map<String, Object> row : np) {
            String text = (String) row.get("text");
            boolean positive = "positive".equals(row.get("label"));
            rows.add(new Evaluator.LabelledText(text, positive));
            boolean sibling = !positive && positiveValues.entrySet().stream()
                    .anyMatch(e -> !e.getValue().equals(row.get("rule_id")) && text.contains(e.getKey()));
            if (!sibling) {
                withoutSiblings.add(new Evaluator.LabelledText(text, positive));
            }
        }
        List<Result> out = new ArrayList<>();
        out.add(new Result("secrets", "secrets/noseyparker_rule_examples.jsonl", "all", Evaluator.rows(secrets, rows, d -> true)));
        out.add(new Result("secrets", "secrets/noseyparker_rule_examples.jsonl", SECRETS_WITHOUT_SIBLINGS,
                Evaluator.rows(secrets, withoutSiblings, d -> true)));
        out.add(new Result("secrets", "benign_prompts/awesome_chatgpt_prompts.csv", "all",
                Evaluator.rows(secrets, texts(ds, "benign_prompts/awesome_chatgpt_prompts.csv", "prompt", r -> false), d -> true)));
        out.add(new Result("secrets", "benign_prompts/self_instruct_user_oriented.jsonl", "all",
                Evaluator.rows(secrets, texts(ds, "benign_prompts/self_instruct_user_oriented.jsonl", "text", r -> false), d -> true)));
        out.add(new Result("secrets", "pii/presidio_synth_dataset_v2.jsonl", "all",
                Evaluator.rows(secrets, texts(ds, "pii/presidio_synth_dataset_v2.jsonl", "text", r -> false), d -> true)));
        out.add(new Result("secrets", "topics_clinc150/clinc150_data_full.csv[test+oos_test]", "all",
                Evaluator.rows(secrets, clincTest(ds, r -> false), d -> true)));
        return out;
    }

    public static List<Result> injection(Path ds) {
        Detector inj = Detectors.injection();
        List<Result> out = new ArrayList<>();
        out.add(new Result("injection", "prompt_attacks/inthewild_jailbreaks.jsonl", "all",
                Evaluator.rows(inj, texts(ds, "prompt_attacks/inthewild_jailbreaks.jsonl", "text", r -> true), d -> true)));
        out.add(new Result("injection", "prompt_attacks/cyberseceval_prompt_injection.jsonl", "all",
                Evaluator.rows(inj, texts(ds, "prompt_attacks/cyberseceval_prompt_injection.jsonl", "text", r -> true), d -> true)));
        out.add(new Result("injection", "benign_prompts/awesome_chatgpt_prompts.csv", "all",
                Evaluator.rows(inj, texts(ds, "benign_prompts/awesome_chatgpt_prompts.csv", "prompt", r -> "jailbreak".equals(r.get("label"))), d -> true)));
        out.add(new Result("injection", "benign_prompts/self_instruct_user_oriented.jsonl", "all",
                Evaluator.rows(inj, texts(ds, "benign_prompts/self_instruct_user_oriented.jsonl", "text", r -> false), d -> true)));
        out.add(new Result("injection", "topics_clinc150/clinc150_data_full.csv[test+oos_test]", "all",
                Evaluator.rows(inj, clincTest(ds, r -> false), d -> true)));
        // the issue's targets name the folders: recall on prompt_attacks, false positives on benign_prompts
        out.add(sum(PROMPT_ATTACKS, out.get(0), out.get(1)));
        out.add(sum(BENIGN_PROMPTS, out.get(2), out.get(3)));
        return out;
    }

    /** Dataset name of the injection line over both files of {@code prompt_attacks}. */
    public static final String PROMPT_ATTACKS = "prompt_attacks/* (both files)";

    /** Dataset name of the injection line over both files of {@code benign_prompts}. */
    public static final String BENIGN_PROMPTS = "benign_prompts/* (both files)";

    /** One line whose counts are the sums of {@code parts}' counts, half by half. */
    static Result sum(String dataset, Result... parts) {
        Map<Split, Confusion> halves = new java.util.EnumMap<>(Split.class);
        for (Split half : Split.values()) {
            Confusion c = Confusion.EMPTY;
            for (Result r : parts) {
                c = c.plus(r.halves().get(half));
            }
            halves.put(half, c);
        }
        return new Result(parts[0].detector(), dataset, parts[0].subset(), halves);
    }

    public static List<Result> harmful(Path ds) {
        Detector h = Detectors.harmful();
        Predicate<Detection> any = d -> true;
        List<Result> out = new ArrayList<>();
        out.add(new Result("harmful", "harmful_requests/ailuminate_demo_en_us.csv", "all",
                Evaluator.rows(h, texts(ds, "harmful_requests/ailuminate_demo_en_us.csv", "prompt_text", r -> true), any)));
        out.add(new Result("harmful", "harmful_requests/simple_safety_tests.csv", "all",
                Evaluator.rows(h, texts(ds, "harmful_requests/simple_safety_tests.csv", "prompts_final", r -> true), any)));
        out.add(new Result("harmful", "harmful_requests/hatecheck_test_suite_cases.csv", "all",
                Evaluator.rows(h, texts(ds, "harmful_requests/hatecheck_test_suite_cases.csv", "test_case", r -> "hateful".equals(r.get("label_gold"))), any)));
        out.add(new Result("harmful", "benign_prompts/self_instruct_user_oriented.jsonl", "all",
                Evaluator.rows(h, texts(ds, "benign_prompts/self_instruct_user_oriented.jsonl", "text", r -> false), any)));
        out.add(new Result("harmful", "topics_clinc150/clinc150_data_full.csv[test+oos_test]", "all",
                Evaluator.rows(h, clincTest(ds, r -> false), any)));
        out.add(new Result("harmful", "harmful_requests/ailuminate_demo_en_us.csv", "severity>=HIGH",
                Evaluator.rows(h, texts(ds, "harmful_requests/ailuminate_demo_en_us.csv", "prompt_text", r -> true), d -> d.severity().atLeast(Severity.HIGH))));
        // what Policies.harmfulBlock() blocks: findings of HIGH severity or worse
        out.add(new Result("harmful", "harmful_requests/hatecheck_test_suite_cases.csv", "severity>=HIGH",
                Evaluator.rows(h, texts(ds, "harmful_requests/hatecheck_test_suite_cases.csv", "test_case", r -> "hateful".equals(r.get("label_gold"))),
                        d -> d.severity().atLeast(Severity.HIGH))));
        return out;
    }

    public static List<Result> topic(Path ds) {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        TOPIC_ALLOWED.forEach(t -> allowed.put(t, List.of()));
        Detector topic = Detectors.topic(allowed, Map.of());
        List<Evaluator.LabelledText> rows = clincTest(ds, r -> !TOPIC_ALLOWED.contains(r.get("domain")));
        return List.of(new Result("topic", "topics_clinc150/clinc150_data_full.csv[test+oos_test, allowed=" + String.join("+", TOPIC_ALLOWED) + "]",
                "OFF_TOPIC", Evaluator.rows(topic, rows, d -> d.type().equals("OFF_TOPIC"))));
    }

    /**
     * {@code language} with English allowed: CyberSecEval's rows written in another language than their English system
     * prompt ({@code injection_variant} {@code different_user_input_language}) are the positives; the English CLINC150
     * test queries and self-instruct tasks the negatives.
     */
    public static List<Result> language(Path ds) {
        Detector english = Detectors.language(Set.of(), Set.of("en"));
        List<Result> out = new ArrayList<>();
        out.add(new Result("language", "prompt_attacks/cyberseceval_prompt_injection.jsonl[different_user_input_language]", "allowed=en",
                Evaluator.rows(english, otherLanguageRows(ds), d -> true)));
        out.add(new Result("language", "topics_clinc150/clinc150_data_full.csv[test+oos_test]", "allowed=en",
                Evaluator.rows(english, clincTest(ds, r -> false), d -> true)));
        out.add(new Result("language", "benign_prompts/self_instruct_user_oriented.jsonl", "allowed=en",
                Evaluator.rows(english, texts(ds, "benign_prompts/self_instruct_user_oriented.jsonl", "text", r -> false), d -> true)));
        return out;
    }

    private static List<Evaluator.LabelledText> otherLanguageRows(Path ds) {
        List<Evaluator.LabelledText> rows = new ArrayList<>();
        for (Map<String, Object> row : read(ds.resolve("prompt_attacks/cyberseceval_prompt_injection.jsonl"))) {
            if ("different_user_input_language".equals(row.get("injection_variant")) && row.get("text") != null) {
                rows.add(new Evaluator.LabelledText(row.get("text").toString(), true));
            }
        }
        return rows;
    }

    /**
     * The agent's own restrictions, judged against each row's system prompt.
     * <ul>
     *   <li>CyberSecEval with subset {@value #WITH_RESTRICTIONS}: a row is flagged when {@code injection} finds
     *       something in its text or {@code restrictions} (with the row's {@code system_prompt}) does;
     *       then {@code restrictions} alone on the same rows;</li>
     *   <li>false positives, subset {@value #PROMPT_PAIRS}: each benign text (CLINC150 test + oos_test,
     *       awesome-chatgpt-prompts, self-instruct) paired with one of CyberSecEval's distinct system prompts,
     *       chosen by {@link #pairedPrompt}; a pair is flagged when {@code restrictions} finds something. Some
     *       pairs are genuine conflicts (a recipe question against a "no recipes" prompt), so this overstates
     *       the false-positive rate. awesome-chatgpt-prompts rows labelled {@code jailbreak} stay positives, as
     *       in the injection line.</li>
     * </ul>
     */
    public static List<Result> restrictions(Path ds) {
        Detector inj = Detectors.injection();
        String cse = "prompt_attacks/cyberseceval_prompt_injection.jsonl";
        List<Evaluator.PromptedText> attacks = new ArrayList<>();
        TreeSet<String> prompts = new TreeSet<>();
        for (Map<String, Object> row : read(ds.resolve(cse))) {
            Object sp = row.get("system_prompt");
            Object text = row.get("text");
            if (text != null) {
                String prompt = sp == null ? "" : sp.toString();
                attacks.add(new Evaluator.PromptedText(prompt, text.toString(), true));
                prompts.add(prompt);
            }
        }
        List<String> distinct = List.copyOf(prompts);
        List<Result> out = new ArrayList<>();
        out.add(new Result("injection", cse, WITH_RESTRICTIONS,
                Evaluator.prompted(attacks, (sp, text) -> !inj.detect(text).isEmpty() || !Detectors.restrictions(sp).detect(text).isEmpty())));
        out.add(new Result("restrictions", cse, "all", Evaluator.prompted(attacks, StandardEvaluation::restricted)));
        out.add(new Result("restrictions", "topics_clinc150/clinc150_data_full.csv[test+oos_test]", PROMPT_PAIRS,
                Evaluator.prompted(paired(clincTest(ds, r -> false), distinct), StandardEvaluation::restricted)));
        out.add(new Result("restrictions", "benign_prompts/awesome_chatgpt_prompts.csv", PROMPT_PAIRS,
                Evaluator.prompted(paired(texts(ds, "benign_prompts/awesome_chatgpt_prompts.csv", "prompt",
                        r -> "jailbreak".equals(r.get("label"))), distinct), StandardEvaluation::restricted)));
        out.add(new Result("restrictions", "benign_prompts/self_instruct_user_oriented.jsonl", PROMPT_PAIRS,
                Evaluator.prompted(paired(texts(ds, "benign_prompts/self_instruct_user_oriented.jsonl", "text", r -> false), distinct),
                        StandardEvaluation::restricted)));
        return out;
    }

    private static boolean restricted(String systemPrompt, String text) {
        return !Detectors.restrictions(systemPrompt).detect(text).isEmpty();
    }

    private static List<Evaluator.PromptedText> paired(List<Evaluator.LabelledText> rows, List<String> prompts) {
        List<Evaluator.PromptedText> out = new ArrayList<>(rows.size());
        for (Evaluator.LabelledText row : rows) {
            out.add(new Evaluator.PromptedText(pairedPrompt(row.text(), prompts), row.text(), row.positive()));
        }
        return out;
    }

    /**
     * The system prompt a benign text is paired with: {@code prompts} (sorted) at index
     * (bytes 1–4 of SHA-256(UTF-8 "pair:" + text), big-endian) mod size. Byte 0 decides the
     * {@link Split}, so the choice is independent of the half.
     */
    public static String pairedPrompt(String text, List<String> prompts) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("pair:" + text).getBytes(StandardCharsets.UTF_8));
            int v = ((d[1] & 0xff) << 24) | ((d[2] & 0xff) << 16) | ((d[3] & 0xff) << 8) | (d[4] & 0xff);
            return prompts.get(Math.floorMod(v, prompts.size()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<Map<String, Object>> read(Path file) {
        try {
            return DatasetReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file, e);
        }
    }

    private static List<Evaluator.LabelledText> texts(Path ds, String file, String field, Predicate<Map<String, Object>> positive) {
        List<Evaluator.LabelledText> rows = new ArrayList<>();
        for (Map<String, Object> row : read(ds.resolve(file))) {
            Object t = row.get(field);
            if (t != null) {
                rows.add(new Evaluator.LabelledText(t.toString(), positive.test(row)));
            }
        }
        return rows;
    }

    private static List<Evaluator.LabelledText> clincTest(Path ds, Predicate<Map<String, Object>> positive) {
        List<Evaluator.LabelledText> rows = new ArrayList<>();
        for (Map<String, Object> row : read(ds.resolve("topics_clinc150/clinc150_data_full.csv"))) {
            Object split = row.get("split");
            if ("test".equals(split) || "oos_test".equals(split)) {
                rows.add(new Evaluator.LabelledText((String) row.get("text"), positive.test(row)));
            }
        }
        return rows;
    }

    /**
     * Prints one line per result and half: counts, precision, recall, F1, false-positive rate.
     * The text columns are as wide as their longest entry, so every line stays aligned.
     */
    public static void print(List<Result> results, PrintStream out) {
        int dw = "detector".length();
        int sw = "dataset".length();
        int bw = "subset".length();
        for (Result r : results) {
            dw = Math.max(dw, r.detector().length());
            sw = Math.max(sw, r.dataset().length());
            bw = Math.max(bw, r.subset().length());
        }
        String text = "%-" + dw + "s %-" + sw + "s %-" + bw + "s %-9s ";
        out.println(String.format(Locale.ROOT, text + "%6s %6s %6s %6s %6s  %6s %6s %6s %6s",
                "detector", "dataset", "subset", "half", "n", "tp", "fp", "tn", "fn", "P", "R", "F1", "FPR"));
        for (Result r : results) {
            for (Split half : Split.values()) {
                Confusion c = r.halves().get(half);
                out.println(String.format(Locale.ROOT, text + "%6d %6d %6d %6d %6d  %6s %6s %6s %6s",
                        r.detector(), r.dataset(), r.subset(), half.name().toLowerCase(Locale.ROOT), c.tp() + c.fp() + c.tn() + c.fn(),
                        c.tp(), c.fp(), c.tn(), c.fn(), f(c.precision()), f(c.recall()), f(c.f1()), f(c.fpr())));
            }
        }
    }

    private static String f(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.3f", d);
    }
}
