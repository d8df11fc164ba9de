package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Phrase-list detector: any number of phrases matched in one pass (Aho-Corasick) over the
 * normalized text, case-insensitively, by default on word boundaries. Where occurrences overlap,
 * the one ending first wins (the longest of those ending at the same char).
 */
final class KeywordDetector implements Detector {

    /** Default step budget of a user pattern: chars read per scanned char, with a floor. */
    static final long STEPS_PER_CHAR = 200;
    static final long MIN_STEPS = 100_000;

    private final AhoCorasick automaton;
    private final boolean wholeWords;
    private final String type;
    private final Severity severity;
    private final List<java.util.regex.Pattern> patterns;

    KeywordDetector(List<String> phrases, boolean wholeWords, String type, Severity severity) {
        this(phrases, List.of(), wholeWords, type, severity);
    }

    /**
     * Phrases and/or user regular expressions. Each pattern runs under a step budget; a pattern
     * that spends it is reported as a {@code REGEX_BUDGET_EXCEEDED} finding instead of hanging.
     */
    KeywordDetector(List<String> phrases, List<String> regexes, boolean wholeWords, String type, Severity severity) {
        if ((phrases == null || phrases.isEmpty()) && (regexes == null || regexes.isEmpty())) {
            throw new IllegalArgumentException("keywords: the phrase list must not be empty (set 'phrases' or 'patterns')");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("keywords: type must not be blank");
        }
        phrases = phrases == null ? List.of() : phrases;
        List<java.util.regex.Pattern> ps = new ArrayList<>();
        for (int i = 0; regexes != null && i < regexes.size(); i++) {
            ps.add(RegexBudget.compile(regexes.get(i), "keywords: pattern #" + i));
        }
        this.patterns = List.copyOf(ps);
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < phrases.size(); i++) {
            String p = phrases.get(i);
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("keywords: phrase #" + i + " is blank");
            }
            clean.add(TextNormalizer.normalize(p.trim()).normalized());
        }
        // with whole words, the automaton itself skips occurrences that start inside a word (the
        // same ones the start-boundary check below drops), so most chars of ordinary text never
        // reach the large part of a big list's automaton
        this.automaton = wholeWords ? AhoCorasick.wordStarts(List.copyOf(clean)) : AhoCorasick.of(List.copyOf(clean));

        this.wholeWords = wholeWords;
        this.type = type;
        this.severity = severity;
    }

    @Override
    public String name() {
        return "keywords";
    }

    @Override
    public List<Detection> detect(String text) {
        NormalizedText nt = TextNormalizer.normalize(text);
        String s = nt.normalized();
        List<Detection> out = new ArrayList<>();
        long budget = Math.max(MIN_STEPS, STEPS_PER_CHAR * (long) s.length());
        for (java.util.regex.Pattern p : patterns) {
            int from = 0;
            while (from <= s.length()) {
                RegexBudget.Outcome o = RegexBudget.find(p, s, from, budget);
                if (o.exhausted()) {
                    out.add(Detection.whole("REGEX_BUDGET_EXCEEDED", 1.0, Severity.MEDIUM));
                    break;
                }
                if (!o.found()) {
                    break;
                }
                int[] span = nt.toOriginal(o.start(), o.end());
                out.add(new Detection(type, span[0], span[1], 1.0, severity));
                from = o.end() > o.start() ? o.end() : o.end() + 1;
            }
        }
        int lastEnd = -1;
        // whole words: only matches that end at a word end, which lets the automaton skip the
        // words no phrase continues into (AhoCorasick.forEachWholeWord); the check below stays
        List<AhoCorasick.Match> matches = wholeWords ? automaton.findAllWholeWords(s) : automaton.findAll(s);
        for (AhoCorasick.Match m : matches) {
            if (wholeWords && !(boundary(s, m.start() - 1) && boundary(s, m.end()))) {
                continue;
            }
            if (m.start() < lastEnd) {
                continue;
            }
            int[] o = nt.toOriginal(m.start(), m.end());
            out.add(new Detection(type, o[0], o[1], 1.0, severity));
            lastEnd = m.end();
        }
        return out;
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }
}
