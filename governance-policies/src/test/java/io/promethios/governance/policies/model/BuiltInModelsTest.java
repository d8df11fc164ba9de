package io.promethios.governance.policies.model;

import io.promethios.governance.policies.eval.TestDatasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in classifiers are exactly what {@link TrainingData} and {@link ModelTrainer} produce
 * from the datasets, so the shipped weights are reproducible (and nothing was edited by hand).
 * Fails, rather than skips, when {@code CI=true} and the datasets are missing.
 */
class BuiltInModelsTest {

    private static Path datasets;

    @BeforeAll
    static void locate() {
        datasets = TestDatasets.locateOrSkip("the model reproducibility check");
    }

    @Test
    void injectionModelRetrainsToTheBuiltInWeights() throws Exception {
        retrainsExactly("injection");
    }

    @Test
    void harmfulModelRetrainsToTheBuiltInWeights() throws Exception {
        retrainsExactly("harmful");
    }

    private static void retrainsExactly(String name) throws Exception {
        List<ModelTrainer.Example> ex = TrainingData.of(name, datasets);
        assertThat(ex).isNotEmpty();
        LinearTextModel trained = ModelTrainer.train(name, ex, TrainingData.options(name)).model();
        assertThat(trained.sameAs(LinearTextModel.builtIn(name + ".model")))
                .as("%s.model equals a fresh training run (retrain with: java -jar examples/target/promethios.jar train-models --out DIR)", name)
                .isTrue();
    }

    @Test
    void noReportingHalfRowIsTrainedOn() throws Exception {
        java.util.Set<String> reporting = new java.util.HashSet<>();
        for (String[] f : new String[][] {{"prompt_attacks/inthewild_jailbreaks.jsonl", "text"},
                {"prompt_attacks/cyberseceval_prompt_injection.jsonl", "text"}, {"harmful_requests/ailuminate_demo_en_us.csv", "prompt_text"},
                {"benign_prompts/awesome_chatgpt_prompts.csv", "prompt"}, {"harmful_requests/hatecheck_test_suite_cases.csv", "test_case"}}) {
            for (java.util.Map<String, Object> row : io.promethios.governance.policies.eval.DatasetReader.read(datasets.resolve(f[0]))) {
                String t = String.valueOf(row.get(f[1]));
                if (io.promethios.governance.policies.eval.Split.of(t) == io.promethios.governance.policies.eval.Split.REPORTING) {
                    reporting.add(io.promethios.governance.policies.text.TextNormalizer.normalize(t).normalized());
                }
            }
        }
        assertThat(reporting).hasSizeGreaterThan(1000);
        for (String name : TrainingData.MODELS) {
            List<ModelTrainer.Example> ex = TrainingData.of(name, datasets);
            assertThat(ex.stream().filter(e -> reporting.contains(e.text()) && !e.group().equals("clinc150-train")).count())
                    .as("%s training examples from the reporting half", name).isZero();
        }
        assertThatThrownBy(() -> TrainingData.of("nope", datasets)).hasMessageContaining("unknown model 'nope'");
    }
}
