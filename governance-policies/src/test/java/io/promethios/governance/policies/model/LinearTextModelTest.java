package io.promethios.governance.policies.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinearTextModelTest {

    private static float[] weights(int... pairs) {
        float[] w = new float[LinearTextModel.BUCKETS];
        for (int i = 0; i < pairs.length; i += 2) {
            w[pairs[i]] = pairs[i + 1];
        }
        return w;
    }

    @Test
    void featuresAreDistinctCaseInsensitiveUnigramsAndBigrams() {
        int[] a = LinearTextModel.features("Ignore the rules");
        int[] b = LinearTextModel.features("ignore THE rules!!");
        assertThat(a).containsExactly(b);
        assertThat(a).hasSize(5); // 3 words + 2 pairs
        assertThat(LinearTextModel.features("rules rules rules")).hasSize(2); // "rules" and "rules rules"
        assertThat(LinearTextModel.features("")).isEmpty();
        assertThat(LinearTextModel.features("!!! ... ???")).isEmpty();
        assertThat(Arrays.stream(a).allMatch(f -> f >= 0 && f < LinearTextModel.BUCKETS)).isTrue();
    }

    @Test
    void nonAsciiLettersFormTokensAndSymbolsDoNot() {
        assertThat(LinearTextModel.features("Überprüfe das")).hasSize(3);
        assertThat(LinearTextModel.features("\u2192 \u2014 \uD83D\uDE00")).isEmpty(); // arrow, dash, emoji
        assertThat(LinearTextModel.features("\uD800 broken \uDFFF")).hasSize(1); // unpaired surrogates never break it
    }

    @Test
    void logitIsBiasPlusScaledSumOfDistinctFeatureWeights() {
        int[] f = LinearTextModel.features("alpha beta");
        float[] w = new float[LinearTextModel.BUCKETS];
        for (int x : f) {
            w[x] += 1f;
        }
        LinearTextModel m = LinearTextModel.of("t", w, -0.5, 0.0);
        double sum = 0;
        for (int x : Arrays.stream(f).distinct().toArray()) {
            sum += w[x];
        }
        assertThat(m.logit("alpha beta")).isEqualTo(-0.5 + sum / Math.sqrt(f.length + 1.0));
        assertThat(m.logit("alpha beta")).isEqualTo(m.logit("ALPHA, beta."));
        assertThat(m.flags("alpha beta")).isTrue();
        assertThat(m.flags("gamma")).isFalse();
        assertThat(m.probability("gamma")).isEqualTo(LinearTextModel.sigmoid(-0.5));
    }

    @Test
    void writeReadRoundTripsExactly() throws IOException {
        LinearTextModel m = LinearTextModel.of("round", weights(3, 2, 70000, -5, LinearTextModel.BUCKETS - 1, 7), 0.25, 1.5);
        LinearTextModel back = LinearTextModel.read(new ByteArrayInputStream(m.toBytes()));
        assertThat(back.sameAs(m)).isTrue();
        assertThat(back.name()).isEqualTo("round");
        assertThat(back.thresholdLogit()).isEqualTo(1.5);
        LinearTextModel other = LinearTextModel.of("round", weights(3, 2), 0.25, 1.5);
        assertThat(other.sameAs(m)).isFalse();
    }

    @Test
    void corruptFilesFailWithAReason() {
        byte[] good = LinearTextModel.of("x", weights(1, 1, 2, 2), 0, 0).toBytes();
        assertThatThrownBy(() -> LinearTextModel.read(new ByteArrayInputStream("hello".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("not gzip");
        assertThatThrownBy(() -> LinearTextModel.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 12))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> LinearTextModel.read(new ByteArrayInputStream(gzip(new byte[] {1, 2, 3, 4, 0, 0, 0, 1}))))
                .isInstanceOf(IOException.class).hasMessageContaining("bad magic");
    }

    @Test
    void badPartsAreRejected() {
        assertThatThrownBy(() -> LinearTextModel.of("x", new float[10], 0, 0)).hasMessageContaining("expected " + LinearTextModel.BUCKETS);
        float[] w = new float[LinearTextModel.BUCKETS];
        w[5] = Float.NaN;
        assertThatThrownBy(() -> LinearTextModel.of("x", w, 0, 0)).hasMessageContaining("weight 5 is not finite");
        assertThatThrownBy(() -> LinearTextModel.of("x", new float[LinearTextModel.BUCKETS], Double.POSITIVE_INFINITY, 0))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> LinearTextModel.builtIn("no-such.model")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void builtInModelsLoad() {
        for (String name : TrainingData.MODELS) {
            LinearTextModel m = LinearTextModel.builtIn(name + ".model");
            assertThat(m.name()).isEqualTo(name);
            assertThat(m.threshold()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void hugeTextsAreScoredWithoutKeepingAHugeBuffer() {
        LinearTextModel m = LinearTextModel.of("x", new float[LinearTextModel.BUCKETS], 0, 0);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            words.add("w" + i);
        }
        String big = String.join(" ", words);
        assertThat(m.logit(big)).isEqualTo(0.0);
        assertThat(LinearTextModel.features(big).length).isGreaterThan(20000);
        assertThat(m.logit("a b")).isEqualTo(0.0);
    }

    @Test
    void featuresKeptForTheLastTextNeverLeakIntoAnother() {
        float[] w = new float[LinearTextModel.BUCKETS];
        for (int f : LinearTextModel.features("alpha beta")) {
            w[f] = 1f;
        }
        LinearTextModel a = LinearTextModel.of("a", w, 0, 0);
        LinearTextModel b = LinearTextModel.of("b", new float[LinearTextModel.BUCKETS], 0, 0);
        double expected = 3 / Math.sqrt(4);
        assertThat(a.logit("alpha beta")).isEqualTo(expected);
        assertThat(b.logit("alpha beta")).isEqualTo(0.0);          // same text, other model: reused features
        assertThat(a.logit(new String("alpha beta"))).isEqualTo(expected); // equal text, other instance
        assertThat(a.logit("alpha gamma")).isEqualTo(1 / Math.sqrt(4));
        assertThat(LinearTextModel.features("one two three four")).hasSize(7); // overwrites the scratch list
        assertThat(a.logit("alpha gamma")).isEqualTo(1 / Math.sqrt(4));
        assertThat(a.logit("alpha beta")).isEqualTo(expected);
    }

    /**
     * {@link LinearTextModel#features} and {@link LinearTextModel#logit} against a plain
     * reference of the documented features (a token loop, a set for distinct buckets, then the
     * weights summed in list order) on seeded random texts of ASCII, accented and other letters,
     * symbols, surrogates and apostrophes: the same buckets in the same order, and the very same
     * double, whether the features are fresh or kept from the call before.
     */
    @Test
    void featuresAndLogitEqualAPlainReferenceOnRandomTexts() {
        String chars = "aAbBzZ09' .,;-\t\n\u00C9\u00E9\u00DF\u00C0\u00D7\u00F7\u0130\u212A\u2019\u2014\u3001\u4E2D\uD83D\uDE00\uFF01\uFF21\uFFF0\u00AD";
        Random r = new Random(42);
        float[] w = new float[LinearTextModel.BUCKETS];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        LinearTextModel m = LinearTextModel.of("random", w, 0.125, 0);
        LinearTextModel other = LinearTextModel.of("other", weights(1, 1), 0, 0);
        for (int t = 0; t < 3000; t++) {
            StringBuilder b = new StringBuilder();
            for (int len = r.nextInt(t % 100 == 0 ? 20_000 : 300); b.length() < len; ) {
                b.append(r.nextInt(3) == 0 ? chars.charAt(r.nextInt(chars.length())) : (char) ('a' + r.nextInt(6)));
            }
            String text = b.toString();
            int[] expected = referenceFeatures(text);
            assertThat(LinearTextModel.features(text)).as("text %d: %s", t, text).containsExactly(expected);
            double sum = 0;
            for (int f : expected) {
                sum += w[f];
            }
            double logit = 0.125 + sum / Math.sqrt(expected.length + 1.0);
            other.logit("x"); // so that m scores fresh features first
            assertThat(m.logit(text)).as("fresh, text %d", t).isEqualTo(logit);
            assertThat(m.logit(text)).as("kept, text %d", t).isEqualTo(logit);
        }
    }

    private static int[] referenceFeatures(String t) {
        Set<Integer> out = new LinkedHashSet<>();
        Integer prev = null;
        int i = 0;
        while (i < t.length()) {
            if (!referenceTokenChar(t.charAt(i))) {
                i++;
                continue;
            }
            int h = 0x811c9dc5;
            while (i < t.length() && referenceTokenChar(t.charAt(i))) {
                h = (h ^ Character.toLowerCase(t.charAt(i++))) * 16777619;
            }
            out.add(referenceMix(h, 1));
            if (prev != null) {
                out.add(referenceMix(prev * 31 + h, 2));
            }
            prev = h;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean referenceTokenChar(char c) {
        if (c < 0x80) {
            return Character.isLetterOrDigit(c) || c == '\'';
        }
        return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F)
                && !(c >= 0xD800 && c <= 0xDFFF) && !(c >= 0xE000 && c <= 0xF8FF) && !(c >= 0xFE00 && c <= 0xFE6F)
                && !(c >= 0xFF00 && c <= 0xFF20) && c < 0xFFF0;
    }

    private static int referenceMix(int h, int salt) {
        h ^= salt * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & (LinearTextModel.BUCKETS - 1);
    }

    private static byte[] gzip(byte[] b) {
        try {
            java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(o)) {
                g.write(b);
            }
            return o.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
