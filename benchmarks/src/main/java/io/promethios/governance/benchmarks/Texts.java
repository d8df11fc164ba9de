package io.promethios.governance.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic (seeded) benchmark texts and keyword lists, so every run governs the same bytes
 * and no data set is downloaded.
 */
final class Texts {

    private static final String[] WORDS = {
        "the", "customer", "asked", "about", "invoice", "delivery", "schedule", "for", "next", "quarter", "and", "whether",
        "our", "team", "could", "review", "contract", "terms", "before", "friday", "please", "summarize", "options", "with",
        "costs", "risks", "timeline", "support", "account", "report", "update", "meeting", "notes", "product", "roadmap",
        "a", "of", "to", "in", "is", "it", "that", "this", "on", "be", "as", "at", "by", "we", "you"};

    private Texts() {
    }

    /**
     * Plain English-like ASCII prose of exactly {@code chars} characters (1 char = 1 byte in
     * UTF-8), with sentence punctuation and a few digits, and no e-mail address, card number
     * or listed phrase: the common, clean case.
     */
    static String prose(int chars, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(chars + 16);
        int inSentence = 0;
        while (b.length() < chars) {
            if (inSentence == 0) {
                String w = WORDS[r.nextInt(WORDS.length)];
                b.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            } else if (r.nextInt(20) == 0) {
                b.append(r.nextInt(100));
            } else {
                b.append(WORDS[r.nextInt(WORDS.length)]);
            }
            inSentence++;
            if (inSentence > 8 + r.nextInt(8)) {
                b.append(". ");
                inSentence = 0;
            } else {
                b.append(' ');
            }
        }
        b.setLength(chars);
        return b.toString();
    }

    /**
     * {@code n} distinct lower-case keyword terms of two or three pseudo-words (for example
     * {@code "vokari teplun"}), from a fixed seed. Built from syllables that do not occur in
     * {@link #prose}, so the keyword benchmarks measure the scan, not the hits.
     */
    static List<String> keywordTerms(int n, long seed) {
        String[] syllables = {"vo", "ka", "ri", "tep", "lun", "zi", "qua", "mor", "fex", "yul", "dra", "sno", "pli", "gav", "hux", "jem"};
        Random r = new Random(seed);
        Set<String> out = new LinkedHashSet<>(n * 2);
        while (out.size() < n) {
            int words = 2 + r.nextInt(2);
            StringBuilder b = new StringBuilder(24);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    b.append(' ');
                }
                int syl = 2 + r.nextInt(2);
                for (int s = 0; s < syl; s++) {
                    b.append(syllables[r.nextInt(syllables.length)]);
                }
            }
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }
}
