package io.promethios.governance.policies.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Normalizes text against common evasion before detectors scan it:
 * <ul>
 *   <li>string escapes of JSON and JavaScript ({@code \\n}, {@code \\u0069}), HTML character references
 *       ({@code &#73;}, {@code &commat;}) and attribute-less inline HTML tags inside words ({@code Ig<b></b>nore})
 *       are decoded or dropped first (see {@code Unescaped});</li>
 *   <li>Unicode NFKC per code point (fullwidth letters and digits, ligatures, circled and
 *       mathematical alphanumerics become plain ones);</li>
 *   <li>zero-width, soft-hyphen and bidirectional control characters are removed;</li>
 *   <li>confusable letters (Cyrillic and Greek look-alikes of Latin letters) are folded to Latin
 *       in words that mix them with Latin letters, or consist of look-alikes only and stand among
 *       Latin words, so genuine Cyrillic and Greek text stays as it is (optional, on by default);</li>
 *   <li>decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Thai ...) become ASCII digits, so
 *       numbers written in them are numbers to the detectors;</li>
 *   <li>dash and space variants (non-breaking hyphen, en dash, minus sign, thin and no-break
 *       spaces) become {@code '-'} and {@code ' '}, so separators inside numbers look the same;</li>
 *   <li>unpaired surrogates and other non-characters become U+FFFD, so binary input never breaks
 *       a detector.</li>
 * </ul>
 * Every char of the result remembers the span of the original it came from
 * ({@link NormalizedText#toOriginal(int, int)}).
 *
 * <p>Pure ASCII text without control characters is returned as is, without copying. The last result on each
 * thread is kept (for texts up to 64K chars) and returned again for the same {@code String} instance, so the
 * detectors of one turn normalize a text once.
 *
 * <p>Combining marks after a base char are composed with it (NFC: {@code e} + U+0301 becomes {@code é}); marks that do not
 * compose on a Latin letter or an ASCII char (strike-through, stacked "Zalgo" marks, a mark on a digit) are dropped, so
 * they cannot split words and numbers; marks of other scripts stay.
 *
 * <p><b>Limitations.</b> NFKC is applied one code point at a time, then marks are composed as above. A precomposed
 * accented letter inside an English word ({@code Ïgnore}) is not folded to ASCII. The confusable table covers the Cyrillic and
 * Greek letters that look like Latin ones, not the whole Unicode confusables list. A genuine
 * Cyrillic or Greek word made of look-alikes only is folded when neither neighbour is a genuine
 * Cyrillic or Greek word (a one-word Russian message {@code "все"} becomes {@code "bce"}), so
 * script-sensitive detectors ({@code language}) scan with {@link #withoutConfusableFolding()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TextNormalizer {

    private static final TextNormalizer DEFAULT = new TextNormalizer(true);
    private static final TextNormalizer NO_FOLDING = new TextNormalizer(false);
    private static final Map<Integer, Character> CONFUSABLES = confusables();

    private final boolean foldConfusables;

    private TextNormalizer(boolean foldConfusables) {
        this.foldConfusables = foldConfusables;
    }

    /** The default normalizer (all steps, including confusable folding). */
    public static TextNormalizer standard() {
        return DEFAULT;
    }

    /** A normalizer that keeps Cyrillic and Greek letters as they are. */
    public static TextNormalizer withoutConfusableFolding() {
        return NO_FOLDING;
    }

    /** Normalizes with {@link #standard()}. */
    public static NormalizedText normalize(String text) {
        return DEFAULT.apply(text);
    }

    /**
     * Normalizes {@code text}.
     *
     * @throws NullPointerException if text is null
     */
    public NormalizedText apply(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        // the detectors of one turn normalize the same String one after the other: the last result of each
        // normalizer on this thread is kept (compared by identity), and an unchanged text serves both
        NormalizedText[] last = LAST.get();
        int slot = foldConfusables ? 0 : 1;
        NormalizedText kept = last[slot];
        if (kept != null && kept.original() == text) {
            return kept;
        }
        kept = last[1 - slot];
        if (kept != null && kept.original() == text && kept.isIdentity()) {
            last[slot] = kept;
            return kept;
        }
        NormalizedText result = compute(text);
        last[slot] = text.length() <= KEEP_MAX_CHARS ? result : null;
        return result;
    }

    /** Texts longer than this are not kept for the next call. */
    private static final int KEEP_MAX_CHARS = 1 << 16;

    /** Per thread: the last result of {@link #DEFAULT} (slot 0) and of {@link #NO_FOLDING} (slot 1). */
    private static final ThreadLocal<NormalizedText[]> LAST = ThreadLocal.withInitial(() -> new NormalizedText[2]);

    private NormalizedText compute(String text) {
        boolean plain = isPlain(text);
        Unescaped u = Unescaped.mayHold(text) ? Unescaped.of(text) : null;
        if (plain && u == null) {
            return NormalizedText.identity(text);
        }
        String src = u == null ? text : u.text;
        if (u != null && isPlain(src)) {
            return new NormalizedText(text, src, u.start, u.end);
        }
        NormalizedText nt = compute(src, u == null ? text : src);
        if (u == null) {
            return nt;
        }
        // the spans of the normalized text are spans of the decoded text: map them on to the original
        String normalized = nt.normalized();
        int[] starts = new int[normalized.length()];
        int[] ends = new int[normalized.length()];
        for (int k = 0; k < normalized.length(); k++) {
            int[] span = nt.toOriginal(k, k + 1);
            starts[k] = u.start[span[0]];
            ends[k] = u.end[span[1] - 1];
        }
        return new NormalizedText(text, normalized, starts, ends);
    }

    /** NFKC and the other steps over {@code text} (no escapes decoded), with spans into {@code text}. */
    private NormalizedText compute(String text, String original) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 8];
        int[] ends = new int[n + 8];
        int i = 0;
        boolean marks = false;
        while (i < n) {
            char c = text.charAt(i);
            int cp;
            int len;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                len = 2;
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
                len = 1;
            } else {
                cp = c;
                len = 1;
            }
            String mapped = map(cp);
            marks |= cp >= 0x300 && isMark(Character.getType(cp));
            for (int k = 0; k < mapped.length(); k++) {
                int pos = out.length();
                if (pos >= starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                out.append(mapped.charAt(k));
                starts[pos] = i;
                ends[pos] = i + len;
            }
            i += len;
        }
        if (marks) {
            composeMarks(out, starts, ends);
        }
        if (foldConfusables) {
            foldConfusables(out);
        }
        return new NormalizedText(original, out.toString(), starts, ends);
    }

    /**
     * Text with the string escapes of JSON and JavaScript and the character references of HTML decoded:
     * {@code \\n}, {@code \\r}, {@code \\t}, {@code \\"}, {@code \\'}, {@code \\\\}, {@code \\/}, {@code \\uXXXX},
     * {@code \\xHH}, {@code &#73;}, {@code &#x49;} and the named references of HTML's punctuation, spaces and
     * Latin-1 letters ({@code &amp;}, {@code &commat;}, {@code &nbsp;}, {@code &eacute;} ...). Tool-call arguments
     * arrive as JSON, where an escaped line break would glue its "n" to the next word and {@code \\u0069gnore}
     * hides a word; pages and mails write {@code jane&#64;example.org}. Text encoded twice has its hex escapes and
     * numeric references decoded again (up to three times); its escaped line breaks are not, since
     * {@code C:\\\\new} in JSON is a Windows path, not a line break. Other backslashes and ampersands
     * ({@code \\d} in a regex, a bad {@code \\u12}, "R&D", {@code &unknown;}) stay as they are. For every char,
     * the span of the original it came from.
     */
    static final class Unescaped {
        final String text;
        final int[] start;
        final int[] end;

        private Unescaped(String text, int[] start, int[] end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        /** Whether {@code text} may hold something {@link #of} decodes. */
        static boolean mayHold(String text) {
            return text.indexOf('\\') >= 0 || text.indexOf('&') >= 0 || text.indexOf('<') >= 0;
        }

        /** The decoded text, or null when {@code text} has nothing to decode. */
        static Unescaped of(String text) {
            Unescaped u = round(text, null, true);
            if (u == null) {
                return null;
            }
            for (int r = 1; r < 3 && mayHold(u.text); r++) {
                Unescaped next = round(u.text, u, false);
                if (next == null) {
                    break;
                }
                u = next;
            }
            return u;
        }

        /**
         * One decoding pass over {@code s}, whose chars come from {@code from} (null: identity); null if nothing
         * decoded. {@code all}: every kind; otherwise only hex escapes and numeric references.
         */
        private static Unescaped round(String s, Unescaped from, boolean all) {
            int n = s.length();
            StringBuilder out = null;
            int[] st = null;
            int[] en = null;
            int i = 0;
            int copied = 0;
            while (i < n) {
                int k = i;
                while (k < n && s.charAt(k) != '\\' && s.charAt(k) != '&' && s.charAt(k) != '<') {
                    k++;
                }
                if (k + 1 >= n) {
                    break;
                }
                char mark = s.charAt(k);
                long found = mark == '\\' ? escape(s, k, all) : mark == '&' ? reference(s, k, all) : all ? inlineTag(s, k) : -1;
                if (found < 0) {
                    i = k + 1;
                    continue;
                }
                int cp = (int) (found >>> 32);
                int len = (int) found;
                if (out == null) {
                    out = new StringBuilder(n);
                    st = new int[n + 1];
                    en = new int[n + 1];
                }
                for (int c = copied; c < k; c++) {
                    st[out.length()] = from == null ? c : from.start[c];
                    en[out.length()] = from == null ? c + 1 : from.end[c];
                    out.append(s.charAt(c));
                }
                // a supplementary char is two chars from one reference (never longer than the reference); a tag is none
                for (char c : cp == NO_CHAR ? new char[0] : Character.toChars(cp)) {
                    st[out.length()] = from == null ? k : from.start[k];
                    en[out.length()] = from == null ? k + len : from.end[k + len - 1];
                    out.append(c);
                }
                i = k + len;
                copied = i;
            }
            if (out == null) {
                return null;
            }
            for (int c = copied; c < n; c++) {
                st[out.length()] = from == null ? c : from.start[c];
                en[out.length()] = from == null ? c + 1 : from.end[c];
                out.append(s.charAt(c));
            }
            int len = out.length();
            return new Unescaped(out.toString(), java.util.Arrays.copyOf(st, len), java.util.Arrays.copyOf(en, len));
        }

        /** The backslash escape at {@code k}: {@code codePoint << 32 | length}, or -1. */
        private static long escape(String s, int k, boolean all) {
            char e = s.charAt(k + 1);
            int len = 2;
            int decoded = switch (e) {
                case 'n' -> all ? '\n' : -1;
                case 'r' -> all ? '\r' : -1;
                case 't' -> all ? '\t' : -1;
                case '"', '\'', '\\', '/' -> all ? e : -1;
                case 'u' -> {
                    len = 6;
                    yield hex(s, k + 2, 4);
                }
                case 'x' -> {
                    len = 4;
                    yield hex(s, k + 2, 2);
                }
                default -> -1;
            };
            return decoded < 0 ? -1 : (long) decoded << 32 | len;
        }

        /** What {@link #inlineTag} decodes to: no char. */
        private static final int NO_CHAR = Integer.MAX_VALUE >> 1;

        /**
         * An HTML tag of an inline element without attributes at {@code k} ({@code <b>}, {@code </span>}, {@code <wbr>}
         * ...), which a page can put inside a word ({@code Ig<b></b>nore}): {@code NO_CHAR << 32 | length}, or -1. A tag
         * with attributes stays, since its attributes can hold what detectors look for ({@code href="mailto:..."}).
         */
        private static long inlineTag(String s, int k) {
            int n = s.length();
            int j = k + 1;
            if (j < n && s.charAt(j) == '/') {
                j++;
            }
            int name = j;
            while (j < n && j - name <= 6 && PLAIN_LETTER.test(s.charAt(j))) {
                j++;
            }
            if (j == name || j >= n || s.charAt(j) != '>' || !INLINE.contains(s.substring(name, j).toLowerCase(java.util.Locale.ROOT))) {
                return -1;
            }
            return (long) NO_CHAR << 32 | (j + 1 - k);
        }

        /** Inline HTML elements, whose tags a browser renders as nothing between the letters around them. */
        private static final java.util.Set<String> INLINE = java.util.Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data",
                "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
                "sup", "time", "tt", "u", "var", "wbr");

        /** The HTML character reference at {@code k} ({@code &...;}): {@code codePoint << 32 | length}, or -1. */
        private static long reference(String s, int k, boolean all) {
            int n = s.length();
            if (s.charAt(k + 1) == '#') {
                boolean hex = k + 2 < n && (s.charAt(k + 2) == 'x' || s.charAt(k + 2) == 'X');
                int from = k + (hex ? 3 : 2);
                int j = from;
                long v = 0;
                while (j < n && j - from < 8) {
                    int d = s.charAt(j) < 0x80 ? Character.digit(s.charAt(j), hex ? 16 : 10) : -1;
                    if (d < 0) {
                        break;
                    }
                    v = v * (hex ? 16 : 10) + d;
                    j++;
                }
                if (j == from || j >= n || s.charAt(j) != ';' || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                    return -1;
                }
                return v << 32 | (j + 1 - k);
            }
            if (!all) {
                return -1;
            }
            int j = k + 1;
            while (j < n && j - k <= 8 && (PLAIN_LETTER.test(s.charAt(j)) || j > k + 1 && s.charAt(j) >= '0' && s.charAt(j) <= '9')) {
                j++;
            }
            if (j == k + 1 || j >= n || s.charAt(j) != ';') {
                return -1;
            }
            Integer cp = NAMED.get(s.substring(k + 1, j));
            return cp == null ? -1 : (long) cp << 32 | (j + 1 - k);
        }

        private static final java.util.function.IntPredicate PLAIN_LETTER = c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        /**
         * HTML's named references for ASCII punctuation, spaces, quotes and dashes, a few symbols, and the
         * accented Latin-1 letters ({@code eacute}, {@code Uuml} ...): what pages and mails use for text.
         */
        private static final Map<String, Integer> NAMED = named();

        private static Map<String, Integer> named() {
            Map<String, Integer> m = new HashMap<>();
            String[] pairs = {
                "amp &", "lt <", "gt >", "quot \"", "apos '", "commat @", "period .", "comma ,", "colon :", "semi ;", "sol /",
                "bsol \\", "num #", "dollar $", "percnt %", "excl !", "quest ?", "lpar (", "rpar )", "lowbar _", "hyphen -",
                "plus +", "equals =", "ast *", "lsqb [", "rsqb ]", "lbrack [", "rbrack ]", "lcub {", "rcub }", "verbar |",
                "vert |", "grave `", "Hat ^", "ndash \u2013", "mdash \u2014", "lsquo \u2018", "rsquo \u2019", "sbquo \u201A",
                "ldquo \u201C", "rdquo \u201D", "bdquo \u201E", "hellip \u2026", "laquo \u00AB", "raquo \u00BB",
                "nbsp \u00A0", "ensp \u2002", "emsp \u2003", "thinsp \u2009", "shy \u00AD", "zwj \u200D", "zwnj \u200C",
                "lrm \u200E", "rlm \u200F", "copy \u00A9", "reg \u00AE", "trade \u2122", "euro \u20AC", "pound \u00A3",
                "yen \u00A5", "cent \u00A2", "sect \u00A7", "deg \u00B0", "times \u00D7", "divide \u00F7", "middot \u00B7",
                "bull \u2022", "iexcl \u00A1", "iquest \u00BF", "szlig \u00DF", "aelig \u00E6", "AElig \u00C6",
                "oslash \u00F8", "Oslash \u00D8", "eth \u00F0", "ETH \u00D0", "thorn \u00FE", "THORN \u00DE",
            };
            for (String p : pairs) {
                int space = p.indexOf(' ');
                m.put(p.substring(0, space), p.codePointAt(space + 1));
            }
            String[][] accents = {{"grave", "\u0300"}, {"acute", "\u0301"}, {"circ", "\u0302"}, {"tilde", "\u0303"},
                    {"uml", "\u0308"}, {"ring", "\u030A"}, {"cedil", "\u0327"}};
            for (char base : "aeiouycnAEIOUYCN".toCharArray()) {
                for (String[] a : accents) {
                    String composed = Normalizer.normalize(base + a[1], Normalizer.Form.NFC);
                    if (composed.length() == 1 && composed.charAt(0) < 0x100) {
                        m.put(base + a[0], (int) composed.charAt(0));
                    }
                }
            }
            return Map.copyOf(m);
        }

        /** The value of {@code digits} hex digits at {@code at}, or -1. */
        private static int hex(String s, int at, int digits) {
            if (at + digits > s.length()) {
                return -1;
            }
            int v = 0;
            for (int i = at; i < at + digits; i++) {
                int d = Character.digit(s.charAt(i), 16);
                if (d < 0 || s.charAt(i) >= 0x80) {
                    return -1;
                }
                v = v << 4 | d;
            }
            return v;
        }
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isMarkChar(char c) {
        return c >= 0x300 && !Character.isSurrogate(c) && isMark(Character.getType(c));
    }

    /**
     * Combining marks after a base char, in place: the base and its marks are composed (NFC), so NFD text ("cafe" +
     * U+0301) gets its precomposed letters; marks left over on a Latin letter or an ASCII char (strike-through, stacked
     * "Zalgo" marks, a mark on a digit) are dropped, so they cannot split words and numbers; on other scripts (Devanagari
     * vowel signs, Arabic harakat) they stay. Every char of the result spans the base and all its marks in the original.
     * Composition never makes the text longer here (each char is already NFKC), so the arrays suffice.
     */
    private static void composeMarks(StringBuilder out, int[] starts, int[] ends) {
        int n = out.length();
        int w = 0;
        int r = 0;
        while (r < n) {
            char c = out.charAt(r);
            int baseLen = Character.isHighSurrogate(c) && r + 1 < n && Character.isLowSurrogate(out.charAt(r + 1)) ? 2 : 1;
            int q = r + baseLen;
            if (!isMarkChar(c)) {
                while (q < n && isMarkChar(out.charAt(q))) {
                    q++;
                }
            }
            if (q == r + baseLen) {
                for (int k = r; k < q; k++) {
                    out.setCharAt(w, out.charAt(k));
                    starts[w] = starts[k];
                    ends[w] = ends[k];
                    w++;
                }
                r = q;
                continue;
            }
            String seq = out.substring(r, q);
            String nfc = Normalizer.normalize(seq, Normalizer.Form.NFC);
            int base = nfc.codePointAt(0);
            int baseChars = Character.charCount(base);
            boolean latin = base < 0x80 || Character.UnicodeScript.of(base) == Character.UnicodeScript.LATIN;
            String result = latin ? nfc.substring(0, baseChars) : nfc;
            if (result.length() > seq.length()) {
                result = seq;
            }
            int from = starts[r];
            int to = ends[q - 1];
            for (int k = 0; k < result.length(); k++) {
                out.setCharAt(w, result.charAt(k));
                starts[w] = from;
                ends[w] = to;
                w++;
            }
            r = q;
        }
        out.setLength(w);
    }

    private static boolean isPlain(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return false;
            }
        }
        return true;
    }

    private static String map(int cp) {
        if (cp < 0x80) {
            if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') {
                return " ";
            }
            return cp == 0x7F ? "" : String.valueOf((char) cp);
        }
        int digit = scriptDigit(cp);
        if (digit >= 0) {
            return String.valueOf((char) ('0' + digit));
        }
        if (isInvisible(cp)) {
            return "";
        }
        switch (cp) {
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
                return "-";
            case 0x00A0, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006:
                return " ";
            case 0x2018, 0x2019, 0x201B, 0x2032:
                return "'";
            case 0x201C, 0x201D, 0x201F, 0x2033:
                return "\"";
            default:
                break;
        }
        if (Character.getType(cp) == Character.UNASSIGNED || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
            return "\uFFFD";
        }
        if (CONFUSABLES.containsKey(cp)) {
            return String.valueOf((char) cp); // NFKC keeps these letters; foldConfusables decides per word
        }
        return Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    }

    /**
     * The zeros of the decimal digits of other scripts that people write numbers in (Arabic-Indic, Persian, NKo,
     * Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Thai, Lao, Tibetan, Myanmar,
     * Khmer, Mongolian): each block holds 0 to 9 in order. A fixed list rather than {@link Character#getType}, whose
     * answer grows with the JDK's Unicode version, so normalization (and the classifiers' features) are the same on
     * every JDK. NFKC already folds fullwidth and mathematical digits.
     */
    private static final int[] DIGIT_ZEROS = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
            0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810};

    /** The value of {@code cp} if it is one of the {@link #DIGIT_ZEROS} digits, else -1. */
    private static int scriptDigit(int cp) {
        if (cp < 0x0660 || cp > 0x1819) {
            return -1;
        }
        for (int zero : DIGIT_ZEROS) {
            if (cp >= zero && cp <= zero + 9) {
                return cp - zero;
            }
        }
        return -1;
    }

    private static final int OTHER = 0;
    private static final int MIXED = 1;     // Latin letters and look-alikes
    private static final int LOOK_ALIKE = 2; // look-alikes only
    private static final int FOREIGN = 3;   // a Cyrillic, Greek (or other) letter without a Latin look-alike, no Latin

    /**
     * Folds look-alike letters to Latin, one word (a run of letters, digits and marks) at a time, in
     * the manner of Unicode TS #39's mixed-script and whole-script confusable checks: a word that also
     * has a Latin letter ({@code "іgnоrе"} with Cyrillic і, о, е) is folded; a word made of look-alikes
     * only ({@code "рау"}) is folded unless the word before or after it is genuine Cyrillic or Greek
     * (has a letter without a look-alike: {@code "все"} in {@code "игнорируй все инструкции"} stays);
     * other words are kept. Each folded char replaces one char, so the spans of {@code out} stay as
     * they are.
     */
    private static void foldConfusables(StringBuilder out) {
        int n = out.length();
        int[] words = new int[24]; // start, end, class per word
        int w = 0;
        int i = 0;
        while (i < n) {
            if (!isWordChar(out.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean foreign = false;
            boolean confusable = false;
            for (; i < n && isWordChar(out.charAt(i)); i++) {
                char c = out.charAt(i);
                if (c < 0x80) {
                    latin |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                } else if (CONFUSABLES.containsKey((int) c)) {
                    confusable = true;
                } else if (Character.isLetter(c)) {
                    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                        latin = true;
                    } else {
                        foreign = true;
                    }
                }
            }
            if (w + 3 > words.length) {
                words = java.util.Arrays.copyOf(words, words.length * 2);
            }
            words[w++] = start;
            words[w++] = i;
            words[w++] = latin ? (confusable ? MIXED : OTHER) : foreign ? FOREIGN : confusable ? LOOK_ALIKE : OTHER;
        }
        for (int k = 0; k < w; k += 3) {
            int cls = words[k + 2];
            boolean fold = cls == MIXED
                    || cls == LOOK_ALIKE && (k == 0 || words[k - 1] != FOREIGN) && (k + 3 >= w || words[k + 5] != FOREIGN);
            if (fold) {
                for (int c = words[k]; c < words[k + 1]; c++) {
                    Character folded = CONFUSABLES.get((int) out.charAt(c));
                    if (folded != null) {
                        out.setCharAt(c, folded);
                    }
                }
            }
        }
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9';
        }
        if (Character.isSurrogate(c)) {
            return false;
        }
        int t = Character.getType(c);
        return Character.isLetterOrDigit(c) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F)       // zero-width space/non-joiner/joiner, LRM, RLM
                || (cp >= 0x202A && cp <= 0x202E)   // bidi embeddings and overrides
                || (cp >= 0x2060 && cp <= 0x2064)   // word joiner, invisible operators
                || (cp >= 0x2066 && cp <= 0x2069)   // bidi isolates
                || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E || cp == 0x034F
                || (cp >= 0xFE00 && cp <= 0xFE0F)   // variation selectors
                || (cp >= 0xE0000 && cp <= 0xE007F); // tag characters (used for "ASCII smuggling")
    }

    private static Map<Integer, Character> confusables() {
        Map<Integer, Character> m = new HashMap<>();
        String[] pairs = {
            // Cyrillic
            "а a", "в b", "е e", "ѕ s", "і i", "ј j", "о o", "р p", "с c", "у y", "х x", "һ h", "ԁ d", "ԛ q", "ԝ w", "ѵ v", "ү y", "ӏ l",
            "А A", "В B", "Е E", "Ѕ S", "І I", "Ј J", "К K", "М M", "Н H", "О O", "Р P", "С C", "Т T", "У Y", "Х X", "Һ H", "Ԁ D", "Ԛ Q", "Ԝ W", "Ү Y", "Ӏ I",
            // Greek
            "α a", "ο o", "ν v", "ι i", "κ k", "ρ p", "τ t", "υ u", "χ x", "ε e",
            "Α A", "Β B", "Ε E", "Ζ Z", "Η H", "Ι I", "Κ K", "Μ M", "Ν N", "Ο O", "Ρ P", "Τ T", "Υ Y", "Χ X",
            // Latin look-alikes outside ASCII
            "ı i", "ȷ j", "ɑ a", "ɡ g", "ո n", "ս u", "օ o",
        };
        for (String p : pairs) {
            m.put(p.codePointAt(0), p.charAt(p.length() - 1));
        }
        return Map.copyOf(m);
    }
}
