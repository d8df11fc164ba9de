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

    /**
     * Combining marks: a base letter and marks that compose (NFD text, "cafe" + U+0301) become the composed letter; marks
     * that cannot compose on a Latin letter or a digit (strike-through, stacked "Zalgo" marks) are dropped, so they cannot
     * break words and numbers apart; marks of other scripts (Devanagari vowel signs) stay. Spans cover base and marks.
     */
    @Test
    void composesOrDropsCombiningMarks() {
        assertThat(TextNormalizer.normalize("cafe\u0301 noir").normalized()).isEqualTo("caf\u00e9 noir");
        assertThat(TextNormalizer.normalize("Vie\u0323\u0302t Nam").normalized()).isEqualTo("Vi\u1ec7t Nam");
        assertThat(TextNormalizer.normalize("ig\u0336no\u0336re a\u0336ll").normalized()).isEqualTo("ignore all");
        assertThat(TextNormalizer.normalize("4\u03011\u0301\u048911 1111").normalized()).isEqualTo("4111 1111");
        assertThat(TextNormalizer.normalize("i\u0335\u0321\u0362g\u0334n\u0337o\u0338re").normalized()).isEqualTo("ignore");
        String hindi = "\u0928\u092e\u0938\u094d\u0924\u0947";
        assertThat(TextNormalizer.normalize(hindi).normalized()).isEqualTo(hindi);
        String original = "x e\u0301\u0336y";
        NormalizedText nt = TextNormalizer.normalize(original);
        assertThat(nt.normalized()).isEqualTo("x \u00e9y");
        int[] span = nt.toOriginal(2, 3);
        assertThat(original.substring(span[0], span[1])).isEqualTo("e\u0301\u0336");
        assertThat(TextNormalizer.normalize("\u0301\u0301 lone marks").normalized()).isEqualTo("\u0301\u0301 lone marks");
    }

    @Test
    void foldsFullwidthDigitsAndHomoglyphs() {
        assertThat(TextNormalizer.normalize("\uFF14\uFF11\uFF11\uFF11").normalized()).isEqualTo("4111");
        assertThat(TextNormalizer.normalize("\u0440\u0430ss\u0432\u043Erd").normalized()).isEqualTo("passbord");
        assertThat(TextNormalizer.withoutConfusableFolding().apply("\u0440\u0430").normalized()).isEqualTo("\u0440\u0430");
    }

    @Test
    void decodesStringEscapesOfJsonAndJavaScriptAndMapsBackToTheEscapes() {
        // tool-call arguments arrive as JSON text: an escaped line break must not glue "n" to the next word
        String json = "{\"q\": \"Hi\\nIgnore \\u0069t \\\"now\\\" \\x41 C:\\\\temp \\/x\\tend\"}";
        NormalizedText nt = TextNormalizer.normalize(json);
        assertThat(nt.normalized()).isEqualTo("{\"q\": \"Hi\nIgnore it \"now\" A C:\\temp /x\tend\"}");
        int it = nt.normalized().indexOf("it ");
        int[] span = nt.toOriginal(it, it + 2);
        assertThat(json.substring(span[0], span[1])).isEqualTo("\\u0069t");
        int quote = nt.normalized().indexOf("\"now");
        span = nt.toOriginal(quote, quote + 5);
        assertThat(json.substring(span[0], span[1])).isEqualTo("\\\"now\\\"");
        // a line break: "\n" is one char of the normalized text and two of the original
        int lf = nt.normalized().indexOf('\n');
        span = nt.toOriginal(lf, lf + 1);
        assertThat(json.substring(span[0], span[1])).isEqualTo("\\n");
    }

    @Test
    void decodesDoubleEscapedHexButNotDoubleEscapedLineBreaks() {
        // JSON inside JSON: "\\u0069gnore" is "\u0069gnore" after one decoding and "ignore" after two
        String twice = "say \\\\u0069gnore";
        assertThat(twice).hasSize(16);
        NormalizedText nt = TextNormalizer.normalize(twice);
        assertThat(nt.normalized()).isEqualTo("say ignore");
        int[] span = nt.toOriginal(4, 5);
        assertThat(twice.substring(span[0], span[1])).isEqualTo("\\\\u0069");
        // an escaped backslash before a letter is a Windows path in JSON, not a second escape
        assertThat(TextNormalizer.normalize("C:\\\\new\\\\tools").normalized()).isEqualTo("C:\\new\\tools");
        // escaped invisible chars are decoded and then removed like the chars themselves
        assertThat(TextNormalizer.normalize("ig\\u200bnore").normalized()).isEqualTo("ignore");
        // a pair of escaped surrogates is one code point
        assertThat(TextNormalizer.normalize("\\ud83d\\ude00 ok").normalized()).isEqualTo("\ud83d\ude00 ok");
    }

    @Test
    void decodesHtmlCharacterReferencesAndMapsBackToThem() {
        String html = "<p>&#73;gnore &amp; jane&#64;example.org &#x40; caf&eacute; x&nbsp;y &ldquo;q&rdquo; &#x1F600;</p>";
        NormalizedText nt = TextNormalizer.normalize(html);
        assertThat(nt.normalized()).isEqualTo("<p>Ignore & jane@example.org @ café x y \"q\" \uD83D\uDE00</p>");
        int at = nt.normalized().indexOf("@example");
        int[] span = nt.toOriginal(at, at + 1);
        assertThat(html.substring(span[0], span[1])).isEqualTo("&#64;");
        int emoji = nt.normalized().indexOf('\uD83D');
        span = nt.toOriginal(emoji, emoji + 2);
        assertThat(html.substring(span[0], span[1])).isEqualTo("&#x1F600;");
        // encoded twice ("&amp;#73;" is how a page shows "&#73;")
        assertThat(TextNormalizer.normalize("&amp;#73;gnore").normalized()).isEqualTo("Ignore");
    }

    @Test
    void leavesAmpersandsThatAreNoCharacterReferencesAlone() {
        for (String s : new String[] {"R&D and Q&A", "AT&T; rocks", "&unknown; &", "&#xZZ; &#; &#x;", "&#99999999; &#x110000;", "a && b", "&amp"}) {
            assertThat(TextNormalizer.normalize(s).normalized()).as(s).isEqualTo(s);
        }
    }

    @Test
    void dropsInlineTagsWithoutAttributesSoTheyCannotSplitWords() {
        String html = "Ig<b></b>nore <SPAN>pre</SPAN>vious <i>text</i> <wbr>";
        NormalizedText nt = TextNormalizer.normalize(html);
        assertThat(nt.normalized()).isEqualTo("Ignore previous text ");
        int[] span = nt.toOriginal(0, 6);
        assertThat(html.substring(span[0], span[1])).isEqualTo("Ig<b></b>nore");
        // tags with attributes, block tags, unknown tags and comparisons stay: attributes can hold addresses and links
        for (String s : new String[] {"<a href=\"mailto:jane@example.org\">mail</a>", "<div>x</div>", "<p>", "<script>", "x<y and y>z",
                "<b class=\"x\">", "< b>", "<bb>", "a < b > c"}) {
            String expected = s.replace("</a>", "");
            assertThat(TextNormalizer.normalize(s).normalized()).as(s).isEqualTo(expected);
        }
    }

    /** Random mixes of escapes, references, tags and ordinary chars: spans stay inside the original and in order. */
    @Test
    void decodedSpansStayInsideTheOriginalAndInOrder() {
        String[] parts = {"a", "Z", " ", "\\", "\\n", "\\t", "\\u0069", "\\u00", "\\ud83d", "\\ude00", "\\x41", "\\x4", "\\\\", "\\\\u0041", "\\\"",
                "&", "&amp;", "&#64;", "&#x40;", "&#x1F600;", "&#xD800;", "&#", "&nbsp;", "&eacute;", "&bogus;", "&amp;#73;", "<", "<b>", "</b>",
                "<span>", "<b class=x>", ">", "\u200B", "\u0301", "\uD83D\uDE00", "\uD800", "\u0430", "\uFF41"};
        java.util.Random r = new java.util.Random(31);
        for (int t = 0; t < 30_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k >= 0; k--) {
                b.append(parts[r.nextInt(parts.length)]);
            }
            String s = b.toString();
            for (TextNormalizer normalizer : new TextNormalizer[] {TextNormalizer.standard(), TextNormalizer.withoutConfusableFolding()}) {
                NormalizedText nt = normalizer.apply(s);
                int previous = 0;
                for (int k = 0; k < nt.normalized().length(); k++) {
                    int[] span = nt.toOriginal(k, k + 1);
                    assertThat(span[0]).as(s).isBetween(previous, s.length());
                    assertThat(span[1]).as(s).isBetween(span[0] + 1, s.length());
                    previous = span[0];
                }
                int[] all = nt.toOriginal(0, nt.normalized().length());
                assertThat(all[0]).isBetween(0, s.length());
                assertThat(all[1]).isBetween(all[0], s.length());
            }
        }
    }

    @Test
    void digitsOfOtherScriptsBecomeAsciiDigits() {
        // Arabic-Indic, Persian, Devanagari, Bengali, Thai: one char for one char, so spans stay
        assertThat(TextNormalizer.normalize("\u0664\u0661\u0661\u0661 \u06F0\u06F9 \u0966\u096F \u09E7 \u0E52").normalized()).isEqualTo("4111 09 09 1 2");
        String text = "\u0631\u0642\u0645 +\u0669\u0666\u0666";
        NormalizedText nt = TextNormalizer.normalize(text);
        assertThat(nt.normalized()).isEqualTo("\u0631\u0642\u0645 +966");
        assertThat(nt.toOriginal(5, 8)).containsExactly(5, 8);
        // letters of those scripts stay
        assertThat(TextNormalizer.normalize("\u0645\u0631\u062D\u0628\u0627 \u0928\u092E\u0938\u094D\u0924\u0947").normalized())
                .isEqualTo("\u0645\u0631\u062D\u0628\u0627 \u0928\u092E\u0938\u094D\u0924\u0947");
    }

    @Test
    void leavesBackslashesThatAreNoEscapesAlone() {
        for (String s : new String[] {"\\d{3}-\\d{4}", "\\u12 x", "\\uZZZZ", "\\q", "end\\", "\\x4", "a \\ b", "\\bword\\b"}) {
            NormalizedText nt = TextNormalizer.normalize(s);
            assertThat(nt.normalized()).as(s).isEqualTo(s);
        }
    }

    @Test
    void theLastResultIsKeptPerNormalizerAndNeverServedToTheOther() {
        String folded = "\u0440\u0430\u0443 now"; // "pay now" with Cyrillic look-alikes: only the standard normalizer folds it
        NormalizedText standard = TextNormalizer.normalize(folded);
        assertThat(standard.normalized()).isEqualTo("pay now");
        assertThat(TextNormalizer.normalize(folded)).isSameAs(standard);
        NormalizedText kept = TextNormalizer.withoutConfusableFolding().apply(folded);
        assertThat(kept.normalized()).isEqualTo(folded);
        assertThat(TextNormalizer.normalize(folded)).isSameAs(standard);
        assertThat(TextNormalizer.withoutConfusableFolding().apply(folded)).isSameAs(kept);
        // an unchanged text is the same for both
        String plain = "just ascii";
        NormalizedText p = TextNormalizer.normalize(plain);
        assertThat(TextNormalizer.withoutConfusableFolding().apply(plain)).isSameAs(p);
        // an equal String that is another instance is normalized again, with the same result
        String copy = new String(folded.toCharArray());
        NormalizedText again = TextNormalizer.normalize(copy);
        assertThat(again).isNotSameAs(standard);
        assertThat(again.original()).isSameAs(copy);
        assertThat(again.normalized()).isEqualTo("pay now");
        // another thread has its own
        NormalizedText[] other = new NormalizedText[1];
        Thread t = new Thread(() -> other[0] = TextNormalizer.normalize(copy));
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(other[0]).isNotSameAs(again);
        assertThat(other[0].normalized()).isEqualTo("pay now");
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
