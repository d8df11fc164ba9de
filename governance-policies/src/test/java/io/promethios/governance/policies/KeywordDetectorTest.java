package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class KeywordDetectorTest {

    @Test
    void matchesWholeWordsCaseInsensitively() {
        Detector d = Detectors.keywords(List.of("project falcon", "Q3 forecast", "he"));
        String text = "The PROJECT FALCON q3 forecast: hello";
        List<String> hits = d.detect(text).stream().map(x -> text.substring(x.start(), x.end())).toList();
        assertThat(hits).containsExactly("PROJECT FALCON", "q3 forecast");
    }

    /** Line-wrapped or spaced-out text: a run of spaces, tabs and line breaks inside a phrase counts as one space. */
    @Test
    void whitespaceRunsInsideAPhrase() {
        Detector d = Detectors.keywords(List.of("project falcon", "q3  forecast"));
        for (String text : List.of("PROJECT  FALCON launch", "about project\nfalcon", "project \r\n falcon", "x project\tfalcon y",
                "the Q3 forecast", "the q3\n\nforecast")) {
            List<String> hits = d.detect(text).stream().map(x -> text.substring(x.start(), x.end())).toList();
            assertThat(hits).as(text).hasSize(1);
            assertThat(hits.get(0).replaceAll("\\s+", " ").toLowerCase()).as(text).isIn("project falcon", "q3 forecast");
        }
        assertThat(d.detect("projectfalcon and project-falcon")).isEmpty();
        String two = "a  b project  falcon and project\nfalcon";
        assertThat(d.detect(two).stream().map(x -> two.substring(x.start(), x.end())).toList())
                .containsExactly("project  falcon", "project\nfalcon");
    }

    @Test
    void hundredThousandTermsInOnePass() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            terms.add("term" + Integer.toString(i * 7919, 36));
        }
        terms.add("needle phrase");
        Detector d = Detectors.keywords(terms);
        assertThat(d.detect("a haystack with a Needle Phrase inside")).hasSize(1);
    }

    @Test
    void ahoCorasickFindsOverlappingPhrases() {
        AhoCorasick ac = AhoCorasick.of(List.of("he", "she", "his", "hers"));
        assertThat(ac.findAll("ushers")).extracting(AhoCorasick.Match::phrase).containsExactlyInAnyOrder(1, 0, 3);
    }

    @Test
    void emptyListIsRejected() {
        assertThatThrownBy(() -> Detectors.keywords(List.of())).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> Detectors.create("keywords", Map.of("phrases", List.of()))).hasMessageContaining("must not be empty");
    }

    @Test
    void catastrophicRegexIsCutByTheStepBudget() {
        Detector d = Detectors.create("keywords", Map.of("patterns", List.of("(a+)+$")));
        String evil = "a".repeat(5_000) + "!";
        List<Detection> found = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> d.detect(evil));
        assertThat(found).extracting(Detection::type).containsExactly("REGEX_BUDGET_EXCEEDED");
    }

    @Test
    void badRegexSaysWhere() {
        assertThatThrownBy(() -> Detectors.create("keywords", Map.of("patterns", List.of("ok", "(unclosed"))))
                .hasMessageContaining("pattern #1").hasMessageContaining("invalid regular expression");
    }

    @Test
    void userPatternsFindSpans() {
        Detector d = Detectors.create("keywords", Map.of("patterns", List.of("ticket-\\d{4}"), "type", "TICKET"));
        String text = "see ticket-1234 and ticket-9999";
        assertThat(d.detect(text)).extracting(Detection::type).containsExactly("TICKET", "TICKET");
    }
}
