package io.promethios.governance.policies.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts the targets on the <b>reporting</b> half where the detectors reach them. Targets
 * not reached (secrets recall, injection recall on CyberSecEval) are reported in the README, not
 * asserted.
 * Fails, rather than skips, when {@code CI=true} and the datasets are missing.
 */
class StandardEvaluationTest {

    private static Path datasets;

    @BeforeAll
    static void locate() {
        datasets = TestDatasets.locateOrSkip("dataset targets");
    }

    @Test
    void piiSpanF1AtLeast095OnBothPresidioFiles() {
        List<StandardEvaluation.Result> results = StandardEvaluation.pii(datasets);
        int checked = 0;
        for (StandardEvaluation.Result r : results) {
            if (r.dataset().startsWith("pii/presidio") && StandardEvaluation.PII_TYPES.contains(r.subset())) {
                Confusion c = r.halves().get(Split.REPORTING);
                assertThat(c.f1()).as("%s %s reporting-half F1", r.dataset(), r.subset()).isGreaterThanOrEqualTo(0.95);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void piiOptInTypesDoNotRegress() {
        // no target from the issue for the opt-in types; these guard the measured reporting-half levels (README)
        Map<String, Double> minF1 = Map.of("synth_dataset_v2.jsonl[opt-in] DOMAIN_NAME", 0.95, "generated_large.jsonl[opt-in] DOMAIN_NAME", 0.95,
                "generated_large.jsonl[opt-in] DATE_TIME", 0.95, "synth_dataset_v2.jsonl[opt-in] DATE_TIME", 0.60,
                "synth_dataset_v2.jsonl[opt-in] AGE", 0.95, "synth_dataset_v2.jsonl[opt-in] ZIP_CODE", 0.60);
        Map<String, Double> maxClincFpr = Map.of("DOMAIN_NAME", 0.0, "ZIP_CODE", 0.0, "AGE", 0.001, "DATE_TIME", 0.02);
        int checked = 0;
        for (StandardEvaluation.Result r : StandardEvaluation.pii(datasets)) {
            Confusion c = r.halves().get(Split.REPORTING);
            String key = r.dataset().replace("pii/presidio_", "") + " " + r.subset();
            if (minF1.containsKey(key)) {
                assertThat(c.f1()).as("%s reporting-half F1", key).isGreaterThanOrEqualTo(minF1.get(key));
                assertThat(c.precision()).as("%s reporting-half precision", key).isGreaterThanOrEqualTo(0.85);
                checked++;
            } else if (r.dataset().endsWith("opt-in]") && r.dataset().startsWith("topics_clinc150")) {
                assertThat(c.fpr()).as("CLINC150 %s reporting-half FPR", r.subset()).isLessThanOrEqualTo(maxClincFpr.get(r.subset()));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10);
    }

    @Test
    void injectionFalsePositiveRateAtMost2PercentOnClincAndBenignPromptsAndGuardedPerFile() {
        int checked = 0;
        for (StandardEvaluation.Result r : StandardEvaluation.injection(datasets)) {
            Confusion c = r.halves().get(Split.REPORTING);
            if (r.dataset().equals(StandardEvaluation.BENIGN_PROMPTS) || r.dataset().startsWith("topics_clinc150")) {
                // the target: 2% on benign_prompts (the folder) and on CLINC150 test queries
                assertThat(c.fpr()).as("%s reporting-half FPR", r.dataset()).isLessThanOrEqualTo(0.02);
                checked++;
            } else if (r.dataset().startsWith("benign_prompts/")) {
                // per file, awesome-chatgpt-prompts alone misses 2% (role-play prompts resemble jailbreaks),
                // see the README; this guards the measured level (3.4%)
                assertThat(c.fpr()).as("%s reporting-half FPR (guard)", r.dataset()).isLessThanOrEqualTo(0.05);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void folderLinesAreTheSumsOfTheirFiles() {
        List<StandardEvaluation.Result> results = StandardEvaluation.injection(datasets);
        for (String folder : List.of(StandardEvaluation.PROMPT_ATTACKS, StandardEvaluation.BENIGN_PROMPTS)) {
            String prefix = folder.substring(0, folder.indexOf('/') + 1);
            StandardEvaluation.Result line = results.stream().filter(r -> r.dataset().equals(folder)).findFirst().orElseThrow();
            for (Split half : Split.values()) {
                Confusion sum = results.stream().filter(r -> r.dataset().startsWith(prefix) && !r.dataset().equals(folder))
                        .map(r -> r.halves().get(half)).reduce(Confusion.EMPTY, Confusion::plus);
                assertThat(line.halves().get(half)).as("%s %s", folder, half).isEqualTo(sum);
                assertThat(sum.tp() + sum.fp() + sum.tn() + sum.fn()).isPositive();
            }
        }
    }

    @Test
    void injectionRecallAtLeast090OnJailbreaksInTheWild() {
        StandardEvaluation.Result wild = StandardEvaluation.injection(datasets).stream()
                .filter(r -> r.dataset().equals("prompt_attacks/inthewild_jailbreaks.jsonl")).findFirst().orElseThrow();
        assertThat(wild.halves().get(Split.REPORTING).recall()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void restrictionsRaiseCyberSecEvalRecallWithoutRegressingTheContentOnlyLine() {
        // the 0.90 target is not met (see the README); these guard the measured reporting-half levels
        Confusion contentOnly = StandardEvaluation.injection(datasets).stream()
                .filter(r -> r.dataset().equals("prompt_attacks/cyberseceval_prompt_injection.jsonl")).findFirst().orElseThrow()
                .halves().get(Split.REPORTING);
        List<StandardEvaluation.Result> results = StandardEvaluation.restrictions(datasets);
        Confusion withRestrictions = results.stream().filter(r -> r.subset().equals(StandardEvaluation.WITH_RESTRICTIONS)).findFirst().orElseThrow()
                .halves().get(Split.REPORTING);
        assertThat(contentOnly.recall()).as("content-only reporting-half recall").isGreaterThanOrEqualTo(0.56);
        assertThat(withRestrictions.recall()).as("injection + restrictions reporting-half recall").isGreaterThanOrEqualTo(0.75);
        assertThat(withRestrictions.tp()).isGreaterThan(contentOnly.tp());
        Confusion alone = results.stream().filter(r -> r.detector().equals("restrictions") && r.subset().equals("all")).findFirst().orElseThrow()
                .halves().get(Split.REPORTING);
        assertThat(alone.recall()).as("restrictions alone reporting-half recall").isGreaterThanOrEqualTo(0.54);
    }

    @Test
    void restrictionsFalsePositiveRateAtMost2PercentOnBenignTextsPairedWithSystemPrompts() {
        int checked = 0;
        for (StandardEvaluation.Result r : StandardEvaluation.restrictions(datasets)) {
            if (r.subset().equals(StandardEvaluation.PROMPT_PAIRS)) {
                assertThat(r.halves().get(Split.REPORTING).fpr()).as("%s paired reporting-half FPR", r.dataset()).isLessThanOrEqualTo(0.02);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void pairedPromptIsDeterministic() {
        List<String> prompts = List.of("a", "b", "c");
        assertThat(StandardEvaluation.pairedPrompt("what is my balance", prompts))
                .isEqualTo(StandardEvaluation.pairedPrompt("what is my balance", List.of("a", "b", "c")));
    }

    @Test
    void piiReportsNothingOnBenignClincQueries() {
        StandardEvaluation.Result clinc = StandardEvaluation.pii(datasets).stream()
                .filter(r -> r.dataset().startsWith("topics_clinc150")).findFirst().orElseThrow();
        assertThat(clinc.halves().get(Split.REPORTING).fpr()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void secretsReportNothingOnBenignText() {
        int checked = 0;
        for (StandardEvaluation.Result r : StandardEvaluation.secrets(datasets)) {
            if (!r.dataset().startsWith("secrets/")) {
                assertThat(r.halves().get(Split.REPORTING).fpr()).as("%s reporting-half FPR", r.dataset()).isLessThanOrEqualTo(0.0);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void secretsRecallOnNoseyParkerDoesNotRegress() {
        // the target (recall >= 0.95 at <= 2% FPR) is not met, see the README; this guards the measured level
        StandardEvaluation.Result np = StandardEvaluation.secrets(datasets).get(0);
        assertThat(np.halves().get(Split.REPORTING).recall()).isGreaterThanOrEqualTo(0.83);
    }
}
