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
 * for ASCII input (goto and failure links folded into one lookup per char). Its entries are the
 * offsets of the next rows, with states where phrases end marked negative, so a walk over ASCII
 * text is one dependent load and add per char; {@link #forEach} walks two halves of a longer
 * text side by side, so that two such chains overlap.
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

    /**
     * {@link #forEach} splits the text into two lockstep walks when the second one's lead-in (the
     * longest phrase plus one) starts at least this many chars in.
     */
    static final int SPLIT_MIN_OVERLAP = 64;

    /** Dense rows for at most this many (breadth-first, so the shallowest) states. */
    static final int DENSE_MAX_STATES = 24_576;

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
    /** The longest phrase: the deepest state. */
    private final int maxDepth;
    /** States with a dense ASCII row in {@link #ascii}. */
    private final int denseStates;
    /**
     * The walk's table: first, at {@code c} below {@value #ROWS}, the {@link #asciiClass} of the
     * lower case of ASCII char {@code c}; then per dense state its number and its row of
     * entries, one per {@link #asciiClass}. Entry {@code ascii[row + ascii[c]]} is {@code next(state, c)} as a
     * {@linkplain #cursor cursor}: the next row's offset itself, so a walk over ASCII text needs
     * one array, no multiply and no separate output check per char.
     */
    private final int[] ascii;
    /** Where the dense states of {@link #ascii} start: after the class of each ASCII char. */
    private static final int ROWS = 128;
    /** Length of a dense state in {@link #ascii}: its number, then one entry per {@link #asciiClass}. */
    private final int stride;
    /**
     * Class of each lower-case ASCII char: 0 for chars on no edge that are not letters or digits,
     * 1 for letters and digits on no edge (the same column as 0 unless {@link #wordStarts}), then
     * one class per char on some edge.
     */
    private final char[] asciiClass;
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
        int deepest = 0;
        for (String phrase : lower) {
            deepest = Math.max(deepest, phrase.length());
        }
        this.maxDepth = deepest;
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
        char[] rep = new char[k];
        for (char c = 0; c < 128; c++) {
            if (cls[c] >= 2) {
                rep[cls[c]] = c;
            }
        }
        int d = Math.min(n, DENSE_MAX_STATES);
        this.denseStates = d;
        this.stride = k + 1; // at most 24,576 states of 131 ints: no overflow
        int[] t = new int[ROWS + d * stride];
        // the class of an ASCII char's lower case, so text chars below 128 need no Character.toLowerCase
        for (char c = 0; c < ROWS; c++) {
            t[c] = cls[Character.toLowerCase(c)];
        }
        // first with plain state numbers, then each entry turned into the target's cursor
        for (int s = 0; s < d; s++) {
            int row = rowOf(s);
            t[row - 1] = s;
            t[row] = ROOT;
            t[row + 1] = wordStarts ? IN_WORD : ROOT;
            for (int j = 2; j < k; j++) {
                int g = find(s, rep[j]);
                // rows of lower states are complete: the failure link's row resolves the rest
                t[row + j] = g >= 0 ? g : s < roots ? rootFallback(rep[j]) : t[rowOf(fail[s]) + j];
            }
        }
        this.ascii = t;
        for (int s = 0; s < d; s++) {
            int row = rowOf(s);
            for (int j = 0; j < k; j++) {
                t[row + j] = cursor(t[row + j]);
            }
        }
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
        if (total >= Integer.MAX_VALUE - (1 << 22)) { // room for the cursors of sparse states
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

    /**
     * A state as the walk carries it: the offset of its dense row when it has one and no phrase
     * ends there, else a negative number: {@code ~row} for a dense state where phrases end (the
     * state number sits just before the row), {@code Integer.MIN_VALUE + (state - denseStates)}
     * for a state without a dense row. A walk over ASCII text in the dense part is then one lookup
     * per char, {@code cursor = ascii[cursor + ascii[c]]}, and only a negative cursor needs a look
     * at outputs.
     */
    private int cursor(int state) {
        if (state >= denseStates) {
            return Integer.MIN_VALUE + (state - denseStates);
        }
        return hasOutput(state) ? ~rowOf(state) : rowOf(state);
    }

    /** The state of a {@link #cursor}. */
    private int stateOf(int cursor) {
        int row = cursor >= 0 ? cursor : ~cursor;
        return row < ascii.length ? ascii[row - 1] : denseStates + (Integer.MAX_VALUE - row);
    }

    /** Where the row of dense state {@code state} starts in {@link #ascii}. */
    private int rowOf(int state) {
        return ROWS + state * stride + 1;
    }

    /** Whether any phrase occurs in {@code text}. */
    boolean containsAny(CharSequence text) {
        String s = text.toString();
        int[] t = ascii;
        int cur = cursor(ROOT);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 && cur >= 0) {
                cur = t[cur + t[c]];
                if (cur >= 0) {
                    continue;
                }
            } else {
                cur = cursor(stepText(stateOf(cur), c, false));
            }
            if (cur < 0 && hasOutput(stateOf(cur))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every occurrence of every phrase, in order of end offset (allocating at most a small
     * buffer). With
     * {@code unicodeFold} each text char is first folded as {@link java.util.regex.Pattern}'s
     * {@code CASE_INSENSITIVE | UNICODE_CASE} compares chars ({@link #fold}), so an automaton of
     * folded literals finds at least every place where a case-insensitive regex literal matches.
     *
     * <p>A text of a few hundred chars or more is walked as two halves in lockstep
     * ({@link #lockstep}) when every state has a dense row.
     */
    void forEach(String text, boolean unicodeFold, MatchSink sink) {
        int n = text.length();
        // The state after a char depends on the last maxDepth chars only (and the one before,
        // for word starts), so a second walk started from the root maxDepth + 1 chars before
        // the middle is in the right state from the middle on.
        int mid = n >>> 1;
        int from = mid - maxDepth - 1;
        if (from < SPLIT_MIN_OVERLAP || denseStates < fail.length || cursor(ROOT) < 0) {
            walk(text, 0, n, cursor(ROOT), 0, unicodeFold, sink);
            return;
        }
        int[] found = new int[FOUND];
        found[0] = cursor(ROOT);
        found[1] = found[0];
        int i = lockstep(text, mid, from, ascii, found);
        int a = found[0];
        int b = found[1];
        int count = found[2];
        // walk a has read text[0, i), walk b text[from, from + i); a negative cursor there is a
        // state with outputs not reported yet (the buffer was full)
        for (int k = 3; k < count; k += 2) {
            if (found[k] <= mid) {
                emit(stateOf(found[k + 1]), found[k], sink);
            }
        }
        if (a < 0 && hasOutput(stateOf(a))) {
            emit(stateOf(a), i, sink);
        }
        walk(text, i, mid, a, 0, unicodeFold, sink);
        for (int k = 3; k < count; k += 2) {
            if (found[k] > mid) {
                emit(stateOf(found[k + 1]), found[k], sink);
            }
        }
        if (b < 0 && from + i > mid && hasOutput(stateOf(b))) {
            emit(stateOf(b), from + i, sink);
        }
        walk(text, from + i, n, b, mid, unicodeFold, sink);
    }

    /** Size of {@link #forEach}'s buffer: the two cursors, the used length, then (end, cursor) pairs. */
    private static final int FOUND = 3 + 2 * 32;

    /**
     * Two independent walks in lockstep, walk a over {@code text[0, mid)} and walk b over
     * {@code text[from, from + mid)}: one walk is a chain of dependent lookups, each waiting for
     * the one before; two chains overlap. Only for automata whose states all have dense rows, as
     * long as both chars are ASCII. A state with outputs is noted in {@code found} as its end
     * offset and cursor (walk b's only past {@code mid}: walk a reports the ends up to there),
     * for {@link #forEach} to report in order. A method of its own, with no calls, so that it
     * compiles to a small loop that keeps the cursors in registers.
     *
     * @param found in: the two start cursors at 0 and 1; out: the cursors where the walks stopped,
     *              at 2 the used length, then the (end, cursor) pairs from 3
     * @return the number of chars each walk has read: {@code mid}, or less at a non-ASCII char or
     *         when {@code found} is full (then a negative cursor in {@code found} is not noted yet)
     */
    private static int lockstep(String text, int mid, int from, int[] t, int[] found) {
        int a = found[0];
        int b = found[1];
        found[2] = 3;
        int i = 0;
        for (; i < mid; i++) {
            char ca = text.charAt(i);
            char cb = text.charAt(from + i);
            if ((ca | cb) >= 128) {
                break;
            }
            a = t[a + t[ca]];
            b = t[b + t[cb]];
            if ((a | b) < 0) {
                int count = found[2];
                if (count > found.length - 4) {
                    i++;
                    break;
                }
                if (a < 0) {
                    found[count++] = i + 1;
                    found[count++] = a;
                    a = ~a; // the row of the same state
                }
                if (b < 0) {
                    if (from + i >= mid) {
                        found[count++] = from + i + 1;
                        found[count++] = b;
                    }
                    b = ~b;
                }
                found[2] = count;
            }
        }
        found[0] = a;
        found[1] = b;
        return i;
    }

    /**
     * The walk of {@link #forEach} over {@code text[from, to)} from {@code cur}, reporting the
     * matches that end after {@code minEnd}.
     */
    private void walk(String text, int from, int to, int cur, int minEnd, boolean unicodeFold, MatchSink sink) {
        int[] t = ascii;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 128 && cur >= 0) {
                cur = t[cur + t[c]];
                if (cur >= 0) {
                    continue;
                }
            } else {
                cur = cursor(stepText(stateOf(cur), c, unicodeFold));
            }
            if (cur < 0 && i >= minEnd) {
                int state = stateOf(cur);
                if (hasOutput(state)) {
                    emit(state, i + 1, sink);
                }
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
        forEach(text.toString(), false, (p, start, end) -> result.add(new Match(p, start, end)));
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
        int cur = cursor(ROOT);
        int inWord = cursor(IN_WORD);
        int prev = -1; // the run before, when a phrase may continue from it
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char lc = lower(c);
            if (!isWordChar(lc)) {
                cur = step(cur, c, false);
                if (cur < 0 && hasOutput(stateOf(cur)) && (i + 1 == n || !isWordChar(lower(text.charAt(i + 1))))) {
                    emit(stateOf(cur), i + 1, sink);
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
                    cur = step(cur, text.charAt(j), false);
                }
            } else {
                // the state of the run read from the root, or "inside a word" when no phrase
                // starts with it (one load instead of a branch that random text mispredicts)
                cur = g.rootCursor[w];
            }
            if (cur < 0 && hasOutput(stateOf(cur))) {
                emit(stateOf(cur), k, sink); // only matches ending here can end at a word end
            }
            prev = cur == inWord || (f & WordGate.NOT_LAST) == 0 ? -1 : w;
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
        /** The {@link #cursor} of the state of a first run read from the root, else of {@link #IN_WORD}. */
        final int[] rootCursor;
        final long[] pairs;
        final int pairMask;

        private WordGate(char[] chars, int[] start, int[] slots, int[] slotHash, byte[] flags, int[] rootCursor,
                         long[] pairs) {
            this.chars = chars;
            this.start = start;
            this.slots = slots;
            this.slotHash = slotHash;
            this.mask = slots.length - 1;
            this.flags = flags;
            this.rootCursor = rootCursor;
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
                rootState[w] = automaton.cursor(s);
            }
            rootState[r] = automaton.cursor(IN_WORD); // the id of runs no phrase has
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

    /** One transition on a text char, from and to a {@link #cursor}, as {@link #stepText}. */
    private int step(int cur, char c, boolean unicodeFold) {
        if (c < 128 && cur >= 0) {
            return ascii[cur + ascii[c]];
        }
        return cursor(stepText(stateOf(cur), c, unicodeFold));
    }

    /** One transition on a text char: lower-cased (and with {@code unicodeFold} folded) as the phrases were. */
    private int stepText(int state, char c, boolean unicodeFold) {
        if (c < 128 && state < denseStates) {
            return stateOf(ascii[rowOf(state) + ascii[c]]);
        }
        return next(state, Character.toLowerCase(unicodeFold && c >= 128 ? fold(c) : c));
    }

    /** One transition on an already lower-cased char: a dense row where there is one, else goto and failure links. */
    private int next(int state, char c) {
        while (true) {
            if (c < 128 && state < denseStates) {
                return stateOf(ascii[rowOf(state) + asciiClass[c]]);
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
