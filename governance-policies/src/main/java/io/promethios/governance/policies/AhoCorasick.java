package io.promethios.governance.policies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over chars: finds every occurrence of any of its phrases in one pass,
 * whatever the number of phrases. Matching is case-insensitive (phrases and text are lower-cased
 * char by char). Built once, then immutable and thread-safe.
 *
 * <p>The goto function is stored as sorted per-state edge arrays (binary search), so memory
 * grows with the total phrase length, not with the alphabet. Automata of up to
 * {@value #DENSE_MAX_STATES} states also get a dense transition table for ASCII input (goto and
 * failure links folded into one lookup per char): the scan of ordinary text is then one array
 * read per char instead of a binary search plus failure-link walks.
 */
final class AhoCorasick {

    /** One match: phrase index and the span in the scanned text. */
    record Match(int phrase, int start, int end) {
    }

    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    private final int[] fail;
    /** Phrase indexes ending at each state (including via dictionary suffix links), or null. */
    private final int[][] outputs;
    private final int[] phraseLengths;
    /**
     * Dense DFA for ASCII chars: {@code ascii[state * classes + asciiClass[c]]} is {@code next(state, c)};
     * null for large automata. ASCII chars on no edge share class 0 (they always lead to the root).
     */
    private final int[] ascii;
    private final char[] asciiClass;
    /** {@link #asciiClass} of the lower case of each ASCII char. */
    private final char[] asciiFoldedClass;
    private final int classes;

    /** Above this many states the dense table is not worth its memory. */
    static final int DENSE_MAX_STATES = 16_384;

    /** Receives matches from {@link #forEach}. */
    @FunctionalInterface
    interface MatchSink {
        void match(int phrase, int start, int end);
    }

    private AhoCorasick(char[][] edgeChars, int[][] edgeTargets, int[] fail, int[][] outputs, int[] phraseLengths) {
        this.edgeChars = edgeChars;
        this.edgeTargets = edgeTargets;
        this.fail = fail;
        this.outputs = outputs;
        this.phraseLengths = phraseLengths;
        int n = fail.length;
        char[] cls = new char[128];
        int k = 1;
        for (char[] cs : edgeChars) {
            for (char c : cs) {
                if (c < 128 && cls[c] == 0) {
                    cls[c] = (char) k++;
                }
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
        if (n <= DENSE_MAX_STATES) {
            int[] t = new int[n * k];
            for (char c = 0; c < 128; c++) {
                if (cls[c] != 0) {
                    for (int s = 0; s < n; s++) {
                        t[s * k + cls[c]] = next(s, c); // next() resolves failure links
                    }
                }
            }
            this.ascii = t;
        } else {
            this.ascii = null;
        }
    }

    static AhoCorasick of(List<String> phrases) {
        // trie building with growable per-state maps
        List<StringBuilder> chars = new ArrayList<>();
        List<List<Integer>> targets = new ArrayList<>();
        List<List<Integer>> outs = new ArrayList<>();
        chars.add(new StringBuilder());
        targets.add(new ArrayList<>());
        outs.add(null);
        int[] lengths = new int[phrases.size()];
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            lengths[p] = phrase.length();
            int state = 0;
            for (int i = 0; i < phrase.length(); i++) {
                char c = Character.toLowerCase(phrase.charAt(i));
                int idx = chars.get(state).indexOf(String.valueOf(c));
                if (idx >= 0) {
                    state = targets.get(state).get(idx);
                } else {
                    int next = chars.size();
                    chars.add(new StringBuilder());
                    targets.add(new ArrayList<>());
                    outs.add(null);
                    chars.get(state).append(c);
                    targets.get(state).add(next);
                    state = next;
                }
            }
            if (outs.get(state) == null) {
                outs.set(state, new ArrayList<>());
            }
            outs.get(state).add(p);
        }
        int n = chars.size();
        char[][] ec = new char[n][];
        int[][] et = new int[n][];
        for (int s = 0; s < n; s++) {
            String cs = chars.get(s).toString();
            List<Integer> ts = targets.get(s);
            Integer[] order = new Integer[cs.length()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Character.compare(cs.charAt(a), cs.charAt(b)));
            ec[s] = new char[order.length];
            et[s] = new int[order.length];
            for (int k = 0; k < order.length; k++) {
                ec[s][k] = cs.charAt(order[k]);
                et[s][k] = ts.get(order[k]);
            }
        }
        int[] fail = new int[n];
        int[][] outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            List<Integer> o = outs.get(s);
            outputs[s] = o == null ? null : o.stream().mapToInt(Integer::intValue).toArray();
        }
        // BFS for failure links
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int t : et[0]) {
            fail[t] = 0;
            queue[tail++] = t;
        }
        while (head < tail) {
            int s = queue[head++];
            for (int k = 0; k < ec[s].length; k++) {
                char c = ec[s][k];
                int t = et[s][k];
                int f = fail[s];
                int g;
                while ((g = step(ec, et, f, c)) < 0 && f != 0) {
                    f = fail[f];
                }
                g = step(ec, et, f, c);
                fail[t] = g >= 0 && g != t ? g : 0;
                int[] inherited = outputs[fail[t]];
                if (inherited != null) {
                    outputs[t] = outputs[t] == null ? inherited : concat(outputs[t], inherited);
                }
                queue[tail++] = t;
            }
        }
        return new AhoCorasick(ec, et, fail, outputs, lengths);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int step(char[][] ec, int[][] et, int state, char c) {
        int k = Arrays.binarySearch(ec[state], c);
        return k >= 0 ? et[state][k] : -1;
    }

    /** Whether any phrase occurs in {@code text}. */
    boolean containsAny(CharSequence text) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            state = stepText(state, text.charAt(i), false);
            if (outputs[state] != null) {
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
            char c = text.charAt(i);
            state = stepText(state, c, unicodeFold);
            int[] out = outputs[state];
            if (out != null) {
                for (int p : out) {
                    sink.match(p, i + 1 - phraseLengths[p], i + 1);
                }
            }
        }
    }

    /** The char regex case-insensitive Unicode matching compares: lower case of upper case. */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** Every occurrence of every phrase, in order of end offset. */
    List<Match> findAll(CharSequence text) {
        List<Match> result = new ArrayList<>();
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            state = stepText(state, text.charAt(i), false);
            int[] out = outputs[state];
            if (out != null) {
                for (int p : out) {
                    result.add(new Match(p, i + 1 - phraseLengths[p], i + 1));
                }
            }
        }
        return result;
    }

    /** One transition on a text char: lower-cased (and with {@code unicodeFold} folded) as the phrases were. */
    private int stepText(int state, char c, boolean unicodeFold) {
        if (c < 128 && ascii != null) {
            return ascii[state * classes + asciiFoldedClass[c]];
        }
        return step(state, Character.toLowerCase(unicodeFold && c >= 128 ? fold(c) : c));
    }

    /** One transition on an already lower-cased char: the dense table for ASCII, else goto and failure links. */
    private int step(int state, char c) {
        return c < 128 && ascii != null ? ascii[state * classes + asciiClass[c]] : next(state, c);
    }

    private int next(int state, char c) {
        while (true) {
            int g = step(edgeChars, edgeTargets, state, c);
            if (g >= 0) {
                return g;
            }
            if (state == 0) {
                return 0;
            }
            state = fail[state];
        }
    }

    int states() {
        return fail.length;
    }
}
