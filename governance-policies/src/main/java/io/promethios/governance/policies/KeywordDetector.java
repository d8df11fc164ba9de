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
 * the one ending first wins (the longest of those ending at the same char). Inside a phrase, any run of
 * spaces, tabs and line breaks in the text counts as one space ("Project\nFalcon" matches "project falcon").
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
    /** Whether a phrase has a space: only then can a run of whitespace in the text matter. */
    private final boolean multiWord;

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
            clean.add(collapseSpaces(TextNormalizer.normalize(p.trim()).normalized()));
        }
        this.multiWord = clean.stream().anyMatch(c -> c.indexOf(' ') >= 0);
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
        // a run of whitespace inside a phrase counts as one space: match on a copy with runs collapsed (only when the
        // text has one: two spaces, a tab or a line break) and map back through at[]
        int[] at = null;
        String scanned = s;
        if (multiWord && (s.indexOf("  ") >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0)) {
            at = new int[s.length() + 1];
            scanned = collapseSpaces(s, at);
        }
        // whole words: only matches that end at a word end, which lets the automaton skip the
        // words no phrase continues into (AhoCorasick.forEachWholeWord); the check below stays
        List<AhoCorasick.Match> matches = wholeWords ? automaton.findAllWholeWords(scanned) : automaton.findAll(scanned);
        for (AhoCorasick.Match m : matches) {
            if (wholeWords && !(boundary(scanned, m.start() - 1) && boundary(scanned, m.end()))) {
                continue;
            }
            if (m.start() < lastEnd) {
                continue;
            }
            int[] o = at == null ? nt.toOriginal(m.start(), m.end()) : nt.toOriginal(at[m.start()], at[m.end() - 1] + 1);
            out.add(new Detection(type, o[0], o[1], 1.0, severity));
            lastEnd = m.end();
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** {@code s} with every run of spaces, tabs and line breaks as one space. */
    static String collapseSpaces(String s) {
        return collapseSpaces(s, null);
    }

    /** The same, recording in {@code at} (when not null) each result char's index in {@code s}. */
    private static String collapseSpaces(String s, int[] at) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (i > 0 && isSpace(s.charAt(i - 1))) {
                    continue; // the run already gave its space
                }
                c = ' ';
            }
            if (at != null) {
                at[b.length()] = i;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }
}
