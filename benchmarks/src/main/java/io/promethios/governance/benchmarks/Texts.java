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

    /**
     * Words for {@link #keywordPhrases} that {@link #prose} never writes: sensitive-document
     * vocabulary of the kind real blocklists hold (projects, people, products, finance, health).
     */
    private static final String[] TERM_WORDS = {
        "falcon", "phoenix", "atlas", "orion", "merger", "acquisition", "layoff", "salary", "bonus", "payroll",
        "password", "credential", "diagnosis", "patient", "prescription", "lawsuit", "settlement", "subpoena", "audit",
        "forecast", "earnings", "dividend", "insider", "leak", "breach", "incident", "outage", "vulnerability", "exploit",
        "prototype", "blueprint", "formula", "patent", "trademark", "supplier", "pricing", "discount", "margin", "revenue",
        "budget", "headcount", "reorg", "termination", "severance", "complaint", "grievance", "harassment", "investigation",
        "confidential", "secret", "internal", "restricted", "embargo", "draft", "board", "minutes", "strategy", "pipeline",
        "acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "cyberdyne", "tyrell",
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
        "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "north", "south", "east", "west",
        "customers", "invoices", "contracts", "accounts", "reports", "teams", "quarters", "products", "supports", "costing"};

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

    /**
     * {@code n} distinct lower-case keyword phrases of two or three real words, from a fixed seed:
     * the first word is one of {@link #prose}'s words a third of the time (as in "the falcon
     * merger" or "account password"), the others are {@link #TERM_WORDS}, which {@code prose}
     * never writes, so no phrase occurs in it as whole words. Unlike {@link #keywordTerms}, the
     * text's words are prefixes of many phrases (also of the plurals among the term words), so a
     * matcher walks into the phrase automaton at most word starts: the realistic, harder case.
     */
    static List<String> keywordPhrases(int n, long seed) {
        Random r = new Random(seed);
        Set<String> out = new LinkedHashSet<>(n * 2);
        while (out.size() < n) {
            int words = 2 + r.nextInt(2);
            StringBuilder b = new StringBuilder(32);
            b.append(r.nextInt(3) == 0 ? WORDS[r.nextInt(WORDS.length)] : TERM_WORDS[r.nextInt(TERM_WORDS.length)]);
            for (int w = 1; w < words; w++) {
                b.append(' ').append(TERM_WORDS[r.nextInt(TERM_WORDS.length)]);
            }
            out.add(b.toString());
        }
        return new ArrayList<>(out);
    }
}
