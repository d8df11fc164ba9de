package io.promethios.governance.policies.model;

import io.promethios.governance.policies.eval.DatasetReader;
import io.promethios.governance.policies.eval.Split;
import io.promethios.governance.policies.text.TextNormalizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The training sets of the built-in models, from the third-party datasets in
 * {@code shared/datasets}. Only rows of the {@linkplain Split#TUNING tuning half} are used (plus
 * the CLINC150 {@code train} split, which the evaluation never scores), so the reporting half stays
 * unseen.
 *
 * <p><b>injection</b>: positives are the jailbreaks in the wild and the CyberSecEval injections,
 * except its {@code different_user_input_language} variant (a question in another language is an
 * attack only against its system prompt; learning it would teach the model that non-English text
 * is an attack; those rows are kept as scored-only examples, so cross-validated figures include them). Negatives are the benign role-play prompts (awesome-chatgpt-prompts), the
 * self-instruct requests, the presidio business texts, every HateCheck case (statements, not
 * instructions) and the CLINC150 training queries.
 *
 * <p><b>harmful</b>: positives are AILuminate, SimpleSafetyTests and HateCheck {@code hateful};
 * negatives are HateCheck {@code non-hateful} (counter-speech, neutral mentions of groups), the
 * benign prompts, presidio texts and the CLINC150 training queries.
 *
 * @since 0.1
 */
public final class TrainingData {

    private TrainingData() {
    }

    /**
     * The options a built-in model is trained with: {@link ModelTrainer.Options#defaults()}, except
     * that the injection threshold sits above every out-of-fold benign score (quantile 1.0), because
     * benign role-play prompts resemble jailbreaks closely.
     */
    public static ModelTrainer.Options options(String model) {
        return switch (model) {
            case "injection" -> new ModelTrainer.Options(5, 5, 1e-4, 1.0, 1);
            case "harmful" -> ModelTrainer.Options.defaults();
            default -> throw new IllegalArgumentException("unknown model '" + model + "', known: " + MODELS);
        };
    }

    /** The model names this class knows: {@code injection}, {@code harmful}. */
    public static final List<String> MODELS = List.of("injection", "harmful");

    /**
     * The training examples of a built-in model.
     *
     * @param model    {@code injection} or {@code harmful}
     * @param datasets the {@code shared/datasets} directory
     * @throws IOException              if a dataset cannot be read
     * @throws IllegalArgumentException for an unknown model name
     */
    public static List<ModelTrainer.Example> of(String model, Path datasets) throws IOException {
        List<ModelTrainer.Example> out = new ArrayList<>();
        Predicate<Map<String, Object>> all = r -> true;
        switch (model) {
            case "injection" -> {
                add(out, datasets, "prompt_attacks/inthewild_jailbreaks.jsonl", "text", all, all, "inthewild");
                add(out, datasets, "prompt_attacks/cyberseceval_prompt_injection.jsonl", "text", all, all, "cyberseceval",
                        r -> false);
                addNegatives(out, datasets);
                add(out, datasets, "harmful_requests/hatecheck_test_suite_cases.csv", "test_case", all, r -> false, "hatecheck");
            }
            case "harmful" -> {
                add(out, datasets, "harmful_requests/ailuminate_demo_en_us.csv", "prompt_text", all, all, "ailuminate");
                add(out, datasets, "harmful_requests/simple_safety_tests.csv", "prompts_final", all, all, "simple-safety-tests");
                add(out, datasets, "harmful_requests/hatecheck_test_suite_cases.csv", "test_case",
                        r -> "hateful".equals(r.get("label_gold")), all, "hatecheck-hateful");
                add(out, datasets, "harmful_requests/hatecheck_test_suite_cases.csv", "test_case",
                        r -> "non-hateful".equals(r.get("label_gold")), r -> false, "hatecheck-non-hateful");
                addNegatives(out, datasets);
            }
            default -> throw new IllegalArgumentException("unknown model '" + model + "', known: " + MODELS);
        }
        return out;
    }

    private static void addNegatives(List<ModelTrainer.Example> out, Path datasets) throws IOException {
        Predicate<Map<String, Object>> none = r -> false;
        add(out, datasets, "benign_prompts/awesome_chatgpt_prompts.csv", "prompt", r -> "benign".equals(r.get("label")), none, "awesome-chatgpt-prompts");
        add(out, datasets, "benign_prompts/self_instruct_user_oriented.jsonl", "text", r -> true, none, "self-instruct");
        add(out, datasets, "pii/presidio_synth_dataset_v2.jsonl", "text", r -> true, none, "presidio");
        Path clinc = file(datasets, "topics_clinc150/clinc150_data_full.csv");
        for (Map<String, Object> row : DatasetReader.read(clinc)) {
            if ("train".equals(row.get("split"))) { // the evaluation scores only test and oos_test
                out.add(new ModelTrainer.Example(TextNormalizer.normalize(String.valueOf(row.get("text"))).normalized(), false, "clinc150-train"));
            }
        }
    }

    private static void add(List<ModelTrainer.Example> out, Path datasets, String file, String field,
                            Predicate<Map<String, Object>> keep, Predicate<Map<String, Object>> positive, String group) throws IOException {
        add(out, datasets, file, field, keep, positive, group, r -> true);
    }

    private static void add(List<ModelTrainer.Example> out, Path datasets, String file, String field, Predicate<Map<String, Object>> keep,
                            Predicate<Map<String, Object>> positive, String group, Predicate<Map<String, Object>> train) throws IOException {
        for (Map<String, Object> row : DatasetReader.read(file(datasets, file))) {
            Object v = row.get(field);
            if (v == null || !keep.test(row)) {
                continue;
            }
            String text = String.valueOf(v);
            if (Split.of(text) == Split.TUNING) {
                out.add(new ModelTrainer.Example(TextNormalizer.normalize(text).normalized(), positive.test(row), group, train.test(row)));
            }
        }
    }

    private static Path file(Path datasets, String name) throws IOException {
        Path p = datasets.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IOException("dataset file missing: " + p);
        }
        return p;
    }
}
