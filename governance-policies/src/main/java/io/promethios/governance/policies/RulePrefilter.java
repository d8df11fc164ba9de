package io.promethios.governance.policies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a fixed list of built-in regular expressions without scanning the whole text with each.
 *
 * <p>{@code java.util.regex} has no literal prefilter for case-insensitive alternations: {@code find()}
 * tries the whole pattern at every offset, so forty rules over 1 KB cost forty full scans. Here each
 * pattern's source is analysed once for its <i>start literals</i>: a set of strings one of which every
 * match must begin with ({@code \b(ignore|disregard) ...} gives {@code "ignore", "disregard"}). One
 * Aho-Corasick pass over the text finds all start literals of all rules; a rule is then tried only at
 * those offsets, in increasing order, with {@code lookingAt} (transparent bounds, so {@code \b} and
 * lookaround still see the text before the offset). The first offset where it matches is where
 * {@code find()} would have found its first match, with the same end, so results are identical.
 * A pattern whose matches can begin anywhere (a leading {@code \w+}, a large class, an empty match)
 * has no start literals; if the analysis finds <i>needed literals</i> (one of which occurs somewhere in
 * every match) it is skipped when none occurs, else it runs with a plain {@code find()}.
 *
 * <p>The literals are case-folded as {@link Pattern#CASE_INSENSITIVE} with
 * {@link Pattern#UNICODE_CASE} compares chars ({@link AhoCorasick#fold}), and the text is folded the
 * same way, so the candidates are a superset for case-sensitive and case-insensitive patterns alike.
 * Only for built-in patterns known to be linear: user-supplied ones go through {@link RegexBudget}.
 *
 * <p>Immutable and thread-safe.
 */
final class RulePrefilter {

    /** Literal strings longer than this are cut (a prefix of a start literal is still one). */
    private static final int MAX_LITERAL = 12;
    /**
     * The length of the literals an automaton hit is checked against before its rule becomes a candidate
     * ({@link #verification}): the automaton holds only the first {@link #MAX_LITERAL} chars.
     */
    private static final int MAX_VERIFIED = 32;
    /** Above this many alternatives a concatenation stops growing its literals. */
    private static final int MAX_SET = 4096;
    /** Char classes with up to this many chars are expanded into literals. */
    private static final int MAX_CLASS = 12;

    private final Pattern[] patterns;
    /** Per pattern: whether it has start literals (else it runs with a plain find). */
    private final boolean[] prefiltered;
    /** Per pattern without start literals: whether it has needed literals (it is skipped when none occurs). */
    private final boolean[] needs;
    private final AhoCorasick automaton;
    /** Per automaton phrase: the patterns it starts ({@code r}) or is needed by ({@code ~r}). */
    private final int[][] phraseRules;
    /** Per automaton phrase, parallel to {@link #phraseRules}: how far before the phrase a match may start. */
    private final int[][] phraseBefore;
    /** Per automaton phrase, parallel to {@link #phraseRules}: the {@link Reach#over} chars as an ASCII table, or null. */
    private final boolean[][][] phraseOver;
    /**
     * Per automaton phrase, parallel to {@link #phraseRules}: null, or the longer start literals of the rule that
     * begin with the phrase, one of which must occur at the hit (folded as the automaton folds) for the rule to be
     * tried there.
     */
    private final String[][][] phraseVerify;
    /** Marks a {@link #phraseBefore} entry whose phrase is a {@link Near} literal of the rule. */
    private static final int NEAR = -1;
    /** Per pattern: the {@link Near#within} distance, or -1 without one. */
    private final int[] within;

    /**
     * A hand-derived anchor of a pattern the analysis cannot prefilter (its matches start with an
     * unbounded class such as {@code [\w.\-]{0,40}?}): every match contains {@code literal} (lower
     * case, compared as the regex compares chars) starting at most {@code before} chars after the match
     * start. A pattern given reaches runs only at the {@code before + 1} offsets up to each occurrence,
     * so its reaches must cover every alternative of the pattern (tests compare it with plain find).
     * Distances are in chars: a class matches one code point, which can be two chars (emoji).
     *
     * <p>{@code over}, when not null, lists the ASCII chars the regex can match between the match start and
     * the literal ({@code [\w.\-]} for a name prefix {@code [\w.\-]{0,40}?} before the literal): the offsets
     * then stop at the first char before the occurrence that is not one of them, since no match can start
     * farther back. Offsets a match cannot start at are dropped, so the first match is unchanged.
     */
    record Reach(String literal, int before, String over) {
        Reach(String literal, int before) {
            this(literal, before, null);
        }
    }

    /**
     * A hand-derived needed literal of a pattern whose matches are long ({@code [\\s\\S]{0,400}?} spans): every
     * match starting at {@code p} contains one of {@code literals} starting in {@code [p, p + within]}. A start
     * candidate without such an occurrence is skipped without running the regex.
     */
    record Near(List<String> literals, int within) {
    }

    RulePrefilter(List<Pattern> patterns) {
        this(patterns, Map.of(), Map.of());
    }

    /**
     * {@code reaches}: per pattern index, anchors replacing the automatic analysis for that pattern;
     * {@code nears}: per pattern index, a needed literal checked before the regex runs at a candidate. Their
     * literals join the one automaton pass.
     */
    RulePrefilter(List<Pattern> patterns, Map<Integer, List<Reach>> reaches, Map<Integer, Near> nears) {
        this.patterns = patterns.toArray(new Pattern[0]);
        this.prefiltered = new boolean[this.patterns.length];
        this.needs = new boolean[this.patterns.length];
        this.within = new int[this.patterns.length];
        Map<String, List<int[]>> byLiteral = new LinkedHashMap<>();
        List<boolean[]> overTables = new ArrayList<>();
        List<String[]> verifyLists = new ArrayList<>();
        for (int r = 0; r < this.patterns.length; r++) {
            Near near = nears.get(r);
            within[r] = near == null ? -1 : near.within();
            if (near != null) {
                for (String l : near.literals()) {
                    if (checked(Set.of(l)) == null || l.isEmpty() || near.within() < 0) {
                        throw new IllegalArgumentException("bad near " + near);
                    }
                    byLiteral.computeIfAbsent(l, k -> new ArrayList<>()).add(new int[] {r, NEAR});
                }
            }
            List<Reach> given = reaches.get(r);
            if (given != null) {
                prefiltered[r] = true;
                for (Reach x : given) {
                    if (checked(Set.of(x.literal())) == null || x.literal().isEmpty() || x.before() < 0) {
                        throw new IllegalArgumentException("bad reach " + x);
                    }
                    int overIndex = -1;
                    if (x.over() != null) {
                        boolean[] table = new boolean[128];
                        for (char c : x.over().toCharArray()) {
                            if (c >= 128) {
                                throw new IllegalArgumentException("bad reach " + x);
                            }
                            table[c] = true;
                        }
                        overIndex = overTables.size();
                        overTables.add(table);
                    }
                    byLiteral.computeIfAbsent(x.literal(), k -> new ArrayList<>()).add(new int[] {r, x.before(), overIndex});
                }
                continue;
            }
            Set<String> lits = startLiterals(this.patterns[r].pattern());
            int code = r;
            Set<String> longer = null;
            if (lits != null) {
                prefiltered[r] = true;
                longer = startLiterals(this.patterns[r].pattern(), MAX_VERIFIED);
            } else {
                lits = neededLiterals(this.patterns[r].pattern());
                if (lits == null) {
                    continue;
                }
                needs[r] = true;
                code = ~r;
            }
            for (String l : lits) {
                String[] verify = verification(l, longer);
                int verifyIndex = -1;
                if (verify != null) {
                    verifyIndex = verifyLists.size();
                    verifyLists.add(verify);
                }
                byLiteral.computeIfAbsent(l, k -> new ArrayList<>()).add(new int[] {code, 0, -1, verifyIndex});
            }
        }
        for (int r : nears.keySet()) {
            if (!prefiltered[r]) {
                throw new IllegalArgumentException("a Near needs start candidates: " + this.patterns[r]);
            }
        }
        List<String> phrases = new ArrayList<>(byLiteral.keySet());
        this.automaton = AhoCorasick.of(phrases);
        this.phraseRules = new int[phrases.size()][];
        this.phraseBefore = new int[phrases.size()][];
        this.phraseOver = new boolean[phrases.size()][][];
        this.phraseVerify = new String[phrases.size()][][];
        for (int p = 0; p < phrases.size(); p++) {
            List<int[]> uses = byLiteral.get(phrases.get(p));
            phraseRules[p] = uses.stream().mapToInt(u -> u[0]).toArray();
            phraseBefore[p] = uses.stream().mapToInt(u -> u[1]).toArray();
            phraseOver[p] = new boolean[uses.size()][];
            phraseVerify[p] = new String[uses.size()][];
            for (int k = 0; k < uses.size(); k++) {
                int[] u = uses.get(k);
                phraseOver[p][k] = u.length > 2 && u[2] >= 0 ? overTables.get(u[2]) : null;
                phraseVerify[p][k] = u.length > 3 && u[3] >= 0 ? verifyLists.get(u[3]) : null;
            }
        }
    }

    /**
     * What a hit of start literal {@code phrase} must be checked against, given the same rule's start literals
     * {@code longer} from an analysis that cuts at {@link #MAX_VERIFIED} chars: null when the hit alone is enough
     * (no longer literals, or one of them is no longer than the phrase and so already matched), else the longer
     * literals that begin with the phrase (none: no match can start with it). Sound because both sets are start
     * literals of every match: a match starting at a hit of the phrase starts with some longer literal too, and that
     * one begins with the phrase (or the phrase with it).
     */
    static String[] verification(String phrase, Set<String> longer) {
        if (longer == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String l : longer) {
            if (phrase.startsWith(l)) {
                return null;
            }
            if (l.startsWith(phrase)) {
                out.add(l);
            }
        }
        return out.toArray(new String[0]);
    }

    /** Whether one of {@code literals} occurs at {@code at}, each text char folded as {@link AhoCorasick#fold}. */
    private static boolean occursAt(String text, int at, String[] literals) {
        for (String l : literals) {
            int m = l.length();
            if (at + m > text.length()) {
                continue;
            }
            int k = 0;
            while (k < m) {
                char c = text.charAt(at + k);
                char f = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) : AhoCorasick.fold(c);
                if (f != l.charAt(k)) {
                    break;
                }
                k++;
            }
            if (k == m) {
                return true;
            }
        }
        return false;
    }

    /** The candidate start offsets of every rule in one text; see {@link #find}. */
    final class Scan {
        private final String text;
        private final int[][] starts;
        private final int[] counts;
        private final boolean[] sorted;
        private final boolean[] needHit;

        private Scan(String text) {
            this.text = text;
            // rule r's start candidates at r, its Near literal occurrences at patterns.length + r
            this.starts = new int[2 * patterns.length][];
            this.counts = new int[2 * patterns.length];
            this.sorted = new boolean[2 * patterns.length];
            this.needHit = new boolean[patterns.length];
            automaton.forEach(text, true, (phrase, start, end) -> {
                int[] rules = phraseRules[phrase];
                for (int k = 0; k < rules.length; k++) {
                    int r = rules[k];
                    if (r < 0) {
                        needHit[~r] = true;
                        continue;
                    }
                    if (phraseBefore[phrase][k] == NEAR) {
                        add(patterns.length + r, start);
                        continue;
                    }
                    String[] verify = phraseVerify[phrase][k];
                    if (verify != null && !occursAt(text, start, verify)) {
                        continue; // none of the rule's longer literals is here
                    }
                    boolean[] over = phraseOver[phrase][k];
                    for (int at = start, lo = Math.max(0, start - phraseBefore[phrase][k]); at >= lo; at--) {
                        add(r, at);
                        if (over != null && at > lo) {
                            char c = text.charAt(at - 1);
                            if (c >= 128 || !over[c]) {
                                break; // no match starts before a char the prefix cannot contain
                            }
                        }
                    }
                }
            });
        }

        private void add(int r, int at) {
            int[] a = starts[r];
            if (a == null) {
                a = starts[r] = new int[4];
            } else if (counts[r] == a.length) {
                a = starts[r] = Arrays.copyOf(a, a.length * 2);
            }
            a[counts[r]++] = at;
        }

        /**
         * The first match of rule {@code r} in the text, as {@code pattern.matcher(text).find()} finds
         * it: the matcher positioned on that match (absolute offsets), or null when there is none.
         */
        Matcher find(int r) {
            return find(r, 0);
        }

        /**
         * The first match of rule {@code r} starting at or after {@code from}, as
         * {@code pattern.matcher(text).find(from)} finds it; with {@code from} the end of the previous
         * match (plus one after an empty match) this gives the matches of a {@code while (m.find())} loop.
         */
        Matcher find(int r, int from) {
            if (from > text.length()) {
                return null;
            }
            // a Matcher of a big pattern is costly to allocate: only make one when the rule can match
            if (!prefiltered[r]) {
                if (needs[r] && !needHit[r]) {
                    return null; // none of the literals every match contains occurs
                }
                Matcher m = patterns[r].matcher(text);
                return m.find(from) ? m : null;
            }
            int n = counts[r];
            int w = within[r];
            int nn = counts[patterns.length + r];
            if (n == 0 || w >= 0 && nn == 0) {
                return null;
            }
            int[] a = sortedStarts(r);
            int[] near = w >= 0 ? sortedStarts(patterns.length + r) : null;
            Matcher m = null;
            int last = -1;
            int j = 0;
            for (int k = 0; k < n; k++) {
                int at = a[k];
                if (at == last || at < from) {
                    continue;
                }
                last = at;
                if (near != null) {
                    while (j < nn && near[j] < at) {
                        j++;
                    }
                    if (j == nn) {
                        return null; // no needed literal at or after this or any later candidate
                    }
                    if (near[j] > at + w) {
                        continue;
                    }
                }
                if (m == null) {
                    m = patterns[r].matcher(text);
                    m.useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(at, text.length());
                if (m.lookingAt()) {
                    return m;
                }
            }
            return null;
        }

        private int[] sortedStarts(int slot) {
            int[] a = starts[slot];
            if (!sorted[slot]) {
                Arrays.sort(a, 0, counts[slot]); // the automaton reports by end offset
                sorted[slot] = true;
            }
            return a;
        }
    }

    /** Scans {@code text} once for the start literals of every rule. */
    Scan scan(String text) {
        return new Scan(text);
    }

    /** Whether rule {@code r} runs only at its start literals (for tests). */
    boolean isPrefiltered(int r) {
        return prefiltered[r];
    }

    // ------------------------------------------------------------------ pattern analysis

    /**
     * What a sub-pattern's matches start with: every match has one of {@code set} as a prefix, and is
     * exactly that literal unless the literal is in {@code open} (a subset of {@code set}: literals cut at
     * {@link #MAX_LITERAL} or followed by something unknown). A null set means no constraint. Keeping
     * exactness per literal lets a concatenation go on growing the literals that are whole matches when
     * others were cut: {@code (notes|instructions) (to|for)} gives "notes to", "notes for" and the cut
     * "instructions".
     */
    private record Lits(Set<String> set, Set<String> open, Set<String> need) {
        static final Lits ANY = new Lits(null, Set.of(), null);
        static final Lits EMPTY = new Lits(Set.of(""), Set.of(), null);

        static Lits of(Set<String> set, boolean exact) {
            return of(set, set == null || exact ? Set.of() : set);
        }

        static Lits of(Set<String> set, Set<String> open) {
            if (set == null || open.contains("")) {
                return ANY; // "" as a mere prefix constrains nothing
            }
            return new Lits(set, open, null);
        }

        /** Whether every match is one of the literals. */
        boolean exact() {
            return open.isEmpty();
        }

        /** The same start literals with {@code need}: a set one of which occurs somewhere in every match. */
        Lits withNeed(Set<String> n) {
            return new Lits(set, open, n);
        }
    }

    /** Whether {@code s} is a usable need set: non-null, non-empty, without the empty string. */
    private static boolean usable(Set<String> s) {
        return s != null && !s.isEmpty() && !s.contains("");
    }

    /** The more selective of two need sets: longer shortest literal, then fewer literals. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (!usable(a)) {
            return usable(b) ? b : null;
        }
        if (!usable(b)) {
            return a;
        }
        int la = a.stream().mapToInt(String::length).min().orElse(0);
        int lb = b.stream().mapToInt(String::length).min().orElse(0);
        if (la != lb) {
            return la > lb ? a : b;
        }
        return a.size() <= b.size() ? a : b;
    }

    /** The start literals of a regex, or null when its matches can start anywhere or it is not understood. */
    static Set<String> startLiterals(String regex) {
        return startLiterals(regex, MAX_LITERAL);
    }

    /** {@link #startLiterals(String)} cut at {@code maxLiteral} chars instead of {@link #MAX_LITERAL}. */
    static Set<String> startLiterals(String regex, int maxLiteral) {
        Lits l = analyse(regex, maxLiteral);
        return l == null || !usable(l.set()) ? null : checked(l.set());
    }

    /** Literals one of which occurs in every match of a regex, or null when none are known. */
    static Set<String> neededLiterals(String regex) {
        Lits l = analyse(regex, MAX_LITERAL);
        return l == null || !usable(l.need()) ? null : checked(l.need());
    }

    private static Lits analyse(String regex, int maxLiteral) {
        try {
            Parser p = new Parser(regex, maxLiteral);
            Lits l = p.alternation();
            return p.i == regex.length() ? l : null;
        } catch (IllegalArgumentException e) {
            return null; // syntax this analysis does not know: no prefilter, plain find()
        }
    }

    private static Set<String> checked(Set<String> lits) {
        for (String s : lits) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (AhoCorasick.fold(c) != c || Character.toLowerCase(c) != c) {
                    return null; // folding not idempotent for this char: no superset guarantee
                }
            }
        }
        return lits;
    }

    private static Lits concat(Lits a, Lits b, int maxLiteral) {
        if (a.set() == null || !a.exact() && a.open().size() == a.set().size()) {
            return a;
        }
        if (b.set() == null) {
            return Lits.of(a.set(), false);
        }
        if ((long) (a.set().size() - a.open().size()) * b.set().size() + a.open().size() > MAX_SET) {
            return Lits.of(a.set(), false);
        }
        Set<String> out = new LinkedHashSet<>();
        Set<String> open = new LinkedHashSet<>();
        for (String x : a.set()) {
            if (a.open().contains(x)) {
                out.add(x); // a prefix only: what follows it is not known
                open.add(x);
                continue;
            }
            for (String y : b.set()) {
                String s = x + y;
                boolean cut = s.length() > maxLiteral;
                if (cut) {
                    s = s.substring(0, maxLiteral);
                }
                out.add(s);
                if (cut || b.open().contains(y)) {
                    open.add(s);
                }
            }
        }
        return Lits.of(out, open);
    }

    private static Lits union(List<Lits> alts) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> open = new LinkedHashSet<>();
        for (Lits l : alts) {
            if (l.set() == null) {
                return Lits.ANY;
            }
            out.addAll(l.set());
            open.addAll(l.open()); // a literal that is a whole match in one alternative and a prefix in another is a prefix
        }
        return Lits.of(out, open);
    }

    private static Lits chars(Set<Character> cs) {
        Set<String> out = new LinkedHashSet<>();
        for (char c : cs) {
            out.add(String.valueOf(Character.toLowerCase(AhoCorasick.fold(c))));
        }
        return Lits.of(out, true).withNeed(out);
    }

    /** Recursive descent over the regex subset the built-in rules use; anything else throws. */
    private static final class Parser {
        private final String p;
        private final int maxLiteral;
        private int i;

        Parser(String p, int maxLiteral) {
            this.p = p;
            this.maxLiteral = maxLiteral;
        }

        Lits alternation() {
            List<Lits> alts = new ArrayList<>();
            alts.add(sequence());
            while (i < p.length() && p.charAt(i) == '|') {
                i++;
                alts.add(sequence());
            }
            Lits u = union(alts);
            Set<String> need = new LinkedHashSet<>();
            for (Lits a : alts) {
                if (!usable(a.need())) {
                    need = null;
                    break;
                }
                need.addAll(a.need());
            }
            return u.withNeed(better(need, u.set()));
        }

        Lits sequence() {
            Lits acc = Lits.EMPTY;
            Set<String> need = null;
            while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
                Lits item = quantified();
                need = better(need, item.need());
                acc = concat(acc, item, maxLiteral);
            }
            return acc.withNeed(better(need, acc.set()));
        }

        Lits quantified() {
            Lits a = atom();
            if (i >= p.length()) {
                return a;
            }
            char c = p.charAt(i);
            Lits r;
            if (c == '?') {
                i++;
                r = a.set() == null ? Lits.ANY : Lits.of(with(a.set(), ""), a.open());
            } else if (c == '*') {
                i++;
                r = Lits.ANY;
            } else if (c == '+') {
                i++;
                r = Lits.of(a.set(), false).withNeed(a.need());
            } else if (c == '{') {
                int close = p.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed {");
                }
                String body = p.substring(i + 1, close);
                int min = Integer.parseInt(body.split(",", -1)[0].trim());
                i = close + 1;
                r = min == 0 ? Lits.ANY : Lits.of(a.set(), false).withNeed(a.need());
            } else {
                return a;
            }
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
                i++; // lazy or possessive: same set of possible matches at a given start
            }
            return r;
        }

        private static Set<String> with(Set<String> s, String extra) {
            Set<String> out = new LinkedHashSet<>(s);
            out.add(extra);
            return out;
        }

        Lits atom() {
            char c = p.charAt(i);
            switch (c) {
                case '(' -> {
                    i++;
                    if (p.startsWith("?:", i)) {
                        i += 2;
                    } else if (p.startsWith("?=", i) || p.startsWith("?!", i) || p.startsWith("?<=", i) || p.startsWith("?<!", i)) {
                        i += p.charAt(i + 1) == '<' ? 3 : 2;
                        alternation(); // zero-width: ignoring the constraint keeps a superset
                        expect(')');
                        return Lits.EMPTY;
                    } else if (p.startsWith("?", i)) {
                        int close = p.indexOf(')', i);
                        String flags = close < 0 ? "" : p.substring(i + 1, close);
                        if (!flags.matches("[a-z]+")) {
                            throw new IllegalArgumentException("unsupported group");
                        }
                        i = close + 1;
                        return Lits.EMPTY; // inline flags such as (?i): literals are case-folded anyway
                    }
                    Lits r = alternation();
                    expect(')');
                    return r;
                }
                case '[' -> {
                    return charClass();
                }
                case '\\' -> {
                    char d = p.charAt(i + 1);
                    i += 2;
                    return switch (d) {
                        case 'b', 'B', 'A', 'z', 'Z', 'G' -> Lits.EMPTY;
                        case 'w', 'W', 's', 'S', 'd', 'D', 'h', 'H', 'v', 'V', 'R', 'X' -> Lits.ANY;
                        case 'n' -> chars(Set.of('\n'));
                        case 't' -> chars(Set.of('\t'));
                        case 'r' -> chars(Set.of('\r'));
                        default -> {
                            if (Character.isLetterOrDigit(d)) {
                                throw new IllegalArgumentException("unsupported escape \\" + d);
                            }
                            yield chars(Set.of(d));
                        }
                    };
                }
                case '.' -> {
                    i++;
                    return Lits.ANY;
                }
                case '^', '$' -> {
                    i++;
                    return Lits.EMPTY;
                }
                case ')', '|', '*', '+', '?', '{' -> throw new IllegalArgumentException("unexpected " + c);
                default -> {
                    i++;
                    return chars(Set.of(c));
                }
            }
        }

        /** A small class without negation or nested classes becomes its chars; anything else, no constraint. */
        private Lits charClass() {
            int start = i;
            i++;
            boolean negated = i < p.length() && p.charAt(i) == '^';
            Set<Character> cs = new LinkedHashSet<>();
            boolean simple = !negated;
            boolean first = true;
            while (i < p.length() && (p.charAt(i) != ']' || first)) {
                first = false;
                char c = p.charAt(i);
                if (c == '[' || c == '&') {
                    throw new IllegalArgumentException("nested class at " + start);
                }
                char lo;
                if (c == '\\') {
                    char d = p.charAt(i + 1);
                    i += 2;
                    if (Character.isLetterOrDigit(d)) {
                        if (d == 'n' || d == 't' || d == 'r') {
                            lo = d == 'n' ? '\n' : d == 't' ? '\t' : '\r';
                        } else {
                            simple = false; // \s, \w, \d, \S ...
                            continue;
                        }
                    } else {
                        lo = d;
                    }
                } else {
                    lo = c;
                    i++;
                }
                if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    char hi = p.charAt(i + 1);
                    if (hi == '\\') {
                        throw new IllegalArgumentException("escaped range end");
                    }
                    i += 2;
                    if (hi - lo >= MAX_CLASS) {
                        simple = false;
                        continue;
                    }
                    for (char x = lo; x <= hi; x++) {
                        cs.add(x);
                    }
                } else {
                    cs.add(lo);
                }
            }
            expect(']');
            if (!simple || cs.isEmpty() || cs.size() > MAX_CLASS) {
                return Lits.ANY;
            }
            return chars(cs);
        }

        private void expect(char c) {
            if (i >= p.length() || p.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }
    }
}
