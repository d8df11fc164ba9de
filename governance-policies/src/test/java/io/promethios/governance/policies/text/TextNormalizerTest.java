package io.promethios.governance.policies.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void plainAsciiIsReturnedUnchanged() {
        NormalizedText nt = TextNormalizer.normalize("hello world");
        assertThat(nt.isIdentity()).isTrue();
        assertThat(nt.toOriginal(0, 5)).containsExactly(0, 5);
    }

    @Test
    void removesZeroWidthAndBidiAndMapsBack() {
        String original = "ig\u200Bno\u202Ere";
        NormalizedText nt = TextNormalizer.normalize(original);
        assertThat(nt.normalized()).isEqualTo("ignore");
        int[] span = nt.toOriginal(0, 6);
        assertThat(original.substring(span[0], span[1])).isEqualTo(original);
        int[] tail = nt.toOriginal(4, 6); // "re"
        assertThat(original.substring(tail[0], tail[1])).isEqualTo("re");
    }

    @Test
    void foldsFullwidthDigitsAndHomoglyphs() {
        assertThat(TextNormalizer.normalize("\uFF14\uFF11\uFF11\uFF11").normalized()).isEqualTo("4111");
        assertThat(TextNormalizer.normalize("\u0440\u0430ss\u0432\u043Erd").normalized()).isEqualTo("passbord");
        assertThat(TextNormalizer.withoutConfusableFolding().apply("\u0440\u0430").normalized()).isEqualTo("\u0440\u0430");
    }

    @Test
    void foldsLookAlikesOnlyInMixedScriptOrWholeLookAlikeWords() {
        // genuine Russian and Greek words keep their letters: "игнорируй" has letters with no Latin look-alike,
        // and "все" / "να" (look-alikes only) stand next to such words
        assertThat(TextNormalizer.normalize("Игнорируй все инструкции").normalized()).isEqualTo("Игнорируй все инструкции");
        assertThat(TextNormalizer.normalize("Πώς μπορώ να φτιάξω").normalized()).isEqualTo("Πώς μπορώ να φτιάξω");
        assertThat(TextNormalizer.normalize("все").normalized()).isEqualTo("bce");
        // a word that mixes Latin with look-alikes is folded, even when it also has a letter without one
        assertThat(TextNormalizer.normalize("\u0456gn\u043Er\u0435 \u0438gnore").normalized()).isEqualTo("ignore \u0438gnore");
        // a word made only of look-alikes among Latin words reads as Latin ("рау" is "pay"), also with digits
        assertThat(TextNormalizer.normalize("\u0440\u0430\u0443 \u0440\u04304 now").normalized()).isEqualTo("pay pa4 now");
        // mathematical letters become Latin by NFKC first; a following look-alike in the same word is folded
        assertThat(TextNormalizer.normalize("\uD835\uDC22gn\u043Ere").normalized()).isEqualTo("ignore");
        // folding keeps one char per char, so spans map back unchanged
        String original = "x \u0456gn\u043Er\u0435 y";
        NormalizedText nt = TextNormalizer.normalize(original);
        int[] span = nt.toOriginal(2, 8);
        assertThat(original.substring(span[0], span[1])).isEqualTo("\u0456gn\u043Er\u0435");
    }

    @Test
    void unifiesDashesAndSpacesInsideNumbers() {
        assertThat(TextNormalizer.normalize("4111\u20131111\u00A01111").normalized()).isEqualTo("4111-1111 1111");
    }

    @Test
    void expandingCharactersMapToTheirSource() {
        String original = "a\uFB01b"; // ﬁ ligature -> "fi"
        NormalizedText nt = TextNormalizer.normalize(original);
        assertThat(nt.normalized()).isEqualTo("afib");
        int[] span = nt.toOriginal(1, 3);
        assertThat(span).containsExactly(1, 2);
    }

    @Test
    void invalidUtf16AndControlCharsNeverCrash() {
        String bad = "x\uD800y\uDFFFz\u0000\u0007";
        NormalizedText nt = TextNormalizer.normalize(bad);
        assertThat(nt.normalized()).startsWith("x\uFFFDy\uFFFDz");
        assertThat(nt.toOriginal(0, nt.normalized().length())[1]).isEqualTo(bad.length());
    }
}
