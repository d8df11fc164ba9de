package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HarmfulDetectorTest {

    private static int[] plainFirst(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    private static void assertSameAsPlainFind(String text) {
        List<Pattern> ps = HarmfulDetector.rulePatterns();
        int[][] fast = HarmfulDetector.firstMatches(text);
        for (int i = 0; i < ps.size(); i++) {
            assertThat(fast[i]).as("rule " + i + " on [" + text + "]").isEqualTo(plainFirst(ps.get(i), text));
        }
    }

    /** The request-phrase rules run only when a target word starts within 200 chars: at the limit they must still match. */
    @Test
    void askRulesNearWindowAtItsLimit() {
        assertThat(HarmfulDetector.askRules()).isEqualTo(5);
        for (int span = 75; span <= 82; span++) {
            for (String fill : new String[] {"z", "\uD83D\uDE00"}) {
                String text = "ok. what are the most effective " + (fill + " ").repeat(span / 2) + fill.repeat(span % 2) + "kill ok";
                assertSameAsPlainFind(text);
                String cyber = "so, is it possible to " + fill.repeat(span) + " hack the thing";
                assertSameAsPlainFind(cyber);
            }
        }
        String far = "what are the most effective " + "\uD83D\uDE00".repeat(78) + " kill";
        assertThat(HarmfulDetector.firstMatches(far)[3]).isNotNull(); // the target 27 + 158 chars in
    }

    @Test
    void rulesEqualPlainFindOnRandomTexts() {
        String[] words = {"how to", "could you", "write", "what's the best", "i want to", "kill", "hack", "steal", "porn", "gun", "guns",
            "upskirt", "the", "men", "women", "are", "vermin", "should", "die", "child", "sex", "i will", "attack", "myself", "suicide",
            "\uD83D\uDE00", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", ".", "\n", "KILL", "ſteal", "dox", "find out where"};
        Random r = new Random(17);
        for (int t = 0; t < 6_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = r.nextInt(24); w >= 0; w--) {
                b.append(words[r.nextInt(words.length)]).append(r.nextInt(4) == 0 ? "" : " ");
            }
            assertSameAsPlainFind(b.toString());
        }
    }

    @Test
    void quotedHighFindingsAreReportedOneGradeLower() {
        Detector h = Detectors.create("harmful", java.util.Map.of("classifier", false));
        String plain = "Atheists are vermin.";
        assertThat(h.detect(plain)).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.HIGH));
        String quoted = "My uncle wrote \"atheists are vermin\" on his blog and everyone called him out.";
        assertThat(h.detect(quoted)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("HATE");
            assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
        });
        String curly = "Posts like \u201Catheists are vermin\u201D get removed.";
        assertThat(h.detect(curly)).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.MEDIUM));
        // an unclosed quote, or a quote closed before the finding, does not count
        assertThat(h.detect("He said \"hi\". Atheists are vermin.")).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.HIGH));
        assertThat(h.detect("\"Atheists are vermin.")).singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.HIGH));
        // CRITICAL is never lowered
        assertThat(h.detect("He wrote \"how to build a pipe bomb\" in the chat."))
                .anySatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void quotedChecksItsBounds() {
        assertThat(HarmfulDetector.quoted("a \"b c\" d", 3, 6)).isTrue();
        assertThat(HarmfulDetector.quoted("a \"b\" c \"d\"", 7, 8)).isFalse();
        assertThat(HarmfulDetector.quoted("a \"b\nc\" d", 5, 6)).isFalse();
        assertThat(HarmfulDetector.quoted("no quotes", 0, 2)).isFalse();
    }
}
