package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automaton and the keyword detector against naive references (every phrase compared at
 * every position) on seeded random phrase lists and texts: small automata (dense table only),
 * large ones (breadth-first dense part plus packed edges), whole words or not.
 */
class AhoCorasickTest {

    /**
     * Letters, digits, separators and chars whose lower case differs in length of meaning:
     * U+0130 (lower case 'i'), U+212A KELVIN SIGN (lower case 'k'), 'é', and a non-letter.
     */
    private static final String ALPHABET = "aabbcik AK-.1é\u0130\u212Ai_";

    @Test
    void findAllEqualsNaiveMatchingOnSmallAutomata() {
        for (int seed = 0; seed < 400; seed++) {
            Random r = new Random(seed);
            List<String> phrases = phrases(r, 1 + r.nextInt(12), 1, 5, seed % 10 == 0);
            String text = text(r, phrases, r.nextInt(80));
            assertThat(AhoCorasick.of(phrases).findAll(text)).as("seed %d: %s in %s", seed, phrases, text)
                    .isEqualTo(naive(phrases, text, false));
            assertThat(AhoCorasick.wordStarts(phrases).findAll(text)).as("word starts, seed %d: %s in %s", seed, phrases, text)
                    .isEqualTo(naive(phrases, text, true));
        }
    }

    @Test
    void findAllEqualsNaiveMatchingOnAutomataLargerThanTheDenseTable() {
        for (int seed = 0; seed < 3; seed++) {
            Random r = new Random(1000 + seed);
            List<String> phrases = phrases(r, 6000, 4, 12, false);
            AhoCorasick all = AhoCorasick.of(phrases);
            AhoCorasick words = AhoCorasick.wordStarts(phrases);
            assertThat(all.states()).isGreaterThan(AhoCorasick.DENSE_MAX_STATES);
            for (int t = 0; t < 8; t++) {
                String text = text(r, phrases, 400);
                assertThat(all.findAll(text)).as("seed %d text %d", seed, t).isEqualTo(naive(phrases, text, false));
                assertThat(words.findAll(text)).as("word starts, seed %d text %d", seed, t).isEqualTo(naive(phrases, text, true));
                assertThat(all.containsAny(text)).isEqualTo(!naive(phrases, text, false).isEmpty());
            }
        }
    }

    @Test
    void wholeWordMatchesEqualNaiveMatchingOnRandomChars() {
        for (int seed = 0; seed < 400; seed++) {
            Random r = new Random(3000 + seed);
            List<String> phrases = phrases(r, 1 + r.nextInt(12), 1, 6, seed % 10 == 0);
            if (seed % 2 == 0) { // all starting with a letter or digit: the word gate, not the plain walk
                phrases.replaceAll(p -> p.isEmpty() || !Character.isLetterOrDigit(p.charAt(0)) ? "a" + p : p);
            }
            String text = text(r, phrases, r.nextInt(100));
            assertThat(AhoCorasick.wordStarts(phrases).findAllWholeWords(text)).as("seed %d: %s in %s", seed, phrases, text)
                    .isEqualTo(naiveWholeWords(phrases, text));
        }
    }

