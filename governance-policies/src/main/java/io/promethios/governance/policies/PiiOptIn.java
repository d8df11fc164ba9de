package io.promethios.governance.policies;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scanners for the opt-in entity types of {@link PiiDetector}: {@code DOMAIN_NAME},
 * {@code DATE_TIME}, {@code ZIP_CODE} and {@code AGE}. Like the default types they walk the
 * normalized text without regular expressions; every start position reads a bounded number of
 * chars and the walks never step back, so each scan is linear in the text.
 *
 * <p>They add spans {@code {start, end, entityOrdinal, confidence*100}} in normalized offsets, as
 * {@link PiiDetector} does for the default types.
 */
final class PiiOptIn {

    private PiiOptIn() {
    }

    // ---------------------------------------------------------------- DOMAIN_NAME

    /**
     * Top-level domains a host name must end in. Compiled by hand from the IANA root zone database
     * (https://www.iana.org/domains/root/db): the two-letter country-code TLDs that are delegated and
     * open for use (ISO 3166-1 codes plus {@code ac}, {@code eu}, {@code su}, {@code uk}; the unused
     * {@code bv}, {@code gb}, {@code sj} left out), the original and sponsored generic TLDs, and a
     * short list of widely registered new generic TLDs. {@code zip} and {@code mov} are left out on
     * purpose: they are far more often file extensions than hosts.
     */
    static final Set<String> TLDS = Set.of((
            "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz "
            + "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu "
            + "fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu "
            + "id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly "
            + "ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz "
            + "om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st "
            + "su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu "
            + "wf ws ye yt za zm zw "
            + "com net org edu gov mil int info biz name pro aero asia cat coop jobs mobi museum post tel travel xxx "
            + "xyz top online site shop store tech app dev club vip live blog cloud space website fun life world today "
            + "news agency page art design digital network solutions studio link click work ltd group company media global")
            .split(" "));

    /**
     * TLDs that are also common file extensions ({@code setup.py}, {@code README.md}, {@code run.sh},
     * {@code main.rs}, {@code Makefile.am}, {@code Safari.app}...): a bare host ending in one of them is only reported
     * when it starts with {@code www.} or follows a URL scheme.
     */
    static final Set<String> FILE_EXTENSION_TLDS = Set.of("am", "app", "cc", "la", "md", "mk", "ml", "mo", "pl", "pm", "ps", "py", "rs", "sh", "so", "tf");

