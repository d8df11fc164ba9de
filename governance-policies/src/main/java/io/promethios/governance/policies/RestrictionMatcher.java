package io.promethios.governance.policies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user-text half of {@link RestrictionsDetector}: one pass over the normalized text that splits,
 * folds and stems each word in a reused char buffer and looks the stem up, by its chars, in a small
 * open-addressing table of the stems the restrictions name. No string is made per word, and only the
 * first occurrence of a stem the restrictions ask about is kept.
 *
 * <p>Words, folding, stems ({@link RestrictionParser#stem}), the "artificial intelligence" merge
 * and the first-occurrence and five-letter-prefix rules are those of the parser's original
 * string-based tokenizer; {@code RestrictionMatcherTest} compares both on seeded random and mutated
 * texts and prompts. Immutable and thread-safe: all state of a scan is local to {@link #scan}.
 */
final class RestrictionMatcher {

    /** Token flags. */
    private static final int ARTIFI = 1;
    private static final int INTELL = 2;
    private static final int NAME = 4;
    /** The "ai" token merged from "artificial intelligence": its word is "ai". */
    private static final int MERGED = 8;
    private static final int USER = 16;
    private static final int ATTRIBUTE = 32;

    private static final int STEM_MAX = 6;

    private static final char[] ARTIFI_CHARS = "artifi".toCharArray();
    private static final char[] INTELL_CHARS = "intell".toCharArray();

    /** The parser's synonyms as chars, from key to stem. */
    private static final char[][] SYNONYM_FROM;
    private static final char[][] SYNONYM_TO;
    /** A cheap test first: the synonyms' lengths and first letters. */
    private static final int SYNONYM_MIN;
    private static final int SYNONYM_MAX;
    private static final String SYNONYM_FIRST;

    static {
        List<Map.Entry<String, String>> e = new ArrayList<>(RestrictionParser.STEM_SYNONYMS.entrySet());
        SYNONYM_FROM = new char[e.size()][];
        SYNONYM_TO = new char[e.size()][];
        int min = Integer.MAX_VALUE;
        int max = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < e.size(); i++) {
            String from = e.get(i).getKey();
            SYNONYM_FROM[i] = from.toCharArray();
            SYNONYM_TO[i] = e.get(i).getValue().toCharArray();
            min = Math.min(min, from.length());
            max = Math.max(max, from.length());
            first.append(from.charAt(0));
        }
        SYNONYM_MIN = min;
        SYNONYM_MAX = max;
        SYNONYM_FIRST = first.toString();
    }

    /** ASCII letters and digits, the common case of {@link Character#isLetterOrDigit(char)}. */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    /** Words before "user" that make it someone else ("the user", "other users"). */
    private static final CharTable DETERMINERS = new CharTable(List.copyOf(RestrictionParser.USER_DETERMINERS));

    /** A stem as the restrictions name it: its key, and for a stem of five or more letters the other key to try. */
    record StemRef(int id, int alt, int length) {
    }

    private final CharTable stems;
    private final boolean[] attribute;
    private final int userId;
    private final int aiId;
    private final int aiFlags;
    private final boolean personalData;
    /** Names of protected people, looked up by the word without a possessive; null without personal data. */
    private final CharTable names;

    private final boolean needsTokens;

    private final StemRef[][] topics;
    private final StemRef[][] secrets;

    RestrictionMatcher(RestrictionParser.Restrictions r) {
        Set<String> keys = new LinkedHashSet<>();
        for (RestrictionParser.Topic t : r.topics()) {
            addKeys(t.stems(), keys);
        }
        for (RestrictionParser.Secret s : r.secrets()) {
            addKeys(s.holder(), keys);
        }
        keys.add("ai");
        personalData = r.personalData();
        if (personalData) {
            keys.add("user");
            keys.addAll(RestrictionParser.PERSONAL_ATTRIBUTES);
        }
        stems = new CharTable(List.copyOf(keys));
        attribute = new boolean[stems.size()];
        if (personalData) {
            for (String a : RestrictionParser.PERSONAL_ATTRIBUTES) {
                attribute[stems.find(a)] = true;
            }
        }
        userId = personalData ? stems.find("user") : -1;
        aiId = stems.find("ai");
        topics = new StemRef[r.topics().size()][];
        for (int i = 0; i < topics.length; i++) {
            topics[i] = refs(r.topics().get(i).stems());
        }
        secrets = new StemRef[r.secrets().size()][];
        for (int i = 0; i < secrets.length; i++) {
            secrets[i] = refs(r.secrets().get(i).holder());
        }
        names = personalData ? new CharTable(List.copyOf(r.names())) : null;
        // the merged "ai" token: its word and stem are both "ai"
        aiFlags = MERGED | nameFlag(new char[] {'a', 'i'}, 2, "ai".hashCode()) | (attribute[aiId] ? ATTRIBUTE : 0);
        needsTokens = !r.topics().isEmpty() || !r.secrets().isEmpty() || personalData;
    }

    private static void addKeys(List<String> list, Set<String> keys) {
        for (String s : list) {
            keys.add(s);
            if (s.length() > RestrictionParser.PREFIX) {
                keys.add(s.substring(0, RestrictionParser.PREFIX));
            }
        }
    }

    private StemRef[] refs(List<String> list) {
        StemRef[] out = new StemRef[list.size()];
        for (int i = 0; i < out.length; i++) {
            String s = list.get(i);
            int alt = s.length() > RestrictionParser.PREFIX ? stems.find(s.substring(0, RestrictionParser.PREFIX)) : -1;
            out[i] = new StemRef(stems.find(s), alt, s.length());
        }
        return out;
    }

    StemRef[][] topics() {
        return topics;
    }

    StemRef[][] secrets() {
        return secrets;
    }

    /** What one pass over a text found. Tokens are packed as {@code start << 32 | end}; -1 is none. */
    static final class Hits {
        /** By stem key: the first token with exactly that stem. */
        final long[] exact;
        /** By five-letter stem key: the first token with a six-letter stem it begins. */
        final long[] prefix6;
        /** The first token naming a protected person or "the / other ... user", or -1. */
        long person = -1;
        /** Whether some token names a personal attribute. */
        boolean attribute;

        Hits(int keys) {
            exact = new long[keys];
            prefix6 = new long[keys];
            Arrays.fill(exact, -1);
            Arrays.fill(prefix6, -1);
        }

        /**
         * The first token matching a restriction's stem: the same stem, or for a stem of at least five
         * letters one that begins the other (stems are at most six letters, so two six-letter stems must
         * be equal).
         */
        long find(StemRef ref) {
            long t = exact[ref.id()];
            if (t >= 0 || ref.length() < RestrictionParser.PREFIX) {
                return t;
            }
            return ref.length() == RestrictionParser.PREFIX ? prefix6[ref.id()] : exact[ref.alt()];
        }
    }

    static int start(long token) {
        return (int) (token >>> 32);
    }

    static int end(long token) {
        return (int) token;
    }

    /** One pass over the normalized text {@code s}; {@code null} when the restrictions need no words. */
    Hits scan(String s) {
        if (!needsTokens) {
            return null;
        }
        Hits h = new Hits(stems.size());
        char[] cs = s.toCharArray();
        int len = cs.length;
        char[] w = new char[32];
        int n = 0;
        int wordHash = 0;
        int start = -1;
        // the last token is held back one word: "artificial intelligence" (either order) becomes one "ai" token
        boolean pending = false;
        long pTok = 0;
        int pId = -1;
        int pId5 = -1;
        int pFlags = 0;
        // the last committed token, whose word decides whether "user" is someone else
        long prev = -1;
        int prevFlags = 0;
        for (int i = 0; i <= len; i++) {
            char c = i < len ? cs[i] : ' ';
            if (c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)) {
                if (n == 0) {
                    start = i;
                }
                if (n == w.length) {
                    w = Arrays.copyOf(w, n * 2);
                }
                char f = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : RestrictionParser.foldChar(c);
                w[n++] = f;
                wordHash = 31 * wordHash + f;
            } else if (RestrictionParser.isApostrophe(c) && n > 0 && !RestrictionParser.elision(s, i, n)) {
                if (n == w.length) {
                    w = Arrays.copyOf(w, n * 2);
                }
                w[n++] = '\'';
                wordHash = 31 * wordHash + '\'';
            } else if (n > 0) {
                int flags = personalData ? nameFlag(w, n, wordHash) : 0;
                int m = stem(w, n);
                // one hash pass gives the stem's and, for a six-letter stem, its five-letter prefix's
                int sh = 0;
                for (int k = 0, to = Math.min(m, RestrictionParser.PREFIX); k < to; k++) {
                    sh = 31 * sh + w[k];
                }
                int id5 = -1;
                if (m == STEM_MAX) {
                    id5 = stems.find(w, 0, RestrictionParser.PREFIX, sh);
                    sh = 31 * sh + w[RestrictionParser.PREFIX];
                }
                int id = stems.find(w, 0, m, sh);
                if (m == STEM_MAX) {
                    flags |= equals(w, m, ARTIFI_CHARS) ? ARTIFI : equals(w, m, INTELL_CHARS) ? INTELL : 0;
                }
                if (id >= 0 && personalData) {
                    flags |= (id == userId ? USER : 0) | (attribute[id] ? ATTRIBUTE : 0);
                }
                long tok = ((long) start << 32) | i;
                if (pending && (((pFlags & ARTIFI) != 0 && (flags & INTELL) != 0) || ((pFlags & INTELL) != 0 && (flags & ARTIFI) != 0))) {
                    pTok = (pTok & 0xFFFFFFFF00000000L) | i;
                    pId = aiId;
                    pId5 = -1;
                    pFlags = aiFlags;
                } else {
                    if (pending) {
                        commit(h, cs, pTok, pId, pId5, pFlags, prev, prevFlags);
                        prev = pTok;
                        prevFlags = pFlags;
                    }
                    pending = true;
                    pTok = tok;
                    pId = id;
                    pId5 = id5;
                    pFlags = flags;
                }
                n = 0;
                wordHash = 0;
            }
        }
        if (pending) {
            commit(h, cs, pTok, pId, pId5, pFlags, prev, prevFlags);
        }
        return h;
    }

    private void commit(Hits h, char[] cs, long tok, int id, int id5, int flags, long prev, int prevFlags) {
        if (id >= 0 && h.exact[id] < 0) {
            h.exact[id] = tok;
        }
        if (id5 >= 0 && h.prefix6[id5] < 0) {
            h.prefix6[id5] = tok;
        }
        if (personalData) {
            if (h.person < 0 && ((flags & NAME) != 0 || ((flags & USER) != 0 && prev >= 0 && isDeterminer(cs, prev, prevFlags)))) {
                h.person = tok;
            }
            h.attribute |= (flags & ATTRIBUTE) != 0;
        }
    }

    /** {@link #NAME} if the folded word {@code w[0, n)} (hash {@code hash}), without a possessive, is a protected name. */
    private int nameFlag(char[] w, int n, int hash) {
        if (names == null) {
            return 0;
        }
        boolean possessive = n >= 2 && w[n - 2] == '\'' && w[n - 1] == 's';
        int id = possessive ? names.find(w, 0, n - 2, CharTable.hash(w, 0, n - 2)) : names.find(w, 0, n, hash);
        return id >= 0 ? NAME : 0;
    }

    /**
     * Whether the word of {@code token} is a user determiner. Asked only before a "user" token, so the
     * word is folded again from the text: its span holds exactly its letters, digits and apostrophes.
     */
    private static boolean isDeterminer(char[] cs, long token, int flags) {
        if ((flags & MERGED) != 0) {
            return DETERMINERS.find("ai") >= 0;
        }
        int start = start(token);
        int n = end(token) - start;
        char[] w = new char[n];
        for (int i = 0; i < n; i++) {
            char c = cs[start + i];
            w[i] = RestrictionParser.isApostrophe(c) ? '\'' : RestrictionParser.foldChar(c);
        }
        return DETERMINERS.find(w, 0, n, CharTable.hash(w, 0, n)) >= 0;
    }

    /**
     * {@link RestrictionParser#stem} of the folded word {@code w[0, n)}, written over its start; returns
     * the stem's length. A synonym can be longer than the word ("pwd" gives "passwo"), so {@code w}
     * must hold at least six chars.
     */
    static int stem(char[] w, int n) {
        int m = n;
        if (m >= 2 && w[m - 2] == '\'' && w[m - 1] == 's') {
            m -= 2;
        }
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (w[i] != '\'') {
                w[k++] = w[i];
            }
        }
        m = k;
        if (m > 4 && endsWith(w, m, 'i', 'e', 's')) {
            m -= 2;
            w[m - 1] = 'y';
        } else if (m >= 4 && w[m - 4] == 's' && w[m - 3] == 's' && w[m - 2] == 'e' && w[m - 1] == 's') {
            m -= 2;
        } else if (m > 3 && w[m - 1] == 's' && w[m - 2] != 's' && w[m - 2] != 'u' && w[m - 2] != 'i') {
            m -= 1;
        }
        if (m > 5 && endsWith(w, m, 'i', 'n', 'g')) {
            m -= 3;
        } else if (m > 5 && w[m - 2] == 'e' && w[m - 1] == 'd') {
            m -= 2;
        }
        if (m > 3 && w[m - 1] == 'e') {
            m -= 1;
        }
        if (m > STEM_MAX) {
            m = STEM_MAX;
        }
        if (m < SYNONYM_MIN || m > SYNONYM_MAX || SYNONYM_FIRST.indexOf(w[0]) < 0) {
            return m;
        }
        for (int i = 0; i < SYNONYM_FROM.length; i++) {
            if (equals(w, m, SYNONYM_FROM[i])) {
                char[] to = SYNONYM_TO[i];
                System.arraycopy(to, 0, w, 0, to.length);
                return to.length;
            }
        }
        return m;
    }

    /** {@link #stem(char[], int)} of a folded word, as a string (for tests). */
    static String stem(String foldedWord) {
        char[] w = Arrays.copyOf(foldedWord.toCharArray(), Math.max(foldedWord.length(), STEM_MAX));
        return new String(w, 0, stem(w, foldedWord.length()));
    }

    private static boolean endsWith(char[] w, int m, char a, char b, char c) {
        return m >= 3 && w[m - 3] == a && w[m - 2] == b && w[m - 1] == c;
    }

    private static boolean equals(char[] w, int m, char[] other) {
        if (m != other.length) {
            return false;
        }
        for (int i = 0; i < m; i++) {
            if (w[i] != other[i]) {
                return false;
            }
        }
        return true;
    }

    /** A fixed set of strings, looked up by a run of chars and its {@link String#hashCode()} without making a string. */
    static final class CharTable {
        private final char[][] keys;
        private final int[] hashes;
        private final int[] slots;
        private final int mask;
        /** Bit {@code k} set when a key has length {@code k} (bit 63: 63 or more). */
        private final long lengths;

        CharTable(List<String> list) {
            keys = new char[list.size()][];
            hashes = new int[list.size()];
            int size = 16;
            while (size < list.size() * 4) {
                size <<= 1;
            }
            slots = new int[size];
            Arrays.fill(slots, -1);
            mask = size - 1;
            long ls = 0;
            for (int id = 0; id < keys.length; id++) {
                String key = list.get(id);
                keys[id] = key.toCharArray();
                hashes[id] = key.hashCode();
                ls |= 1L << Math.min(key.length(), 63);
                int slot = spread(hashes[id]) & mask;
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = id;
            }
            lengths = ls;
        }

        int size() {
            return keys.length;
        }

        int find(String s) {
            return find(s.toCharArray(), 0, s.length(), s.hashCode());
        }

        /** The id of the key equal to {@code cs[from, from + n)}, whose {@link #hash} is {@code hash}, or -1. */
        int find(char[] cs, int from, int n, int hash) {
            if ((lengths & (1L << Math.min(n, 63))) == 0) {
                return -1;
            }
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                int id = slots[slot];
                if (id < 0) {
                    return -1;
                }
                if (hashes[id] == hash && keys[id].length == n && sameChars(keys[id], cs, from)) {
                    return id;
                }
            }
        }

        private static boolean sameChars(char[] key, char[] cs, int from) {
            for (int i = 0; i < key.length; i++) {
                if (key[i] != cs[from + i]) {
                    return false;
                }
            }
            return true;
        }

        /** {@link String#hashCode()} of {@code cs[from, from + n)}. */
        static int hash(char[] cs, int from, int n) {
            int h = 0;
            for (int i = from; i < from + n; i++) {
                h = 31 * h + cs[i];
            }
            return h;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }
}