    @Test
    void wholeWordMatchesEqualNaiveMatchingOnPhrasesOfWords() {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(7000 + seed);
            boolean large = seed % 100 == 0;
            List<String> vocabulary = words(r, large ? 300 : 2 + r.nextInt(12));
            List<String> phrases = wordPhrases(r, vocabulary, large ? 6000 : 1 + r.nextInt(15));
            AhoCorasick automaton = AhoCorasick.wordStarts(phrases);
            if (large) {
                assertThat(automaton.states()).isGreaterThan(AhoCorasick.DENSE_MAX_STATES);
            }
            for (int t = 0; t < (large ? 8 : 2); t++) {
                String text = wordText(r, vocabulary, phrases, large ? 800 : r.nextInt(120));
                assertThat(automaton.findAllWholeWords(text)).as("seed %d text %d: %s in %s", seed, t, phrases, text)
                        .isEqualTo(naiveWholeWords(phrases, text));
            }
        }
    }

    @Test
    void keywordDetectorEqualsNaiveReferenceOnPhrasesOfWords() {
        for (int seed = 0; seed < 200; seed++) {
            Random r = new Random(9000 + seed);
            List<String> vocabulary = words(r, 2 + r.nextInt(10));
            List<String> phrases = wordPhrases(r, vocabulary, 1 + r.nextInt(12));
            String text = wordText(r, vocabulary, phrases, r.nextInt(150));
            KeywordDetector d = new KeywordDetector(phrases, true, "KEYWORD", Severity.MEDIUM);
            assertThat(d.detect(text)).as("seed %d: %s in %s", seed, phrases, text).isEqualTo(reference(phrases, true, text));
        }
    }

    @Test
    void keywordDetectorEqualsNaiveReference() {
        for (int seed = 0; seed < 300; seed++) {
            Random r = new Random(5000 + seed);
            boolean large = seed % 100 == 0;
            List<String> phrases = large ? phrases(r, 2500, 4, 12, false) : phrases(r, 1 + r.nextInt(10), 1, 6, false);
            phrases.replaceAll(p -> p.isBlank() ? "x" + p : p);
            String text = text(r, phrases, large ? 600 : r.nextInt(100));
            for (boolean whole : new boolean[] {true, false}) {
                KeywordDetector d = new KeywordDetector(phrases, whole, "KEYWORD", Severity.MEDIUM);
                assertThat(d.detect(text)).as("seed %d whole %s: %s in %s", seed, whole, phrases, text)
                        .isEqualTo(reference(phrases, whole, text));
            }
        }
    }

    /**
     * Texts long enough for {@link AhoCorasick#forEach} to walk two halves in lockstep: mostly
     * ASCII (the lockstep path) with a non-ASCII char now and then (where it hands over to the
     * plain walk), sometimes dense with matches (more than its buffer holds), with and without
     * Unicode folding, plain and word-start automata, against naive matching.
     */
    @Test
    void forEachEqualsNaiveMatchingOnLongTexts() {
        String ascii = "aabbcik AK-.1i_xyz";
        for (int seed = 0; seed < 600; seed++) {
            Random r = new Random(11_000 + seed);
            List<String> phrases = phrases(r, 1 + r.nextInt(40), 1, 1 + r.nextInt(20), seed % 50 == 0);
            if (seed % 3 == 0) {
                phrases.add("a"); // matches everywhere: more than the buffer holds
            }
            int len = r.nextInt(4) == 0 ? r.nextInt(300) : 150 + r.nextInt(2000);
            StringBuilder b = new StringBuilder();
            int nonAscii = seed % 4 == 0 ? 0 : 1 + r.nextInt(2000);
            while (b.length() < len) {
                if (r.nextInt(6) == 0) {
                    String p = phrases.get(r.nextInt(phrases.size()));
                    b.append(r.nextBoolean() ? p : p.toUpperCase());
                } else if (r.nextInt(nonAscii + 1) == 0 && nonAscii > 0) {
                    b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                } else {
                    b.append(ascii.charAt(r.nextInt(ascii.length())));
                }
            }
            String text = b.toString();
            for (boolean fold : new boolean[] {false, true}) {
                for (boolean words : new boolean[] {false, true}) {
                    AhoCorasick automaton = words ? AhoCorasick.wordStarts(phrases) : AhoCorasick.of(phrases);
                    List<AhoCorasick.Match> found = new ArrayList<>();
                    automaton.forEach(text, fold, (p, start, end) -> found.add(new AhoCorasick.Match(p, start, end)));
                    List<AhoCorasick.Match> expected = naive(phrases, text, words, fold);
                    assertThat(found).as("seed %d fold %s words %s: %s in %s", seed, fold, words, phrases, text)
                            .isEqualTo(expected);
                    if (!fold) {
                        assertThat(automaton.containsAny(text)).as("seed %d words %s", seed, words).isEqualTo(!expected.isEmpty());
                    }
                }
            }
        }
    }

    private static List<String> phrases(Random r, int n, int minLen, int maxLen, boolean withEmpty) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = minLen + r.nextInt(maxLen - minLen + 1);
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < len; j++) {
                b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            out.add(b.toString());
        }
        if (withEmpty) {
            out.add(r.nextInt(out.size() + 1), "");
        }
        if (r.nextBoolean()) {
            out.add(out.get(r.nextInt(out.size())).toUpperCase()); // a case variant: same state, two phrases
        }
        return out;
    }

    /** Random chars with phrases (in random case) dropped in, so there are matches to find. */
    private static String text(Random r, List<String> phrases, int len) {
        StringBuilder b = new StringBuilder();
        while (b.length() < len) {
            if (r.nextInt(4) == 0) {
                String p = phrases.get(r.nextInt(phrases.size()));
                b.append(r.nextBoolean() ? p : p.toUpperCase());
            } else {
                b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    /** Distinct short words of the alphabet's letters and digits (also the case-changing ones). */
    private static List<String> words(Random r, int n) {
        String letters = "aabbcikAK1é\u0130\u212A";
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            StringBuilder b = new StringBuilder();
            for (int j = 1 + r.nextInt(4); j > 0; j--) {
                b.append(letters.charAt(r.nextInt(letters.length())));
            }
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }

    /** Phrases of one to four words joined by separators, some ending with one, a few starting with one. */
    private static List<String> wordPhrases(Random r, List<String> vocabulary, int n) {
        String separators = "  -._";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(40) == 0) {
                b.append(separators.charAt(r.nextInt(separators.length())));
            }
            for (int w = 1 + r.nextInt(4); w > 0; w--) {
                b.append(vocabulary.get(r.nextInt(vocabulary.size())));
                if (w > 1 || r.nextInt(8) == 0) {
                    b.append(separators.charAt(r.nextInt(separators.length())));
                }
            }
            out.add(r.nextInt(5) == 0 ? b.toString().toUpperCase() : b.toString());
        }
        return out;
    }

    /** Words, separators and whole phrases, sometimes glued to a neighbour. */
    private static String wordText(Random r, List<String> vocabulary, List<String> phrases, int len) {
        String separators = "   -._,";
        StringBuilder b = new StringBuilder();
        while (b.length() < len) {
            int k = r.nextInt(10);
            if (k < 3) {
                b.append(phrases.get(r.nextInt(phrases.size())));
            } else if (k < 8) {
                b.append(vocabulary.get(r.nextInt(vocabulary.size())));
            } else if (k < 9) {
                b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            if (r.nextInt(6) != 0) {
                b.append(separators.charAt(r.nextInt(separators.length())));
            }
        }
        return b.toString();
    }

    /** {@link #naive} at word starts, keeping the matches that also end at a word end. */
    private static List<AhoCorasick.Match> naiveWholeWords(List<String> phrases, String text) {
        List<AhoCorasick.Match> out = new ArrayList<>(naive(phrases, text, true));
        out.removeIf(m -> m.end() < text.length() && Character.isLetterOrDigit(text.charAt(m.end())));
        return out;
    }

    /** Every phrase at every end, compared char by char in lower case: by end, then longest, then list order. */
    private static List<AhoCorasick.Match> naive(List<String> phrases, String text, boolean wordStartsOnly) {
        return naive(phrases, text, wordStartsOnly, false);
    }

    /** {@link #naive}, with {@code fold} comparing the lower case of each text char's {@link AhoCorasick#fold}. */
    private static List<AhoCorasick.Match> naive(List<String> phrases, String text, boolean wordStartsOnly, boolean fold) {
        List<AhoCorasick.Match> out = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            List<AhoCorasick.Match> here = new ArrayList<>();
            for (int p = 0; p < phrases.size(); p++) {
                String phrase = phrases.get(p);
                int start = end - phrase.length();
                if (start < 0 || wordStartsOnly && start > 0 && Character.isLetterOrDigit(key(text.charAt(start - 1), fold))) {
                    continue;
                }
                boolean same = true;
                for (int j = 0; j < phrase.length() && same; j++) {
                    same = Character.toLowerCase(key(text.charAt(start + j), fold)) == Character.toLowerCase(phrase.charAt(j));
                }
                if (same) {
                    here.add(new AhoCorasick.Match(p, start, end));
                }
            }
            here.sort(Comparator.comparingInt((AhoCorasick.Match m) -> m.start()).thenComparingInt(AhoCorasick.Match::phrase));
            out.addAll(here);
        }
        return out;
    }

    private static char key(char c, boolean fold) {
        return fold ? AhoCorasick.fold(c) : c;
    }

    /** {@link KeywordDetector}'s documented behaviour with naive matching (phrases only). */
    /** The keywords detector's semantics written plainly: whitespace runs (space, tab, CR, LF) as one space in phrases and text. */
    private static List<Detection> reference(List<String> phrases, boolean wholeWords, String text) {
        Set<String> clean = new LinkedHashSet<>();
        for (String p : phrases) {
            clean.add(TextNormalizer.normalize(p.trim()).normalized().replaceAll("[ \\t\\r\\n]+", " "));
        }
        NormalizedText nt = TextNormalizer.normalize(text);
        String normalized = nt.normalized();
        StringBuilder collapsed = new StringBuilder();
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean space = " \t\r\n".indexOf(c) >= 0;
            if (space && collapsed.length() > 0 && " \t\r\n".indexOf(normalized.charAt(i - 1)) >= 0) {
                continue;
            }
            collapsed.append(space ? ' ' : c);
            from.add(i);
        }
        String s = collapsed.toString();
        List<Detection> out = new ArrayList<>();
        int lastEnd = -1;
        for (AhoCorasick.Match m : naive(List.copyOf(clean), s, false)) {
            boolean startOk = m.start() == 0 || !Character.isLetterOrDigit(s.charAt(m.start() - 1));
            boolean endOk = m.end() == s.length() || !Character.isLetterOrDigit(s.charAt(m.end()));
            if (wholeWords && !(startOk && endOk) || m.start() < lastEnd) {
                continue;
            }
            int[] o = nt.toOriginal(from.get(m.start()), from.get(m.end() - 1) + 1);
            out.add(new Detection("KEYWORD", o[0], o[1], 1.0, Severity.MEDIUM));
            lastEnd = m.end();
        }
        return out;
    }
}