    static void domains(String s, List<int[]> spans) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!PiiDetector.isAsciiAlnum(c) || i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || "-._".indexOf(s.charAt(i - 1)) >= 0)) {
                i++;
                continue;
            }
            int j = i;
            int dots = 0;
            while (j < n && (PiiDetector.isAsciiAlnum(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == '.')) {
                dots += s.charAt(j) == '.' ? 1 : 0;
                j++;
            }
            int end = j;
            while (end > i && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
                dots -= s.charAt(end - 1) == '.' ? 1 : 0;
                end--;
            }
            boolean glued = end == j && j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '@');
            if (!glued && end - i >= 4 && dots > 0) {
                int conf = hostConfidence(s, i, end);
                if (conf > 0) {
                    spans.add(new int[] {i, end, PiiDetector.Entity.DOMAIN_NAME.ordinal(), conf});
                }
            }
            i = j;
        }
    }

    /** 0 when {@code s[start, end)} is not a host name worth reporting, else the confidence in percent. */
    private static int hostConfidence(String s, int start, int end) {
        if (end - start > 253) {
            return 0;
        }
        int labelStart = start;
        int labels = 0;
        for (int k = start; k <= end; k++) {
            if (k == end || s.charAt(k) == '.') {
                int len = k - labelStart;
                if (len < 1 || len > 63 || s.charAt(labelStart) == '-' || s.charAt(k - 1) == '-') {
                    return 0;
                }
                labels++;
                if (k < end) {
                    labelStart = k + 1;
                }
            }
        }
        String tld = s.substring(labelStart, end).toLowerCase(Locale.ROOT);
        if (labels < 2 || !TLDS.contains(tld)) {
            return 0;
        }
        char prev = start > 0 ? s.charAt(start - 1) : ' ';
        if (prev == '@') {
            return 0; // the domain of an e-mail address (or URL user-info): part of that span
        }
        if (start >= 3 && s.startsWith("://", start - 3)) {
            return 90;
        }
        if (prev == '/' || prev == '\\' || end < s.length() && s.charAt(end) == '(') {
            return 0; // a path segment or a method call
        }
        if (s.regionMatches(true, start, "www.", 0, 4)) {
            return 85;
        }
        if (Character.isUpperCase(s.charAt(labelStart)) && end - labelStart > 1 && Character.isLowerCase(s.charAt(labelStart + 1))) {
            return 0; // "in Paris.It was": a sentence glued to the last one, not a ".it" host
        }
        return FILE_EXTENSION_TLDS.contains(tld) ? 0 : 70;
    }

    // ---------------------------------------------------------------- DATE_TIME

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /** Weekday abbreviations: words of their own ("sun", "sat", "wed"), so only reported in front of a date. */
    private static final Set<String> WEEKDAY_ABBREVIATIONS = Set.of("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

    static void dates(String s, List<int[]> spans) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean wordStart = PiiDetector.isAsciiAlnum(c) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
            if (!wordStart) {
                i++;
                continue;
            }
            int end;
            int conf;
            if (PiiDetector.isDigit(c)) {
                char prev = i > 0 ? s.charAt(i - 1) : ' ';
                boolean inNumber = "./-:,".indexOf(prev) >= 0 && i > 1 && PiiDetector.isDigit(s.charAt(i - 2)) || prev == '+' || prev == '_';
                end = inNumber ? -1 : numericDate(s, i);
                conf = 90;
                if (end < 0 && !inNumber) {
                    end = dayMonth(s, i);
                }
                if (end < 0 && !inNumber) {
                    end = time(s, i);
                    conf = 80;
                } else if (end >= 0) {
                    end = withTime(s, end);
                }
            } else {
                int w = wordEnd(s, i);
                String word = w - i >= 3 && w - i <= 9 ? s.substring(i, w).toLowerCase(Locale.ROOT) : "";
                end = monthFirst(s, i, w, word);
                conf = 90;
                if (end >= 0) {
                    end = withTime(s, end);
                } else if (WEEKDAYS.contains(word) || WEEKDAY_ABBREVIATIONS.contains(word)) {
                    end = weekday(s, w, WEEKDAYS.contains(word));
                    conf = 75;
                }
                if (end < 0) {
                    i = w;
                    continue;
                }
            }
            if (end < 0) {
                i = skipWord(s, i);
                continue;
            }
            spans.add(new int[] {i, end, PiiDetector.Entity.DATE_TIME.ordinal(), conf});
            i = end;
        }
    }

    /** After a weekday name ending at {@code w}: ", 3 March 2021" and the like join it; a full name stands alone. */
    private static int weekday(String s, int w, boolean fullName) {
        int p = w;
        if (p < s.length() && s.charAt(p) == '.' && !fullName) {
            p++;
        }
        int q = p < s.length() && s.charAt(p) == ',' ? p + 1 : p;
        if (q < s.length() && s.charAt(q) == ' ' && q + 1 < s.length()) {
            int d = q + 1;
            int e = -1;
            if (PiiDetector.isDigit(s.charAt(d))) {
                e = numericDate(s, d);
                if (e < 0) {
                    e = dayMonth(s, d);
                }
            } else if (PiiDetector.isAsciiLetter(s.charAt(d))) {
                int we = wordEnd(s, d);
                e = monthFirst(s, d, we, s.substring(d, we).toLowerCase(Locale.ROOT));
            }
            if (e >= 0) {
                return withTime(s, e);
            }
        }
        return fullName && boundary(s, w) ? w : -1;
    }

    /** ISO {@code 2021-03-04} (also {@code /} and {@code .}), {@code d/m/y} and {@code m/d/y} with a valid day and month. */
    static int numericDate(String s, int i) {
        int a = digits(s, i, 4);
        int la = a - i;
        if (la < 1 || a >= s.length()) {
            return -1;
        }
        char sep = s.charAt(a);
        if (sep != '-' && sep != '/' && sep != '.') {
            return -1;
        }
        int b = digits(s, a + 1, 2);
        if (b < 0 || b >= s.length() || s.charAt(b) != sep) {
            return -1;
        }
        int c = digits(s, b + 1, 4);
        if (c < 0) {
            return -1;
        }
        int lc = c - b - 1;
        int x = num(s, i, a);
        int y = num(s, a + 1, b);
        int z = num(s, b + 1, c);
        if (c < s.length() && (PiiDetector.isAsciiAlnum(s.charAt(c)) && s.charAt(c) != 'T'
                || "-/.:".indexOf(s.charAt(c)) >= 0 && c + 1 < s.length() && PiiDetector.isDigit(s.charAt(c + 1)))) {
            return -1; // part of a longer number, version or identifier
        }
        if (la == 4) {
            return lc <= 2 && year(x) && validDay(x, y, z) ? c : -1;
        }
        if (la > 2 || !(lc == 4 && year(z) || lc == 2 && sep == '/')) {
            return -1;
        }
        int yr = lc == 4 ? z : 2000;
        return validDay(yr, x, y) || validDay(yr, y, x) ? c : -1;
    }

    /** {@code 3 March 2021}, {@code 3rd of March}, {@code 3 Mar. 2021}: without a year the month must be capitalized. */
    private static int dayMonth(String s, int i) {
        int d = digits(s, i, 2);
        if (d < 0) {
            return -1;
        }
        int day = num(s, i, d);
        int p = ordinal(s, d);
        if (p + 1 >= s.length() || s.charAt(p) != ' ') {
            return -1;
        }
        p++;
        if (s.regionMatches(true, p, "of ", 0, 3)) {
            p += 3;
        }
        if (p >= s.length() || !PiiDetector.isAsciiLetter(s.charAt(p))) {
            return -1;
        }
        int w = wordEnd(s, p);
        Integer month = MONTHS.get(s.substring(p, w).toLowerCase(Locale.ROOT));
        if (month == null || !validDay(2000, month, day) || !mayIsCapitalized(s, p, w)) {
            return -1;
        }
        int e = w < s.length() && s.charAt(w) == '.' && w - p <= 4 ? w + 1 : w;
        int y = yearAfter(s, e);
        if (y >= 0) {
            return y;
        }
        return Character.isUpperCase(s.charAt(p)) && boundary(s, w) ? e : -1;
    }

    /** {@code March 3, 2021}, {@code Mar. 3rd}, {@code March 2021}: without a year the month must be capitalized. */
    private static int monthFirst(String s, int i, int w, String word) {
        Integer month = MONTHS.get(word);
        if (month == null || !mayIsCapitalized(s, i, w)) {
            return -1;
        }
        int p = w < s.length() && s.charAt(w) == '.' && w - i <= 4 ? w + 1 : w;
        if (p + 1 >= s.length() || s.charAt(p) != ' ' || !PiiDetector.isDigit(s.charAt(p + 1))) {
            return -1;
        }
        int d = digits(s, p + 1, 4);
        if (d < 0) {
            return -1;
        }
        if (d - p - 1 == 4) {
            int yr = num(s, p + 1, d);
            return year(yr) && boundary(s, d) ? d : -1;
        }
        int day = num(s, p + 1, d);
        int e = ordinal(s, d);
        if (!validDay(2000, month, day) || !boundary(s, e)) {
            return -1;
        }
        int y = yearAfter(s, e);
        if (y >= 0) {
            return y;
        }
        return Character.isUpperCase(s.charAt(i)) ? e : -1;
    }

    /** "may" is a verb far more often than a month: only "May" counts. */
    private static boolean mayIsCapitalized(String s, int start, int end) {
        return end - start != 3 || !s.regionMatches(true, start, "may", 0, 3) || Character.isUpperCase(s.charAt(start));
    }

    /** A year right after a date part: {@code ", 2021"} or {@code " 2021"}; the end, or -1. */
    private static int yearAfter(String s, int p) {
        int q = p < s.length() && s.charAt(p) == ',' ? p + 1 : p;
        if (q + 1 >= s.length() || s.charAt(q) != ' ' || !PiiDetector.isDigit(s.charAt(q + 1))) {
            return -1;
        }
        int y = digits(s, q + 1, 4);
        return y - q - 1 == 4 && year(num(s, q + 1, y)) && boundary(s, y) ? y : -1;
    }

    /** A date at {@code end} followed by {@code T}, a space, {@code ", "}, {@code " at "} and a time: the end of the time, else {@code end}. */
    private static int withTime(String s, int end) {
        for (String sep : new String[] {"T", " ", ", ", " at ", " @ "}) {
            if (s.startsWith(sep, end) && end + sep.length() < s.length() && PiiDetector.isDigit(s.charAt(end + sep.length()))) {
                int t = time(s, end + sep.length());
                if (t >= 0) {
                    return t;
                }
            }
        }
        return end;
    }

    /** {@code 14:30}, {@code 14:30:05.123}, {@code 2:30 pm}, {@code 2pm}, {@code 11 a.m.}; the end, or -1. */
    static int time(String s, int i) {
        int h = digits(s, i, 2);
        if (h < 0) {
            return -1;
        }
        int hour = num(s, i, h);
        int p = h;
        boolean colon = false;
        if (p + 2 < s.length() && s.charAt(p) == ':' && PiiDetector.isDigit(s.charAt(p + 1)) && PiiDetector.isDigit(s.charAt(p + 2))) {
            if (num(s, p + 1, p + 3) > 59) {
                return -1;
            }
            p += 3;
            colon = true;
            if (p + 2 < s.length() && s.charAt(p) == ':' && PiiDetector.isDigit(s.charAt(p + 1)) && PiiDetector.isDigit(s.charAt(p + 2))) {
                if (num(s, p + 1, p + 3) > 60) {
                    return -1;
                }
                p += 3;
                if (p + 1 < s.length() && s.charAt(p) == '.' && PiiDetector.isDigit(s.charAt(p + 1))) {
                    p = digits(s, p + 1, 9);
                    if (p < 0) {
                        return -1;
                    }
                }
            }
        }
        int m = meridiem(s, p);
        if (m >= 0) {
            return hour >= 1 && hour <= 12 ? m : -1;
        }
        if (!colon || hour > 23) {
            return -1;
        }
        if (p < s.length() && (PiiDetector.isAsciiAlnum(s.charAt(p)) && s.charAt(p) != 'Z'
                || (s.charAt(p) == ':' || s.charAt(p) == '.') && p + 1 < s.length() && PiiDetector.isDigit(s.charAt(p + 1)))) {
            return -1; // 12:34:56:78, 1:23.4 are not times
        }
        return p < s.length() && s.charAt(p) == 'Z' && boundary(s, p + 1) ? p + 1 : p;
    }

    /** {@code am}, {@code pm}, {@code a.m.}, {@code p.m.} at {@code p} (one space allowed before): the end, or -1. */
    private static int meridiem(String s, int p) {
        int q = p < s.length() && s.charAt(p) == ' ' ? p + 1 : p;
        if (q + 1 >= s.length()) {
            return -1;
        }
        char a = Character.toLowerCase(s.charAt(q));
        if (a != 'a' && a != 'p') {
            return -1;
        }
        if (Character.toLowerCase(s.charAt(q + 1)) == 'm' && boundary(s, q + 2)) {
            return q + 2;
        }
        if (s.charAt(q + 1) == '.' && q + 3 < s.length() && Character.toLowerCase(s.charAt(q + 2)) == 'm' && s.charAt(q + 3) == '.') {
            return q + 4;
        }
        return -1;
    }

    private static boolean year(int y) {
        return y >= 1000 && y <= 2999;
    }

    static boolean validDay(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int max = switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= max;
    }

    // ---------------------------------------------------------------- ZIP_CODE

    private static final String[] ZIP_CUES = {"zip", "postal code", "postcode", "post code"};

    /**
     * Postal codes only after a cue word: {@code ZIP}, {@code zip code}, {@code postal code}, {@code postcode},
     * optionally followed by {@code :}, {@code #}, {@code is}. Not after a US state abbreviation
     * ({@code Dallas, TX 75201}): an address detector's job (presidio labels that ZIP as part of the address).
     */
    static void zipCodes(String s, List<int[]> spans) {
        int n = s.length();
        for (int at = 0; at < n; at++) {
            char c = Character.toLowerCase(s.charAt(at));
            if (c != 'z' && c != 'p' || at > 0 && Character.isLetterOrDigit(s.charAt(at - 1))) {
                continue;
            }
            int from = -1;
            for (String cue : ZIP_CUES) {
                if (at(s, at, cue)) {
                    from = at + cue.length();
                    break;
                }
            }
            if (from < 0) {
                continue;
            }
            int p = from;
            if (at(s, at, "zip")) {
                p = at(s, p, "code") ? p + 4 : at(s, p, " code") || at(s, p, "-code") ? p + 5 : p;
            }
            for (int k = 0; k < 4 && p < n; k++) {
                int q = p;
                while (q < n && q - p < 3 && " :#=-".indexOf(s.charAt(q)) >= 0) {
                    q++;
                }
                q = at(s, q, "is ") ? q + 3 : at(s, q, "was ") ? q + 4 : q;
                if (q == p) {
                    break;
                }
                p = q;
            }
            if (p == from || p >= n || !PiiDetector.isAsciiAlnum(s.charAt(p))) {
                continue;
            }
            int e = postcode(s, p);
            if (e >= 0) {
                spans.add(new int[] {p, e, PiiDetector.Entity.ZIP_CODE.ordinal(), 85});
                at = e - 1;
            }
        }
    }

    /**
     * A postal code at {@code p}: 3–6 digits, optionally {@code -} and 2–4 digits ({@code 12345-6789},
     * {@code 3610-114}, {@code 53-320}) or a space and 2 digits after 3 ({@code 340 12}); {@code 1234 AB}
     * (NL); UK {@code SW1A 1AA}; Canada {@code K1A 0B1}. The end, or -1.
     */
    static int postcode(String s, int p) {
        int n = s.length();
        int d = digits(s, p, 6);
        if (d - p >= 3) {
            int e = d;
            if (d + 2 < n && s.charAt(d) == '-' && PiiDetector.isDigit(s.charAt(d + 1))) {
                int g = digits(s, d + 1, 4);
                if (g - d - 1 >= 2) {
                    e = g;
                }
            } else if (d - p == 3 && d + 3 <= n && s.charAt(d) == ' ' && digits(s, d + 1, 2) == d + 3) {
                e = d + 3;
            } else if (d - p == 4 && d + 3 <= n && s.charAt(d) == ' ' && upper(s.charAt(d + 1)) && upper(s.charAt(d + 2)) && boundary(s, d + 3)) {
                e = d + 3;
            }
            return boundary(s, e) ? e : -1;
        }
        if (d >= 0 || !PiiDetector.isAsciiLetter(s.charAt(p))) {
            return -1;
        }
        // UK: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA; Canada: A9A 9A9 (the space optional)
        int q = p;
        while (q < n && q - p < 4 && PiiDetector.isAsciiAlnum(s.charAt(q))) {
            q++;
        }
        int r = q < n && s.charAt(q) == ' ' ? q + 1 : q;
        if (r + 3 > n || !boundary(s, r + 3) || r == q && q - p < 3) {
            return -1;
        }
        String out = s.substring(p, q).toUpperCase(Locale.ROOT);
        String in = s.substring(r, r + 3).toUpperCase(Locale.ROOT);
        int letters = 0;
        while (letters < out.length() && PiiDetector.isAsciiLetter(out.charAt(letters))) {
            letters++;
        }
        boolean uk = letters >= 1 && letters <= 2 && out.length() > letters && PiiDetector.isDigit(out.charAt(letters))
                && (out.length() == letters + 1 || out.length() == letters + 2)
                && PiiDetector.isDigit(in.charAt(0)) && PiiDetector.isAsciiLetter(in.charAt(1)) && PiiDetector.isAsciiLetter(in.charAt(2));
        boolean ca = out.length() == 3 && PiiDetector.isAsciiLetter(out.charAt(0)) && PiiDetector.isDigit(out.charAt(1))
                && PiiDetector.isAsciiLetter(out.charAt(2))
                && PiiDetector.isDigit(in.charAt(0)) && PiiDetector.isAsciiLetter(in.charAt(1)) && PiiDetector.isDigit(in.charAt(2));
        return uk || ca ? r + 3 : -1;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    // ---------------------------------------------------------------- AGE

    /**
     * Ages only with context: {@code 38 years old}, {@code 38-year-old}, {@code 38 y/o}, {@code 38 years of age},
     * {@code aged 38}, {@code age: 38}, {@code at the age of 38}, and {@code turned 38} when the number ends the
     * clause. The span is the number (0–130).
     */
    static void ages(String s, List<int[]> spans) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!PiiDetector.isDigit(s.charAt(i)) || i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || ".,$".indexOf(s.charAt(i - 1)) >= 0)) {
                i++;
                continue;
            }
            int d = digits(s, i, 3);
            if (d < 0 || d < n && s.charAt(d) == '.' && d + 1 < n && PiiDetector.isDigit(s.charAt(d + 1))) {
                while (i < n && PiiDetector.isDigit(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (num(s, i, d) <= 130 && (ageAfter(s, d) || ageBefore(s, i, d))) {
                spans.add(new int[] {i, d, PiiDetector.Entity.AGE.ordinal(), 85});
            }
            i = d;
        }
    }

    private static boolean ageAfter(String s, int d) {
        int p = d < s.length() && (s.charAt(d) == ' ' || s.charAt(d) == '-') ? d + 1 : d;
        if (at(s, p, "y/o")) {
            return boundary(s, p + 3);
        }
        if (at(s, p, "y.o.")) {
            return true;
        }
        int q = at(s, p, "years") ? p + 5 : at(s, p, "year") ? p + 4 : at(s, p, "yrs") ? p + 3 : -1;
        if (q < 0) {
            return false;
        }
        return (at(s, q, " old") || at(s, q, "-old")) && boundary(s, q + 4) || at(s, q, " of age") && boundary(s, q + 7);
    }

    private static boolean ageBefore(String s, int i, int d) {
        int p = i;
        while (p > 0 && i - p < 3 && (s.charAt(p - 1) == ' ' || s.charAt(p - 1) == ':')) {
            p--;
        }
        if (p == i) {
            return false;
        }
        for (String cue : new String[] {"aged", "age", "age of", "age is", "age was", "ages"}) {
            if (endsWithWord(s, p, cue)) {
                return true;
            }
        }
        for (String cue : new String[] {"turn", "turns", "turned", "turning"}) {
            if (endsWithWord(s, p, cue) && p == i - 1) {
                // "turned 60." / "turn 23," / "turned 60" at the end: not "turned 180 degrees" or "turn 2 pages"
                return d >= s.length() || ".,;!?)".indexOf(s.charAt(d)) >= 0;
            }
        }
        return false;
    }

    /** Whether {@code s[.., p)} ends with the word {@code w}, ignoring case (a non-letter before it). */
    private static boolean endsWithWord(String s, int p, String w) {
        int st = p - w.length();
        return st >= 0 && at(s, st, w) && (st == 0 || !Character.isLetterOrDigit(s.charAt(st - 1)));
    }

    /** Whether {@code s} has {@code w} at {@code p}, ignoring case. */
    private static boolean at(String s, int p, String w) {
        return s.regionMatches(true, p, w, 0, w.length());
    }

    // ---------------------------------------------------------------- helpers

    /** End of a run of 1..max ASCII digits at {@code p} not followed by another digit, or -1. */
    private static int digits(String s, int p, int max) {
        int e = p;
        while (e < s.length() && e - p < max && PiiDetector.isDigit(s.charAt(e))) {
            e++;
        }
        return e == p || e < s.length() && PiiDetector.isDigit(s.charAt(e)) ? -1 : e;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            v = v * 10 + s.charAt(k) - '0';
        }
        return v;
    }

    /** After a day number: {@code st}, {@code nd}, {@code rd}, {@code th}. */
    private static int ordinal(String s, int d) {
        if (d + 2 <= s.length()) {
            String suf = s.substring(d, d + 2).toLowerCase(Locale.ROOT);
            if ((suf.equals("st") || suf.equals("nd") || suf.equals("rd") || suf.equals("th")) && boundary(s, d + 2)) {
                return d + 2;
            }
        }
        return d;
    }

    private static int wordEnd(String s, int i) {
        int w = i;
        while (w < s.length() && PiiDetector.isAsciiLetter(s.charAt(w))) {
            w++;
        }
        return w;
    }

    private static int skipWord(String s, int i) {
        int w = i + 1;
        while (w < s.length() && PiiDetector.isAsciiAlnum(s.charAt(w))) {
            w++;
        }
        return w;
    }

    /** Whether no letter or digit follows at {@code p}. */
    private static boolean boundary(String s, int p) {
        return p >= s.length() || !Character.isLetterOrDigit(s.charAt(p));
    }
}
