package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic PII detector: e-mail addresses, phone numbers, payment cards (Luhn), IBANs
 * (ISO 13616 mod-97 and per-country length), US SSNs (invalid ranges rejected) and IPv4/IPv6
 * addresses. Hand-written scanners, no regular expressions: the text is walked once for
 * {@code @}, once for digit runs, once for {@code :} and once for IBAN-shaped words.
 *
 * <p>Opt-in types, scanned only when asked for ({@link Entity#DEFAULT} leaves them out):
 * {@code DOMAIN_NAME} (host names ending in a known top-level domain; the domain of an e-mail
 * address is not reported, in a URL only the host is), {@code DATE_TIME} (explicit dates with valid
 * day and month: ISO 8601, d/m/y and m/d/y, month names; times such as {@code 14:30} and
 * {@code 2:30 pm}; full weekday names; not bare years or phrases like "last week"), {@code ZIP_CODE}
 * (only after a cue word such as "ZIP" or "postal code") and {@code AGE}
 * (only with "years old", "aged", "age of" and the like). See {@link PiiOptIn}.
 */
final class PiiDetector implements Detector {

    /** Entity types this detector can report. */
    enum Entity {
        EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, US_SSN, IP_ADDRESS,
        DOMAIN_NAME, DATE_TIME, ZIP_CODE, AGE;

        /** The types reported when none are named: the first six; the rest are opt-in. */
        static final Set<Entity> DEFAULT = Collections.unmodifiableSet(EnumSet.range(EMAIL_ADDRESS, IP_ADDRESS));
    }

    /** ISO 13616 IBAN lengths by country (SWIFT IBAN registry). */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15),
            Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
            Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20));

    private final Set<Entity> entities;

    PiiDetector(Set<Entity> entities) {
        this.entities = entities.isEmpty() ? EnumSet.copyOf(Entity.DEFAULT) : EnumSet.copyOf(entities);
    }

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public List<Detection> detect(String text) {
        NormalizedText nt = TextNormalizer.normalize(text);
        String s = nt.normalized();
        List<int[]> spans = new ArrayList<>(); // {start, end, entityOrdinal, confidence*100}
        if (entities.contains(Entity.EMAIL_ADDRESS) && s.indexOf('@') >= 0) {
            emails(s, spans);
        }
        if (entities.contains(Entity.EMAIL_ADDRESS) && maybeObfuscatedAt(s)) {
            obfuscatedEmails(s, spans);
        }
        if (entities.contains(Entity.IBAN_CODE)) {
            ibans(s, spans);
        }
        if (entities.contains(Entity.IP_ADDRESS) && s.indexOf(':') >= 0) {
            ipv6(s, spans);
        }
        numbers(s, spans);
        if (entities.contains(Entity.DOMAIN_NAME) && s.indexOf('.') >= 0) {
            PiiOptIn.domains(s, spans);
        }
        if (entities.contains(Entity.DATE_TIME)) {
            PiiOptIn.dates(s, spans);
        }
        if (entities.contains(Entity.ZIP_CODE)) {
            PiiOptIn.zipCodes(s, spans);
        }
        if (entities.contains(Entity.AGE)) {
            PiiOptIn.ages(s, spans);
        }
        spans.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> -a[1]));
        List<Detection> out = new ArrayList<>(spans.size());
        int lastEnd = -1;
        for (int[] sp : spans) {
            if (sp[0] < lastEnd) {
                continue; // overlapping a longer/earlier entity
            }
            Entity e = Entity.values()[sp[2]];
            if (!entities.contains(e)) {
                continue;
            }
            int[] o = nt.toOriginal(sp[0], sp[1]);
            out.add(new Detection(e.name(), o[0], o[1], sp[3] / 100.0, severity(e)));
            lastEnd = sp[1];
        }
        return out;
    }

    private static Severity severity(Entity e) {
        return switch (e) {
            case CREDIT_CARD, IBAN_CODE, US_SSN -> Severity.HIGH;
            case EMAIL_ADDRESS, PHONE_NUMBER -> Severity.MEDIUM;
            case IP_ADDRESS, DOMAIN_NAME, DATE_TIME, ZIP_CODE, AGE -> Severity.LOW;
        };
    }

    // ---------------------------------------------------------------- e-mail

    /** A char of an address's local part; letters and digits of any script too (internationalized mail, RFC 6531). */
    private static boolean isLocalChar(char c) {
        return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'' || c >= 128 && Character.isLetterOrDigit(c);
    }

    /** A char of a domain label: ASCII letters, digits, '-', and letters and digits of any script (IDN). */
    private static boolean isDomainChar(char c) {
        return isAsciiAlnum(c) || c == '-' || c >= 128 && Character.isLetterOrDigit(c);
    }

    private static void emails(String s, List<int[]> spans) {
        int n = s.length();
        int searchFrom = 0;
        int at;
        while ((at = s.indexOf('@', searchFrom)) >= 0) {
            searchFrom = at + 1;
            int l = at;
            while (l > 0 && isLocalChar(s.charAt(l - 1)) && at - l < 64) {
                l--;
            }
            while (l < at && (s.charAt(l) == '.' || s.charAt(l) == '\'')) {
                l++;
            }
            int r = at + 1;
            while (r < n && (isDomainChar(s.charAt(r)) || s.charAt(r) == '.') && r - at < 255) {
                r++;
            }
            while (r > at + 1 && (s.charAt(r - 1) == '.' || s.charAt(r - 1) == '-')) {
                r--;
            }
            if (l == at || r == at + 1) {
                continue;
            }
            int lastDot = s.lastIndexOf('.', r - 1);
            if (lastDot <= at + 1 || r - lastDot - 1 < 2) {
                continue;
            }
            boolean tldAlpha = true;
            for (int i = lastDot + 1; i < r; i++) {
                tldAlpha &= Character.isLetter(s.charAt(i));
            }
            if (!tldAlpha || s.indexOf("..", l) >= 0 && s.indexOf("..", l) < r) {
                continue;
            }
            spans.add(new int[] {l, r, Entity.EMAIL_ADDRESS.ordinal(), 95});
            searchFrom = r;
        }
    }

    private static final String OBFUSCATED_AT = "(?:\\[\\s?(?:[aA][tT]|@)\\s?\\]|\\(\\s?(?:[aA][tT]|@)\\s?\\)|\\{\\s?(?:[aA][tT]|@)\\s?\\}|\\s+AT\\s+)";
    private static final String OBFUSCATED_DOT = "(?:\\[\\s?(?:[dD][oO][tT]|\\.)\\s?\\]|\\(\\s?(?:[dD][oO][tT]|\\.)\\s?\\)|\\{\\s?(?:[dD][oO][tT]|\\.)\\s?\\}|\\s+DOT\\s+|\\.)";
    /**
     * An address written out against scrapers: "[at]", "(at)", "{at}", "[@]" or an upper-case " AT " for the '@', and
     * "[dot]", "(dot)", "{dot}", "[.]", " DOT " or a plain '.' between the labels of the domain, whose last label is
     * letters. A lower-case "at" without brackets ("look at example dot com") is not one.
     */
    private static final Pattern OBFUSCATED_EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}\\s?" + OBFUSCATED_AT
            + "\\s?[A-Za-z0-9-]{1,63}(?:\\s?" + OBFUSCATED_DOT + "\\s?[A-Za-z0-9-]{1,63}){0,8}\\s?" + OBFUSCATED_DOT
            + "\\s?[A-Za-z]{2,24}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

    /** Whether {@code s} has a bracketed "at" or '@' ("at]", "(@)" ...) or an upper-case " AT ": {@link #OBFUSCATED_EMAIL} may match. */
    private static boolean maybeObfuscatedAt(String s) {
        if (s.indexOf(" AT ") >= 0) {
            return true;
        }
        // String.indexOf per closing bracket (a vectorized search; prose has few) instead of a loop over every char
        for (char close : new char[] {')', ']', '}'}) {
            for (int k = s.indexOf(close, 1); k >= 0; k = s.indexOf(close, k + 1)) {
                int j = s.charAt(k - 1) == ' ' ? k - 1 : k;
                if (j >= 1 && s.charAt(j - 1) == '@'
                        || j >= 2 && (s.charAt(j - 1) | 0x20) == 't' && (s.charAt(j - 2) | 0x20) == 'a') {
                    return true;
                }
            }
        }
        return false;
    }

    private static void obfuscatedEmails(String s, List<int[]> spans) {
        Matcher m = OBFUSCATED_EMAIL.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end(), Entity.EMAIL_ADDRESS.ordinal(), 85});
        }
    }

    // ---------------------------------------------------------------- IBAN

    /**
     * IBANs: two letters and two digits at a word start, then the country's length of letters and digits
     * (grouped by single spaces every four), mod 97 equal to 1. Only the offsets where two digits follow
     * two letters are tried, found from the digits: any two adjacent offsets include an odd one, so the
     * loop looks at every second char and, where it is a digit, at the pair before and the pair after it.
     * Prose has few digits, so this costs about half a pass; the results are those of trying every offset
     * ({@code PiiScanTest} compares them).
     */
    static void ibans(String s, List<int[]> spans) {
        int n = s.length();
        int from = 0; // a match ends the search up to its end: the next one starts after it
        for (int k = 1; k < n; k += 2) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                continue;
            }
            // the digit pair (k - 1, k), then (k, k + 1): the country code starts two chars before the pair
            for (int d = k - 1; d <= k; d++) {
                int i = d - 2;
                if (i < from || i + 15 > n || d + 1 >= n || !isDigit(s.charAt(d)) || !isDigit(s.charAt(d + 1))) {
                    continue;
                }
                int end = iban(s, i);
                if (end >= 0) {
                    spans.add(new int[] {i, end, Entity.IBAN_CODE.ordinal(), 99});
                    from = end + 1;
                }
            }
        }
    }

    /** The end of the IBAN whose country code starts at {@code i} (two digits follow it), or -1. */
    private static int iban(String s, int i) {
        int n = s.length();
        if (!isAsciiLetter(s.charAt(i)) || !isAsciiLetter(s.charAt(i + 1)) || (i > 0 && isAsciiAlnum(s.charAt(i - 1)))) {
            return -1;
        }
        String cc = s.substring(i, i + 2).toUpperCase(Locale.ROOT);
        Integer len = IBAN_LENGTHS.get(cc);
        if (len == null) {
            return -1;
        }
        StringBuilder iban = new StringBuilder(len);
        int j = i;
        while (j < n && iban.length() < len) {
            char c = s.charAt(j);
            if (isAsciiAlnum(c)) {
                iban.append(Character.toUpperCase(c));
                j++;
            } else if (c == ' ' && j + 1 < n && isAsciiAlnum(s.charAt(j + 1)) && iban.length() % 4 == 0) {
                j++;
            } else {
                break;
            }
        }
        if (iban.length() != len || (j < n && isAsciiAlnum(s.charAt(j)))) {
            return -1;
        }
        return mod97(iban) == 1 ? j : -1;
    }

    /** ISO 7064 mod 97-10 of an IBAN (valid when 1). */
    static int mod97(CharSequence iban) {
        String rearranged = iban.subSequence(4, iban.length()).toString() + iban.subSequence(0, 4);
        int rem = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int v = isDigit(c) ? c - '0' : Character.toUpperCase(c) - 'A' + 10;
            if (v < 0 || v > 35) {
                return -1;
            }
            rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
        }
        return rem;
    }

    // ---------------------------------------------------------------- IPv6

    private static void ipv6(String s, List<int[]> spans) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if ((isHex(c) || c == ':') && (i == 0 || !isIpv6Char(s.charAt(i - 1)))) {
                int j = i;
                while (j < n && (isIpv6Char(s.charAt(j)))) {
                    j++;
                }
                int end = j;
                while (end > i && s.charAt(end - 1) == '.') {
                    end--;
                }
                if (end - i >= 3 && (end >= n || !Character.isLetterOrDigit(s.charAt(end))) && isIpv6(s.substring(i, end))) {
                    spans.add(new int[] {i, end, Entity.IP_ADDRESS.ordinal(), 90});
                }
                i = Math.max(j, i + 1);
            } else {
                i++;
            }
        }
    }

    private static boolean isIpv6Char(char c) {
        return isHex(c) || c == ':' || c == '.';
    }

    static boolean isIpv6(String t) {
        int dbl = t.indexOf("::");
        if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String head = dbl >= 0 ? t.substring(0, dbl) : t;
        String tail = dbl >= 0 ? t.substring(dbl + 2) : "";
        int groups = 0;
        for (String part : new String[] {head, tail}) {
            if (part.isEmpty()) {
                continue;
            }
            String[] gs = part.split(":", -1);
            for (int k = 0; k < gs.length; k++) {
                String g = gs[k];
                if (k == gs.length - 1 && g.indexOf('.') >= 0 && part == (tail.isEmpty() ? head : tail)) {
                    if (!isIpv4(g)) {
                        return false;
                    }
                    groups += 2;
                    continue;
                }
                if (g.isEmpty() || g.length() > 4) {
                    return false;
                }
                for (int m = 0; m < g.length(); m++) {
                    if (!isHex(g.charAt(m))) {
                        return false;
                    }
                }
                groups++;
            }
        }
        if (dbl >= 0) {
            return groups >= 1 && groups <= 7;
        }
        return groups == 8;
    }

    private static boolean isIpv4(String t) {
        String[] p = t.split("\\.", -1);
        if (p.length != 4) {
            return false;
        }
        for (String x : p) {
            if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(ch -> ch >= '0' && ch <= '9') || Integer.parseInt(x) > 255) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- digit runs

    /** A run of digit groups with separators between them. */
    private static final class Run {
        int start;
        int end;
        final StringBuilder digits = new StringBuilder();
        final List<Integer> groups = new ArrayList<>();
        final StringBuilder seps = new StringBuilder();
        boolean plus;
        boolean paren;
        int extDigits;
    }

    private static void numbers(String s, List<int[]> spans) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean startsHere = isDigit(c) || ((c == '+' || c == '(') && i + 1 < n && isDigit(s.charAt(i + 1)));
            if (!startsHere || (i > 0 && (isAsciiAlnum(s.charAt(i - 1)) || s.charAt(i - 1) == '.' && i > 1 && isDigit(s.charAt(i - 2))))) {
                i++;
                continue;
            }
            Run run = scanRun(s, i);
            classify(s, run, spans);
            i = Math.max(run.end, i + 1);
        }
    }

    private static Run scanRun(String s, int start) {
        int n = s.length();
        Run r = new Run();
        r.start = start;
        int i = start;
        if (s.charAt(i) == '+') {
            r.plus = true;
            i++;
        }
        int groupLen = 0;
        int lastDigitEnd = i;
        while (i < n) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                r.digits.append(c);
                groupLen++;
                i++;
                lastDigitEnd = i;
                continue;
            }
            // separator run of up to 2 chars from " -.()/" followed by a digit (or '(' digit)
            int j = i;
            StringBuilder sep = new StringBuilder();
            while (j < n && j - i < 3 && " -.()/".indexOf(s.charAt(j)) >= 0) {
                sep.append(s.charAt(j));
                j++;
            }
            if (sep.length() > 0 && j < n && isDigit(s.charAt(j)) && validSeparator(sep)) {
                if (groupLen > 0) {
                    r.groups.add(groupLen);
                }
                groupLen = 0;
                if (sep.indexOf("(") >= 0 || sep.indexOf(")") >= 0) {
                    r.paren = true;
                }
                r.seps.append(sep.toString().replace("(", "").replace(")", "").trim().isEmpty() ? " " : sep.toString().replace("(", "").replace(")", "").trim());
                i = j;
                continue;
            }
            break;
        }
        if (groupLen > 0) {
            r.groups.add(groupLen);
        }
        if (s.charAt(start) == '(') {
            r.paren = true;
        }
        r.end = lastDigitEnd;
        // extension: x123, ext. 123
        int k = r.end;
        if (k < n && (s.charAt(k) == 'x' || s.startsWith("ext", k) || s.startsWith(" ext", k) || s.startsWith(" x", k))) {
            int m = k;
            while (m < n && (s.charAt(m) == ' ' || s.charAt(m) == '.' || Character.isLetter(s.charAt(m))) && m - k < 6) {
                m++;
            }
            int d = m;
            while (d < n && isDigit(s.charAt(d))) {
                d++;
            }
            String word = s.substring(k, m).trim().replace(".", "");
            if (d > m && d - m <= 6 && (word.equals("x") || word.equals("ext")) && (d >= n || !isAsciiAlnum(s.charAt(d)))) {
                r.extDigits = d - m;
                r.end = d;
            }
        }
        return r;
    }

    private static boolean validSeparator(CharSequence sep) {
        String t = sep.toString();
        return switch (t) {
            case " ", "-", ".", "/", "(", ")", ") ", " (", ")-", "-(", ")." -> true;
            default -> false;
        };
    }

    private static void classify(String s, Run r, List<int[]> spans) {
        int n = s.length();
        if (r.end < n && isAsciiLetter(s.charAt(r.end)) && r.extDigits == 0) {
            return; // 123abc: an identifier, not a number
        }
        if (r.end < n && s.charAt(r.end) == '.' && r.end + 1 < n && isDigit(s.charAt(r.end + 1))) {
            return;
        }
        String digits = r.digits.toString();
        int nd = digits.length();
        String seps = r.seps.toString();
        boolean dotsOnly = !seps.isEmpty() && seps.chars().allMatch(ch -> ch == '.');
        char prev = r.start > 0 ? s.charAt(r.start - 1) : ' ';
        boolean money = prev == '$' || prev == '€' || prev == '£' || prev == '¥';
        // IPv4
        if (dotsOnly && r.groups.size() == 4 && !r.plus && !r.paren && !r.groups.equals(CARD_4x4)) {
            if (r.groups.stream().allMatch(g -> g <= 3) && isIpv4(s.substring(r.start, r.end))
                    && !NUMBERING_LABELS.contains(labelBefore(s, r.start))) {
                spans.add(new int[] {r.start, r.end, Entity.IP_ADDRESS.ordinal(), 90});
            }
            return;
        }
        if (money || r.extDigits > 0 && nd < 7) {
            if (r.extDigits == 0) {
                return;
            }
        }
        // SSN: AAA-GG-SSSS (or spaces), or 9 digits next to an SSN cue
        if (!r.plus && !r.paren && r.extDigits == 0 && nd == 9
                && ((r.groups.equals(List.of(3, 2, 4)) && (seps.equals("--") || seps.equals("  ")))
                    || (r.groups.size() == 1 && hasSsnCue(s, r.start)))) {
            if (validSsn(digits)) {
                spans.add(new int[] {r.start, r.end, Entity.US_SSN.ordinal(), r.groups.size() == 1 ? 80 : 90});
            }
            return;
        }
        // payment card
        if (!r.plus && !r.paren && r.extDigits == 0 && nd >= 12 && nd <= 19 && cardGrouping(r) && luhn(digits)
                && (nd >= 13 || digits.charAt(0) == '5' || digits.charAt(0) == '6') && !allSame(digits)
                && !(ID_LABELS.contains(labelBefore(s, r.start)) && !hasCardCue(s, r.start))) {
            // "Order #4000123412341234": one identifier in ten passes Luhn; labelled as an identifier it is not a card
            spans.add(new int[] {r.start, r.end, Entity.CREDIT_CARD.ordinal(), 95});
            return;
        }
        // phone
        if (nd < 7 || nd > 15 || seps.indexOf('/') >= 0 || money) {
            return;
        }
        if (looksLikeDate(r) || allYears(digits, r) || isoDatePrefix(r)) {
            return;
        }
        if (r.end + 1 < n && s.charAt(r.end) == ':' && isDigit(s.charAt(r.end + 1))) {
            return; // a time (12:30) or a port
        }
        if (r.groups.size() == 2 && nd <= 9 && !r.plus && !r.paren && r.extDigits == 0
                && !hasPhoneCue(s, r.start) && !hasWeakPhoneCue(s, r.start) && !hasPhoneCueAfter(s, r.end)) {
            return; // "17151 2450", "3610-114": street numbers, postcodes; too ambiguous without context
        }
        if (r.groups.size() == 1 && !r.plus && !hasPhoneCue(s, r.start)) {
            return; // a bare digit string: account numbers, ids, amounts
        }
        if (r.groups.size() > 1 && r.groups.stream().anyMatch(g -> g > 10)) {
            return;
        }
        if (!r.plus && !r.paren && ID_LABELS.contains(labelBefore(s, r.start)) && !hasPhoneCue(s, r.start)) {
            return; // "invoice 2024-000123-45", "ISBN 978-0-306-40615-7", "serial number SN-5512-3344": an identifier
        }
        if (!r.plus && !r.paren && r.start >= 2 && s.charAt(r.start - 1) == '-' && isAsciiLetter(s.charAt(r.start - 2))
                && !hasPhoneCue(s, r.start)) {
            return; // "INV-2024-000123", "JIRA-2024-55512": letters hyphen-joined to the digits make a code
        }
        if (seps.indexOf('.') >= 0 && oneDigitDecimal(s, r.start, r.end)) {
            return; // "21.5 22.1 22.8 23.0": a list of decimals (a phone's groups after a dot have two digits or more)
        }
        if (!r.plus && !r.paren && r.groups.size() >= 4 && r.groups.stream().allMatch(g -> g == 3) && seps.chars().allMatch(ch -> ch == ' ')
                && !hasPhoneCue(s, r.start)) {
            return; // "101 102 103 104 105": a list of three-digit numbers
        }
        if (!r.plus && !r.paren && amountAfter(s, r.end)) {
            return; // "1 234 567,89 EUR": an amount with a decimal comma or a currency after it
        }
        int conf = r.plus || r.paren || r.extDigits > 0 ? 85 : nd >= 9 ? 75 : 60;
        int start = r.start;
        spans.add(new int[] {start, r.end, Entity.PHONE_NUMBER.ordinal(), conf});
    }

    private static final Pattern AMOUNT_AFTER = Pattern.compile(",\\d{1,2}(?!\\d)|\\s?(€|£|\\$|eur|usd|gbp|chf|sek|nok|dkk|pln|czk|huf|kr|zł|euros?|dollars?|pounds?)(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Whether an amount's decimal comma or currency follows a number ending at {@code end}. */
    private static boolean amountAfter(String s, int end) {
        return end < s.length() && AMOUNT_AFTER.matcher(s).region(end, Math.min(s.length(), end + 9)).lookingAt();
    }

    /** Whether {@code [start, end)} holds a digit, a dot, one digit, then a space or the end: "21.5 22.1". */
    private static boolean oneDigitDecimal(String s, int start, int end) {
        for (int i = start + 1; i + 1 < end; i++) {
            if (s.charAt(i) == '.' && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1)) && (i + 2 == end || s.charAt(i + 2) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** Four groups of four digits: a card number, also when dots separate them ("4111.1111.1111.1111"). */
    private static final List<Integer> CARD_4x4 = List.of(4, 4, 4, 4);

    private static boolean cardGrouping(Run r) {
        List<Integer> g = r.groups;
        if (g.size() == 1) {
            return true;
        }
        String seps = r.seps.toString();
        if (g.equals(CARD_4x4) && seps.equals("...")) {
            return true;
        }
        if (g.stream().allMatch(x -> x >= 4) && seps.chars().allMatch(ch -> ch == ' ' || ch == '-')) {
            return true; // 4-4-4-4, and groups merged by removed invisible separators (8-4-4)
        }
        if (!(seps.chars().allMatch(ch -> ch == ' ') || seps.chars().allMatch(ch -> ch == '-'))) {
            return false;
        }
        if (g.equals(List.of(4, 6, 5)) || g.equals(List.of(4, 6, 4))) {
            return true; // Amex, Diners
        }

        for (int k = 0; k < g.size() - 1; k++) {
            if (g.get(k) != 4) {
                return false;
            }
        }
        return g.get(g.size() - 1) >= 1 && g.get(g.size() - 1) <= 4;
    }

    private static boolean looksLikeDate(Run r) {
        List<Integer> g = r.groups;
        if (g.size() != 3 || r.plus) {
            return false;
        }
        String seps = r.seps.toString();
        if (seps.length() != 2 || seps.charAt(0) != seps.charAt(1) || seps.charAt(0) == ' ') {
            return false;
        }
        return (g.get(0) <= 2 && g.get(1) <= 2 && (g.get(2) == 4 || g.get(2) == 2))
                || (g.get(0) == 4 && g.get(1) <= 2 && g.get(2) <= 2);
    }

    private static boolean isoDatePrefix(Run r) {
        String seps = r.seps.toString();
        return r.groups.size() >= 3 && r.groups.get(0) == 4 && r.groups.get(1) == 2 && r.groups.get(2) == 2 && seps.startsWith("--");
    }

    private static boolean allYears(String digits, Run r) {
        if (r.groups.stream().anyMatch(g -> g != 4)) {
            return false;
        }
        for (int k = 0; k + 4 <= digits.length(); k += 4) {
            int y = Integer.parseInt(digits.substring(k, k + 4));
            if (y < 1900 || y > 2100) {
                return false;
            }
        }
        return true;
    }

    /** Words that label a number as a document, product or transaction identifier, not a phone number. */
    private static final Set<String> ID_LABELS = Set.of("isbn", "issn", "doi", "invoice", "order", "serial", "sn", "s/n", "ticket", "case",
            "ref", "reference", "tracking", "part", "model", "sku", "batch", "lot", "po", "confirmation", "booking", "receipt",
            "transaction", "patent", "claim", "version", "build", "release", "id");
    /** Words that label a dotted number as a version or section number, not an IPv4 address. */
    private static final Set<String> NUMBERING_LABELS = Set.of("version", "ver", "v", "release", "build", "chapter", "section", "sec",
            "rule", "article", "paragraph", "para", "clause", "step", "figure", "fig", "table", "item", "rev", "revision", "§", "firmware");
    private static final Set<String> LABEL_FILLERS = Set.of("number", "no", "nr", "num", "is", "code", "id", "was");

    /**
     * The word labelling the number at {@code at}: the last word before it, skipping separators
     * ({@code : # - .} and spaces) and filler words ("number", "no", "is" ...); lower case, or "" when there is none.
     * "Serial number SN-5512" gives "sn", "invoice no. 2024" gives "invoice", "version 1.2.3.4" gives "version".
     */
    static String labelBefore(String s, int at) {
        int i = at;
        int from = Math.max(0, at - 40);
        while (true) {
            while (i > from && !Character.isLetter(s.charAt(i - 1)) && s.charAt(i - 1) != '§'
                    && s.charAt(i - 1) != '\n' && !isDigit(s.charAt(i - 1))) {
                i--;
            }
            int end = i;
            while (i > from && (Character.isLetter(s.charAt(i - 1)) || s.charAt(i - 1) == '/' || s.charAt(i - 1) == '§')) {
                i--;
            }
            if (i == end) {
                return "";
            }
            String w = s.substring(i, end).toLowerCase(Locale.ROOT);
            if (!LABEL_FILLERS.contains(w) || i == from) {
                return w;
            }
        }
    }

    private static boolean hasCardCue(String s, int at) {
        String before = s.substring(Math.max(0, at - 30), at).toLowerCase(Locale.ROOT);
        return before.contains("card") || before.contains("visa") || before.contains("mastercard") || before.contains("amex")
                || before.contains("credit") || before.contains("debit") || before.contains("cc") || before.contains("payment");
    }

    private static boolean hasSsnCue(String s, int at) {
        String before = s.substring(Math.max(0, at - 40), at).toLowerCase(Locale.ROOT);
        return before.contains("ssn") || before.contains("social security") || before.contains("ss#");
    }

    private static boolean hasPhoneCue(String s, int at) {
        String before = s.substring(Math.max(0, at - 30), at).toLowerCase(Locale.ROOT);
        return before.contains("phone") || before.contains("tel") || before.contains("call") || before.contains("mobile")
                || before.contains("fax") || before.contains("cell") || before.contains("whatsapp");
    }

    private static boolean hasWeakPhoneCue(String s, int at) {
        String before = s.substring(Math.max(0, at - 30), at).toLowerCase(Locale.ROOT);
        return before.contains("number") || before.contains("contact") || before.contains("reach") || before.contains("dial")
                || before.contains("ring") || before.contains("sms") || before.contains("text me") || before.contains("answering")
                || before.contains("no.") || before.contains("#");
    }

    private static boolean hasPhoneCueAfter(String s, int end) {
        String after = s.substring(end, Math.min(s.length(), end + 12)).toLowerCase(Locale.ROOT);
        return after.contains("office") || after.contains("fax") || after.contains("mobile") || after.contains("cell")
                || after.contains("home") || after.contains("work") || after.contains("phone");
    }

    /** US SSN validity: area not 000, 666 or 900-999; group not 00; serial not 0000. */
    static boolean validSsn(String nineDigits) {
        int area = Integer.parseInt(nineDigits.substring(0, 3));
        int group = Integer.parseInt(nineDigits.substring(3, 5));
        int serial = Integer.parseInt(nineDigits.substring(5, 9));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    /** The Luhn (mod 10) check. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    private static boolean allSame(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

}
