package io.promethios.governance.policies;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RulePrefilterTest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    @Test
    void startLiteralsOfAlternationsOptionalsAndClasses() {
        assertThat(RulePrefilter.startLiterals("\\b(ignore|Forget)\\b x")).containsExactlyInAnyOrder("ignore x", "forget x");
        assertThat(RulePrefilter.startLiterals("(all )?(men|women)\\b")).containsExactlyInAnyOrder("all men", "all women", "men", "women");
        assertThat(RulePrefilter.startLiterals("c-?[34]")).containsExactlyInAnyOrder("c-3", "c-4", "c3", "c4");
        assertThat(RulePrefilter.startLiterals("\\w+ mode")).isNull();
        assertThat(RulePrefilter.startLiterals("[A-Z][a-z]+'s")).isNull();
        assertThat(RulePrefilter.startLiterals("(a)?")).isNull(); // can match the empty string
        assertThat(RulePrefilter.neededLiterals("[a-z]\\d? ?= ?[a-z]")).containsExactly("=");
    }

    @Test
    void findEqualsPlainFindOnRandomTexts() {
        List<Pattern> ps = List.of(
                Pattern.compile("\\b(ignore|disregard)\\b[^.!?\\n]{0,40}?\\b(rules|instructions)\\b", FLAGS),
                Pattern.compile("\\b(you are|you're) now (?!(going|able)\\b)[\\w.+^-]{2,30}[.!,:]", FLAGS),
                Pattern.compile("\\b[a-z]\\d? ?= ?[a-z]\\d? ?\\+ ?[a-z]\\d?\\b", FLAGS),
                Pattern.compile("(忽略|无视)[\\s\\S]{0,20}(指令|规则)", FLAGS),
                Pattern.compile("AKIA[A-Z0-9]{4}"));
        RulePrefilter pf = new RulePrefilter(ps);
        String[] words = {"ignore", "IGNORE", "Disregard", "the", "rules", "instructions", "you", "are", "you're", "now", "going", "DAN.",
            "x", "=", "y", "+", "z", "a1", "忽略", "规则", "AKIA", "ABCD", "akia", ".", "\n", "ıgnore", "ſ"};
        Random r = new Random(1);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = r.nextInt(12); w >= 0; w--) {
                b.append(words[r.nextInt(words.length)]).append(r.nextBoolean() ? " " : "");
            }
            String text = b.toString();
            RulePrefilter.Scan scan = pf.scan(text);
            for (int i = 0; i < ps.size(); i++) {
                Matcher plain = ps.get(i).matcher(text);
                Matcher fast = scan.find(i);
                if (plain.find()) {
                    assertThat(fast).as(ps.get(i) + " on [" + text + "]").isNotNull();
                    assertThat(new int[] {fast.start(), fast.end()}).as(text).containsExactly(plain.start(), plain.end());
                } else {
                    assertThat(fast).as(ps.get(i) + " on [" + text + "]").isNull();
                }
            }
        }
    }

    /** A literal cut at 12 chars, or followed by something unknown, stays a prefix; the whole ones go on growing. */
    @Test
    void cutLiteralsDoNotStopTheOthersFromGrowing() {
        assertThat(RulePrefilter.startLiterals("\\b(notes|instructions) (to|for)\\b"))
                .containsExactlyInAnyOrder("notes to", "notes for", "instructions");
        assertThat(RulePrefilter.startLiterals("(ab|cd\\w*)x")).containsExactlyInAnyOrder("abx", "cd");
        assertThat(RulePrefilter.startLiterals("(ab|cd\\w*)?x")).containsExactlyInAnyOrder("abx", "cd", "x");
        assertThat(RulePrefilter.startLiterals("(abcdefghijk|b)(lm|n)")).containsExactlyInAnyOrder("abcdefghijkl", "abcdefghijkn", "bn", "blm");
        assertThat(RulePrefilter.startLiterals("(abcdefghijkl|abcdefghijklm)(x|y)")).containsExactlyInAnyOrder("abcdefghijkl");
    }

    /** A hit of a cut start literal is checked against the rule's longer literals that begin with it. */
    @Test
    void hitsOfCutLiteralsAreCheckedAgainstTheLongerOnes() {
        String regex = "\\b(ignore|forget) (all|the) (prior|above)\\b|\\bignore me";
        java.util.Set<String> longer = RulePrefilter.startLiterals(regex, 32);
        assertThat(longer).contains("ignore all prior", "ignore the above", "ignore me");
        assertThat(RulePrefilter.startLiterals(regex)).contains("ignore all p", "ignore me");
        assertThat(RulePrefilter.verification("ignore all p", longer)).containsExactly("ignore all prior");
        assertThat(RulePrefilter.verification("ignore me", longer)).isNull(); // the literal is the whole of a longer one
        assertThat(RulePrefilter.verification("ignore all p", null)).isNull();
        assertThat(RulePrefilter.verification("zzz", longer)).isEmpty(); // no match starts with it
        RulePrefilter pf = new RulePrefilter(List.of(Pattern.compile(regex, FLAGS)));
        assertThat(pf.scan("IGNORE ALL PREVIOUS").find(0)).isNull();
        assertThat(pf.scan("so, IGNORE ALL PRIOR").find(0).start()).isEqualTo(4);
        // dotless i: JDK 17's UNICODE_CASE matches it to 'i', JDK 25's does not; the prefilter agrees with plain find on each
        java.util.regex.Matcher plain = Pattern.compile(regex, FLAGS).matcher("ıgnore the above");
        java.util.regex.Matcher viaPrefilter = pf.scan("ıgnore the above").find(0);
        if (plain.find()) {
            assertThat(viaPrefilter).isNotNull();
            assertThat(viaPrefilter.end()).isEqualTo(plain.end()).isEqualTo(16);
        } else {
            assertThat(viaPrefilter).isNull();
        }
    }

    /**
     * Per-literal exactness against plain find: seeded random patterns of alternations of words around the 12-char
     * cut, optional and repeated groups, classes and unbounded parts, run through the prefilter on seeded random
     * texts of the same words, must give the first match plain find gives.
     */
    @Test
    void generatedPatternsFindWhatPlainFindFinds() {
        String[] words = {"a", "ab", "note", "notes", "to", "for", "the", "instructions", "abcdefghijk", "abcdefghijkl", "abcdefghijklm",
            "x", "yz", "ıgnore", "ignore", "ſecret", "secret"};
        String[] tails = {"", "?", "\\w*", "\\b", " ", "[xy]", "\\s*", "(?!x)", "+"};
        Random r = new Random(29);
        for (int t = 0; t < 400; t++) {
            StringBuilder p = new StringBuilder();
            for (int g = 1 + r.nextInt(3); g > 0; g--) {
                p.append('(');
                for (int a = 1 + r.nextInt(3); a > 0; a--) {
                    p.append(words[r.nextInt(words.length)]).append(r.nextInt(3) == 0 ? tails[r.nextInt(tails.length)] : "");
                    p.append(a > 1 ? "|" : "");
                }
                p.append(')').append(r.nextInt(4) == 0 ? "?" : "").append(r.nextInt(3) == 0 ? " " : "");
            }
            Pattern pattern = Pattern.compile(p.toString(), t % 2 == 0 ? FLAGS : 0);
            RulePrefilter pf = new RulePrefilter(List.of(pattern));
            for (int k = 0; k < 150; k++) {
                StringBuilder b = new StringBuilder();
                for (int w = r.nextInt(8); w >= 0; w--) {
                    String word = words[r.nextInt(words.length)];
                    b.append(r.nextInt(4) == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word).append(r.nextInt(3) == 0 ? "" : " ");
                }
                String text = b.toString();
                Matcher plain = pattern.matcher(text);
                Matcher fast = pf.scan(text).find(0);
                if (plain.find()) {
                    assertThat(fast).as(pattern + " on [" + text + "]").isNotNull();
                    assertThat(new int[] {fast.start(), fast.end()}).as(pattern + " on [" + text + "]").containsExactly(plain.start(), plain.end());
                } else {
                    assertThat(fast).as(pattern + " on [" + text + "]").isNull();
                }
            }
        }
    }

    /** The superset argument: wherever a case-insensitive regex literal matches a char, the folded chars are equal. */
    @Test
    void foldingCoversRegexCaseInsensitiveMatching() {
        for (char lit = 0x20; lit < 0x250; lit++) {
            if (!Character.isLetter(lit)) {
                continue;
            }
            char folded = Character.toLowerCase(AhoCorasick.fold(lit));
            if (AhoCorasick.fold(folded) != folded) {
                continue; // RulePrefilter refuses such literals
            }
            Pattern p = Pattern.compile(Pattern.quote(String.valueOf(lit)), FLAGS);
            for (int cp = 0; cp <= 0x10FFFF; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    continue;
                }
                int up = Character.toUpperCase(cp);
                boolean regexMatches = cp == lit || Character.toLowerCase(up) == Character.toLowerCase(Character.toUpperCase(lit))
                        || cp < 0x3000 && p.matcher(new String(Character.toChars(cp))).matches();
                if (regexMatches) {
                    assertThat(cp).as("U+%04X vs %s", cp, lit).isLessThan(0x10000);
                    char c = (char) cp;
                    assertThat(Character.toLowerCase(c >= 128 ? AhoCorasick.fold(c) : c)).as("U+%04X vs %s", cp, lit).isEqualTo(folded);
                }
            }
        }
    }

    @Test
    void tokensAreWhatSplitReturns() {
        String[] samples = {"", " ", "  ", "a", " a", "a ", " a b  c\t\n", "a\u000Bb\fc\rd", "x  y", "\n\nx", "a b c d e f g h i"};
        for (String s : samples) {
            int[] spans = InjectionDetector.tokens(s);
            String[] got = new String[spans.length / 2];
            for (int i = 0; i < got.length; i++) {
                got[i] = s.substring(spans[2 * i], spans[2 * i + 1]);
            }
            assertThat(got).as("[" + s + "]").isEqualTo(s.split("\\s+"));
        }
        Random r = new Random(3);
        for (int t = 0; t < 5_000; t++) {
            char[] cs = new char[r.nextInt(12)];
            for (int i = 0; i < cs.length; i++) {
                String pool = " \tab\n.-\u00A0";
                cs[i] = pool.charAt(r.nextInt(pool.length()));
            }
            String s = new String(cs);
            int[] spans = InjectionDetector.tokens(s);
            String[] got = new String[spans.length / 2];
            for (int i = 0; i < got.length; i++) {
                got[i] = s.substring(spans[2 * i], spans[2 * i + 1]);
            }
            assertThat(got).as(Arrays.toString(cs)).isEqualTo(s.split("\\s+"));
        }
    }

    /** The automaton's ASCII fast path (no Character.toLowerCase) reports what lower-casing every char first finds. */
    @Test
    void automatonMatchesNaiveSearchOnMixedCase() {
        List<String> phrases = List.of("ab", "Bc", "abc", "x-1", "i", "ſt", "\u00e9t\u00e9", "zz z");
        AhoCorasick ac = AhoCorasick.of(phrases);
        String alphabet = "abcABCxX-1iI\u0130\u017f\u212at\u00e9\u00c9zZ ";
        Random r = new Random(2);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(16); k >= 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = b.toString();
            for (boolean unicodeFold : new boolean[] {false, true}) {
                StringBuilder lower = new StringBuilder();
                for (char c : text.toCharArray()) {
                    lower.append(Character.toLowerCase(unicodeFold && c >= 128 ? AhoCorasick.fold(c) : c));
                }
                java.util.Set<String> expected = new java.util.TreeSet<>();
                for (int p = 0; p < phrases.size(); p++) {
                    String ph = phrases.get(p).toLowerCase(java.util.Locale.ROOT);
                    for (int at = lower.indexOf(ph); at >= 0; at = lower.indexOf(ph, at + 1)) {
                        expected.add(p + "@" + at);
                    }
                }
                java.util.Set<String> got = new java.util.TreeSet<>();
                ac.forEach(text, unicodeFold, (p, start, end) -> got.add(p + "@" + start));
                assertThat(got).as(text + " " + unicodeFold).isEqualTo(expected);
                if (!unicodeFold) {
                    assertThat(ac.containsAny(text)).as(text).isEqualTo(!expected.isEmpty());
                    assertThat(ac.findAll(text).size()).as(text).isEqualTo(expected.size());
                }
            }
        }
    }

    /**
     * Every built-in injection and harmful rule is gated by the one automaton pass: it has start literals, or literals
     * needed somewhere in its matches. A rule the analysis cannot read (an inline flag group such as {@code (?-i:...)}
     * did, 2026-11-25) would run as a whole-text find on every text: 10 µs became 65 µs per KB of prose.
     */
    @Test
    void everyBuiltInRuleIsGatedByLiterals() {
        List<java.util.regex.Pattern> all = new java.util.ArrayList<>(InjectionDetector.rulePatterns());
        all.addAll(HarmfulDetector.rulePatterns());
        for (java.util.regex.Pattern p : all) {
            assertThat(RulePrefilter.startLiterals(p.pattern()) != null || RulePrefilter.neededLiterals(p.pattern()) != null)
                    .as(p.pattern()).isTrue();
        }
    }
}
