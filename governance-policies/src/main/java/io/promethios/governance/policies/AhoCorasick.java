package io.promethios.governance.policies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick automaton over chars: finds every occurrence of any of its phrases in one pass,
 * whatever the number of phrases. Matching is case-insensitive (phrases and text are lower-cased
 * char by char). Built once, then immutable and thread-safe.
 *
 * <p>Layout, chosen so that large automata (100k phrases, about a million states) stay cheap per
 * char: states are numbered breadth-first, so the shallow states that ordinary text visits most
 * are the low numbers, and their edges sit next to each other ({@link #wordStarts} automata
 * number the states of the phrases' first words first). The goto function is one packed,
 * per-state sorted edge list ({@code edgeStart}/{@code edgeChar}/{@code edgeTarget}), so memory
 * grows with the total phrase length, not with the alphabet. The first
 * {@value #DENSE_MAX_STATES} states (all of a small automaton) also get a dense transition table
 * for ASCII input (goto and failure links folded into one lookup per char).
 *
 * <p>{@link #wordStarts} builds a variant that only reports occurrences that start at a word
 * start (the text start, or after a char that is not a letter or digit): its failure links skip
 * suffixes that begin inside a word, and an extra root state, "inside a word", absorbs the rest
 * of a word that no phrase continues. Ordinary text then spends most chars in that state, one
 * lookup in a small hot row, instead of walking the big automaton at every char.
 * {@link #forEachWholeWord} goes further for whole-word matching: a word is walked only when a
 * phrase may start with it or continue into it from the word before.
 */
final class AhoCorasick {

    /** One match: phrase index and the span in the scanned text. */
    record Match(int phrase, int start, int end) {
    }

    /** Receives matches from {@link #forEach}. */
    @FunctionalInterface
    interface MatchSink {
        void match(int phrase, int start, int end);
    }

    /** Dense rows for at most this many (breadth-first, so the shallowest) states. */
    static final int DENSE_MAX_STATES = 16_384;

    private static final int ROOT = 0;
    /** {@link #wordStarts} only: no match in progress and the last char was a letter or digit. */
    private static final int IN_WORD = 1;

    /** States below this are roots (no failure link): 1, or 2 with {@link #IN_WORD}. */
    private final int roots;
    private final boolean wordStarts;
    /** Edges of state s: indexes edgeStart[s] until edgeStart[s + 1], sorted by char. */
    private final int[] edgeStart;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] fail;
    /** Bit per state: some phrase ends there (own or through the failure chain). */
    private final long[] hasOutput;
    /** Phrases ending exactly at state s: outPhrase[outStart[s] .. outStart[s + 1]), in list order. */
    private final int[] outStart;
    private final int[] outPhrase;
    /** The nearest state on the failure chain with phrases of its own, or -1. */
    private final int[] outLink;
    private final int[] phraseLengths;
    /** States with a dense ASCII row: {@code ascii[state * classes + asciiClass[c]]} is {@code next(state, c)}. */
    private final int denseStates;
    private final int[] ascii;
    /**
     * Class of each lower-case ASCII char: 0 for chars on no edge that are not letters or digits,
     * 1 for letters and digits on no edge (the same column as 0 unless {@link #wordStarts}), then
     * one class per char on some edge.
     */
    private final char[] asciiClass;
    /** {@link #asciiClass} of the lower case of each ASCII char. */
    private final char[] asciiFoldedClass;
    private final int classes;
    /** {@link #wordStarts} automata whose phrases all start with a letter or digit, else null. */
    private final WordGate gate;

    private AhoCorasick(boolean wordStarts, int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] fail,
                        int[] outStart, int[] outPhrase, int[] phraseLengths, String[] lower) {
        this.wordStarts = wordStarts;
        this.roots = wordStarts ? 2 : 1;
        this.edgeStart = edgeStart;
        this.edgeChar = edgeChar;
        this.edgeTarget = edgeTarget;
        this.fail = fail;
        this.outStart = outStart;
        this.outPhrase = outPhrase;
        this.phraseLengths = phraseLengths;
        int n = fail.length;
        // output links and flags; failure links point to lower (shallower) states
        int[] link = new int[n];
        long[] flags = new long[(n + 63) >>> 6];
        for (int s = 0; s < n; s++) {
            if (s < roots) {
                link[s] = -1; // only an empty phrase ends at the root: then at every char (not inside words)
            } else {
                int f = fail[s];
                link[s] = outStart[f + 1] > outStart[f] ? f : link[f];
            }
            if (outStart[s + 1] > outStart[s] || link[s] >= 0) {
                flags[s >>> 6] |= 1L << s;
            }
        }
        this.outLink = link;
        this.hasOutput = flags;

        char[] cls = new char[128];
        int k = 2;
        for (char c : edgeChar) {
            if (c < 128 && cls[c] == 0) {
                cls[c] = (char) k++;
            }
        }
        for (char c = 0; c < 128; c++) {
            if (cls[c] == 0 && Character.isLetterOrDigit(c)) {
                cls[c] = 1;
            }
        }
        this.asciiClass = cls;
        this.classes = k;
        // the class of an ASCII char's lower case, so text chars below 128 need no Character.toLowerCase
        char[] folded = new char[128];
        for (char c = 0; c < 128; c++) {
            folded[c] = cls[Character.toLowerCase(c)];
        }
        this.asciiFoldedClass = folded;
        char[] rep = new char[k];
        for (char c = 0; c < 128; c++) {
            if (cls[c] >= 2) {
                rep[cls[c]] = c;
            }
        }
        int d = Math.min(n, DENSE_MAX_STATES);
        int[] t = new int[d * k];
        for (int s = 0; s < d; s++) {
            int row = s * k;
            t[row] = ROOT;
            t[row + 1] = wordStarts ? IN_WORD : ROOT;
            for (int j = 2; j < k; j++) {
                int g = find(s, rep[j]);
                // rows of lower states are complete: the failure link's row resolves the rest
                t[row + j] = g >= 0 ? g : s < roots ? rootFallback(rep[j]) : t[fail[s] * k + j];
            }
        }
        this.denseStates = d;
        this.ascii = t;
        this.gate = wordStarts ? WordGate.of(lower, this) : null;
    }

    /** Every occurrence of every phrase. */
    static AhoCorasick of(List<String> phrases) {
        return build(phrases, false);
    }

    /**
     * Occurrences that start at a word start: at the text start or after a char that is not a
     * {@linkplain Character#isLetterOrDigit(char) letter or digit}. The same matches, in the same
     * order, as {@link #of} minus those that start right after a letter or digit. (With
     * {@link #forEach}'s {@code unicodeFold} the letter-or-digit test sees the folded char; one
     * char, U+0345, stops being a letter when folded.)
     */
    static AhoCorasick wordStarts(List<String> phrases) {
        return build(phrases, true);
    }

    private static AhoCorasick build(List<String> phrases, boolean wordStarts) {
        int p = phrases.size();
        String[] lower = new String[p];
        int[] lengths = new int[p];
        long total = 0;
        for (int i = 0; i < p; i++) {
            String phrase = phrases.get(i);
            lengths[i] = phrase.length();
            total += phrase.length();
            char[] cs = phrase.toCharArray();
            for (int j = 0; j < cs.length; j++) {
                cs[j] = Character.toLowerCase(cs[j]);
            }
            lower[i] = new String(cs);
        }
        if (total >= Integer.MAX_VALUE - 2) {
            throw new IllegalArgumentException("phrases too long in total: " + total + " chars");
        }
        // Insert in sorted order (stable, so equal phrases keep list order): each phrase then
        // shares the path of its common prefix with the one before, and every state's children
        // are created in increasing char order. No maps needed.
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> lower[i]));
        int[] parent = new int[(int) total + 1];
        char[] label = new char[(int) total + 1];
        int[] terminal = new int[p];
        int maxLen = 0;
        for (String s : lower) {
            maxLen = Math.max(maxLen, s.length());
        }
        int[] path = new int[maxLen + 1];
        int n = 1;
        String prev = "";
        for (int i : order) {
            String s = lower[i];
            int common = 0;
            int max = Math.min(s.length(), prev.length());
            while (common < max && s.charAt(common) == prev.charAt(common)) {
                common++;
            }
            for (int j = common; j < s.length(); j++) {
                parent[n] = path[j];
                label[n] = s.charAt(j);
                path[j + 1] = n++;
            }
            terminal[i] = path[s.length()];
            prev = s;
        }
        // children per trie node, in creation (= char) order
        int[] childStart = new int[n + 1];
        for (int s = 1; s < n; s++) {
            childStart[parent[s] + 1]++;
        }
        for (int s = 0; s < n; s++) {
            childStart[s + 1] += childStart[s];
        }
        int[] children = new int[n - 1];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int s = 1; s < n; s++) {
            children[fill[parent[s]]++] = s;
        }
        // breadth-first numbering, roots first (the in-word root has no trie node). With word
        // starts, the lead states come first (breadth-first among themselves): the first run of
        // letters and digits of each phrase and the char after it. Text reaches them at every word
        // that starts a phrase, so they get the dense rows whatever the list size; the rest follow
        // breadth-first. Parents and failure links still get lower numbers than their states: a
        // lead state's parent is a lead state or the root, and its failure link is a root.
        int roots = wordStarts ? 2 : 1;
        int states = n + roots - 1;
        boolean[] lead = new boolean[n];
        for (int s = 1; wordStarts && s < n; s++) {
            int up = parent[s]; // created before s
            lead[s] = up == 0 ? isWordChar(label[s]) : lead[up] && isWordChar(label[up]);
        }
        int[] newId = new int[n];
        int[] oldOf = new int[states];
        Arrays.fill(oldOf, -1);
        oldOf[ROOT] = 0;
        int next = roots;
        for (int q = 0; q < next; q++) {
            int old = oldOf[q];
            for (int e = old < 0 ? 0 : childStart[old]; old >= 0 && e < childStart[old + 1]; e++) {
                int c = children[e];
                if (lead[c]) {
                    newId[c] = next;
                    oldOf[next++] = c;
                }
            }
        }
        int[] queue = new int[n];
        int tail = 1; // queue[0] is the root
        for (int head = 0; head < tail; head++) {
            int old = queue[head];
            if (old != 0 && !lead[old]) {
                newId[old] = next;
                oldOf[next++] = old;
            }
            for (int e = childStart[old]; e < childStart[old + 1]; e++) {
                queue[tail++] = children[e];
            }
        }
        int[] edgeStart = new int[states + 1];
        char[] edgeChar = new char[n - 1];
        int[] edgeTarget = new int[n - 1];
        int e = 0;
        for (int q = 0; q < states; q++) {
            edgeStart[q] = e;
            int old = oldOf[q];
            if (old < 0) {
                continue;
            }
            for (int x = childStart[old]; x < childStart[old + 1]; x++) {
                int c = children[x];
                edgeChar[e] = label[c];
                edgeTarget[e++] = newId[c];
            }
        }
        edgeStart[states] = e;
        // own outputs per state, in phrase-list order
        int[] outStart = new int[states + 1];
        for (int i = 0; i < p; i++) {
            outStart[newId[terminal[i]] + 1]++;
        }
        for (int s = 0; s < states; s++) {
            outStart[s + 1] += outStart[s];
        }
        int[] outPhrase = new int[p];
        int[] outFill = Arrays.copyOf(outStart, states);
        for (int i = 0; i < p; i++) {
            outPhrase[outFill[newId[terminal[i]]]++] = i;
        }
        // failure links, in breadth-first (= id) order: a state's link is always a lower id
        int[] fail = new int[states];
        for (int s = 0; s < states; s++) {
            for (int x = edgeStart[s]; x < edgeStart[s + 1]; x++) {
                char c = edgeChar[x];
                int t = edgeTarget[x];
                if (s < roots) {
                    fail[t] = fallback(wordStarts, c);
                    continue;
                }
                int f = fail[s];
                while (true) {
                    int g = find(edgeStart, edgeChar, edgeTarget, f, c);
                    if (g >= 0) {
                        fail[t] = g;
                        break;
                    }
                    if (f < roots) {
                        fail[t] = fallback(wordStarts, c);
                        break;
                    }
                    f = fail[f];
                }
            }
        }
        return new AhoCorasick(wordStarts, edgeStart, edgeChar, edgeTarget, fail, outStart, outPhrase, lengths, lower);
    }

    /**
     * The state for the empty suffix after {@code c}: the root, or with {@link #wordStarts} after a
     * letter or digit, {@link #IN_WORD} (no phrase may start at the next char). {@code c} may be the
     * lower case of the text char: lower-casing never changes whether a char is a letter or digit.
     */
    private static int fallback(boolean wordStarts, char c) {
        return wordStarts && Character.isLetterOrDigit(c) ? IN_WORD : ROOT;
    }

    private int rootFallback(char c) {
        return fallback(wordStarts, c);
    }

    private static int find(int[] edgeStart, char[] edgeChar, int[] edgeTarget, int state, char c) {
        int lo = edgeStart[state];
        int hi = edgeStart[state + 1];
        if (hi - lo <= 8) {
            for (int k = lo; k < hi; k++) {
                char x = edgeChar[k];
                if (x == c) {
                    return edgeTarget[k];
                }
                if (x > c) {
                    break;
                }
            }
            return -1;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char x = edgeChar[mid];
            if (x < c) {
                lo = mid + 1;
            } else if (x > c) {
                hi = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return -1;
    }

    private int find(int state, char c) {
        return find(edgeStart, edgeChar, edgeTarget, state, c);
    }

    private boolean hasOutput(int state) {
        return (hasOutput[state >>> 6] & (1L << state)) != 0;
    }

    /** Whether any phrase occurs in {@code text}. */
    boolean containsAny(CharSequence text) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            state = stepText(state, text.charAt(i), false);
            if (hasOutput(state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every occurrence of every phrase, in order of end offset, without allocating. With
     * {@code unicodeFold} each text char is first folded as {@link java.util.regex.Pattern}'s
     * {@code CASE_INSENSITIVE | UNICODE_CASE} compares chars ({@link #fold}), so an automaton of
     * folded literals finds at least every place where a case-insensitive regex literal matches.
     */
    void forEach(String text, boolean unicodeFold, MatchSink sink) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            state = stepText(state, text.charAt(i), unicodeFold);
            if (hasOutput(state)) {
                emit(state, i + 1, sink);
            }
        }
    }

    /** Phrases ending at {@code end} in {@code state}: longest first, equal phrases in list order. */
    private void emit(int state, int end, MatchSink sink) {
        int s = outStart[state + 1] > outStart[state] ? state : outLink[state];
        while (s >= 0) {
            for (int k = outStart[s]; k < outStart[s + 1]; k++) {
                int p = outPhrase[k];
                sink.match(p, end - phraseLengths[p], end);
            }
            s = outLink[s];
        }
    }

    /** The char regex case-insensitive Unicode matching compares: lower case of upper case. */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** Every occurrence of every phrase, in order of end offset (longest first at one end). */
    List<Match> findAll(CharSequence text) {
        List<Match> result = new ArrayList<>();
        MatchSink sink = (p, start, end) -> result.add(new Match(p, start, end));
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            state = stepText(state, text.charAt(i), false);
            if (hasOutput(state)) {
                emit(state, i + 1, sink);
            }
        }
        return result;
    }

    /**
     * The matches of {@link #findAll} that also end at a word end (at the text end or before a
     * char that is not a letter or digit): whole-word occurrences, in the same order. Only for
     * {@link #wordStarts} automata.
     *
     * <p>Still one pass, now a word at a time: each run of letters and digits is hashed and looked
     * up once ({@link WordGate}), and the automaton walks its chars only when a phrase may
     * continue into it from the run before (the pair filter passes). Otherwise no whole-word
     * match can contain both runs, so the walk restarts at the run: in the state of the run read
     * from the root if some phrase starts with it, else "inside a word". With big lists this
     * keeps ordinary text in the shallow, dense part of the automaton: phrases that begin with
     * a word of the text no longer walk into their second word unless the text continues with a
     * word that follows that one in some phrase. Lists with a phrase that does not start with a
     * letter or digit (or an empty one) take the plain walk and drop the matches ending in a word.
     */
    void forEachWholeWord(String text, MatchSink sink) {
        if (!wordStarts) {
            throw new IllegalStateException("whole-word matching needs a wordStarts automaton");
        }
        int n = text.length();
        WordGate g = gate;
        if (g == null) {
            forEach(text, false, (p, start, end) -> {
                if (end == n || !isWordChar(lower(text.charAt(end)))) {
                    sink.match(p, start, end);
                }
            });
            return;
        }
        int state = ROOT;
        int prev = -1; // the run before, when a phrase may continue from it
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char lc = lower(c);
            if (!isWordChar(lc)) {
                state = stepText(state, c, false);
                if (hasOutput(state) && (i + 1 == n || !isWordChar(lower(text.charAt(i + 1))))) {
                    emit(state, i + 1, sink);
                }
                i++;
                continue;
            }
            // a run of letters and digits starts at i (the char before, if any, is neither)
            int h = 0;
            int k = i;
            do {
                h = 31 * h + lc;
                if (++k == n) {
                    break;
                }
                lc = lower(text.charAt(k));
            } while (isWordChar(lc));
            int w = g.find(text, i, k, h);
            int f = g.flags[w];
            if ((f & WordGate.LATER) != 0 && prev >= 0 && g.mayFollow(prev, w)) {
                for (int j = i; j < k; j++) {
                    state = stepText(state, text.charAt(j), false);
                }
            } else {
                // the state of the run read from the root, or "inside a word" when no phrase
                // starts with it (one load instead of a branch that random text mispredicts)
                state = g.rootState[w];
            }
            if (hasOutput(state)) {
                emit(state, k, sink); // only matches ending here can end at a word end
            }
            prev = state == IN_WORD || (f & WordGate.NOT_LAST) == 0 ? -1 : w;
            i = k;
        }
    }

    /** {@link #forEachWholeWord} as a list. */
    List<Match> findAllWholeWords(String text) {
        List<Match> result = new ArrayList<>();
        forEachWholeWord(text, (p, start, end) -> result.add(new Match(p, start, end)));
        return result;
    }

    private static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /** Letter or digit (the same for a char and its lower case). */
    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    /**
     * The runs of letters and digits of the phrases (lower-cased), for {@link #forEachWholeWord}:
     * an open-addressing table from run to id, per run whether it starts a phrase, follows another
     * run in one or is followed by one, the state of a first run read from the root, and a
     * Bloom filter (two bits in one long, about 8 bits per pair, so 200 KB for 100k phrases of
     * three words) of the pairs of consecutive runs. A false positive only costs a walk.
     */
    private static final class WordGate {
        static final int FIRST = 1;
        static final int LATER = 2;
        static final int NOT_LAST = 4;

        /** Run w is chars[start[w] .. start[w + 1]). */
        final char[] chars;
        final int[] start;
        /** Run id + 1 per slot, 0 when empty; the run's hash in slotHash. */
        final int[] slots;
        final int[] slotHash;
        final int mask;
        final byte[] flags;
        final int[] rootState;
        final long[] pairs;
        final int pairMask;

        private WordGate(char[] chars, int[] start, int[] slots, int[] slotHash, byte[] flags, int[] rootState,
                         long[] pairs) {
            this.chars = chars;
            this.start = start;
            this.slots = slots;
            this.slotHash = slotHash;
            this.mask = slots.length - 1;
            this.flags = flags;
            this.rootState = rootState;
            this.pairs = pairs;
            this.pairMask = pairs.length - 1;
        }

        /** Null when some phrase is empty or does not start with a letter or digit. */
        static WordGate of(String[] lower, AhoCorasick automaton) {
            Map<String, Integer> ids = new HashMap<>();
            List<String> runs = new ArrayList<>();
            List<Byte> flagList = new ArrayList<>();
            List<Long> pairList = new ArrayList<>();
            for (String phrase : lower) {
                if (phrase.isEmpty() || !isWordChar(phrase.charAt(0))) {
                    return null;
                }
                int previous = -1;
                int i = 0;
                while (i < phrase.length()) {
                    if (!isWordChar(phrase.charAt(i))) {
                        i++;
                        continue;
                    }
                    int k = i;
                    while (k < phrase.length() && isWordChar(phrase.charAt(k))) {
                        k++;
                    }
                    String run = phrase.substring(i, k);
                    Integer id = ids.get(run);
                    if (id == null) {
                        id = runs.size();
                        ids.put(run, id);
                        runs.add(run);
                        flagList.add((byte) 0);
                    }
                    int f = flagList.get(id) | (previous < 0 ? FIRST : LATER) | (k < phrase.length() ? NOT_LAST : 0);
                    flagList.set(id, (byte) f);
                    if (previous >= 0) {
                        pairList.add(pairKey(previous, id));
                    }
                    previous = id;
                    i = k;
                }
            }
            int r = runs.size();
            int total = 0;
            for (String run : runs) {
                total += run.length();
            }
            char[] chars = new char[total];
            int[] start = new int[r + 1];
            byte[] flags = new byte[r + 1];
            int[] rootState = new int[r + 1];
            int cap = Integer.highestOneBit(Math.max(2, r) * 2 - 1) << 1;
            int[] slots = new int[cap];
            int[] slotHash = new int[cap];
            for (int w = 0; w < r; w++) {
                String run = runs.get(w);
                run.getChars(0, run.length(), chars, start[w]);
                start[w + 1] = start[w] + run.length();
                flags[w] = flagList.get(w);
                int h = run.hashCode(); // 31 * h + c over the chars, as forEachWholeWord hashes
                int slot = spread(h) & (cap - 1);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (cap - 1);
                }
                slots[slot] = w + 1;
                slotHash[slot] = h;
                int s = IN_WORD;
                if ((flags[w] & FIRST) != 0) {
                    s = ROOT;
                    for (int j = 0; j < run.length(); j++) {
                        s = automaton.find(s, run.charAt(j)); // a phrase starts with the run: the path exists
                    }
                }
                rootState[w] = s;
            }
            rootState[r] = IN_WORD; // the id of runs no phrase has
            long[] bits = new long[Math.max(1, Integer.highestOneBit(Math.max(1, pairList.size())) * 2 / 8)];
            WordGate g = new WordGate(chars, start, slots, slotHash, flags, rootState, bits);
            for (long key : pairList) {
                g.addPair(key);
            }
            return g;
        }

        private static int spread(int h) {
            int x = h * 0x9E3779B9;
            return x ^ (x >>> 16);
        }

        private static long pairKey(int a, int b) {
            long x = ((long) a << 32 | (b & 0xFFFFFFFFL)) * 0xC2B2AE3D27D4EB4FL;
            return x ^ (x >>> 29);
        }

        private void addPair(long key) {
            pairs[(int) (key >>> 12) & pairMask] |= 1L << key | 1L << (key >>> 6);
        }

        boolean mayFollow(int a, int b) {
            long key = pairKey(a, b);
            long m = 1L << key | 1L << (key >>> 6);
            return (pairs[(int) (key >>> 12) & pairMask] & m) == m;
        }

        /** The id of text[from, to) lower-cased, whose hash is h, or the number of runs (flags 0, "inside a word"). */
        int find(String text, int from, int to, int h) {
            int len = to - from;
            for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
                int w = slots[slot] - 1;
                if (w < 0) {
                    return flags.length - 1;
                }
                if (slotHash[slot] == h && start[w + 1] - start[w] == len && same(text, from, start[w], len)) {
                    return w;
                }
            }
        }

        private boolean same(String text, int from, int at, int len) {
            for (int j = 0; j < len; j++) {
                if (lower(text.charAt(from + j)) != chars[at + j]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One transition on a text char: lower-cased (and with {@code unicodeFold} folded) as the phrases were. */
    private int stepText(int state, char c, boolean unicodeFold) {
        if (c < 128 && state < denseStates) {
            return ascii[state * classes + asciiFoldedClass[c]];
        }
        return next(state, Character.toLowerCase(unicodeFold && c >= 128 ? fold(c) : c));
    }

    /** One transition on an already lower-cased char: a dense row where there is one, else goto and failure links. */
    private int next(int state, char c) {
        while (true) {
            if (c < 128 && state < denseStates) {
                return ascii[state * classes + asciiClass[c]];
            }
            int g = find(state, c);
            if (g >= 0) {
                return g;
            }
            if (state < roots) {
                return rootFallback(c);
            }
            state = fail[state];
        }
    }

    int states() {
        return fail.length;
    }
}
