package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Phrase-list detector: any number of phrases matched in one pass (Aho-Corasick) over the
 * normalized text, case-insensitively, by default on word boundaries.
 */
final class KeywordDetector implements Detector {

    private final AhoCorasick automaton;
    private final boolean wholeWords;
    private final String type;
    private final Severity severity;

    KeywordDetector(List<String> phrases, boolean wholeWords, String type, Severity severity) {
        if (phrases == null || phrases.isEmpty()) {
            throw new IllegalArgumentException("keywords: the phrase list must not be empty");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < phrases.size(); i++) {
            String p = phrases.get(i);
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("keywords: phrase #" + i + " is blank");
            }
            clean.add(TextNormalizer.normalize(p.trim()).normalized());
        }
        this.automaton = AhoCorasick.of(List.copyOf(clean));
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
        int lastEnd = -1;
        for (AhoCorasick.Match m : automaton.findAll(s)) {
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
