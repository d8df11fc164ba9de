package io.promethios.governance.policies;

import io.promethios.governance.policies.text.NormalizedText;
import io.promethios.governance.policies.text.TextNormalizer;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URL detector with domain allow and deny lists. A listed domain covers its subdomains
 * ({@code example.com} covers {@code docs.example.com}). Finds {@code scheme://} and
 * {@code www.} URLs and protocol-relative links in attributes ({@code href="//host/..."},
 * {@code url(//host/...)}); hosts are percent-decoded, lower-cased, stripped of a trailing dot and
 * IDN-decoded before comparison. A denied domain is also found written bare ("go to evil.com",
 * "sub.evil.com/login"), as a whole name: not inside a longer one ({@code notevil.com},
 * {@code evil.com.attacker.net}) nor as an e-mail domain. Allow lists judge URLs only (a bare
 * {@code file.txt} is not a link). A URL inside another URL's query (also percent-encoded) is judged
 * too, {@code mailto:} links by their domain, defanged dots ({@code evil[.]com}) are read as dots, and
 * IPv6 literal hosts are hosts.
 *
 * <p>Types: {@code URL_DENIED} (host on the deny list), {@code URL_NOT_ALLOWED} (an allow list is
 * set and the host is not on it), {@code URL_SUSPICIOUS} (IP-literal host, user-info before the
 * host, punycode; a {@code javascript:}, {@code vbscript:} or HTML / script {@code data:} link, whatever
 * the lists) and {@code URL} (any other URL, only reported when both lists are empty).
 */
final class UrlDetector implements Detector {

    private final Set<String> allow;
    private final Set<String> deny;
    /** The denied domains, for finding them written without a scheme; null without a deny list. */
    private final AhoCorasick denyNames;

    UrlDetector(Set<String> allow, Set<String> deny) {
        this.allow = lower(allow);
        this.deny = lower(deny);
        this.denyNames = this.deny.isEmpty() ? null : AhoCorasick.of(List.copyOf(this.deny));
    }

    private static Set<String> lower(Set<String> s) {
        Set<String> r = new java.util.HashSet<>();
        for (String d : s) {
            if (d == null || d.isBlank() || d.contains("/") || d.contains(" ")) {
                throw new IllegalArgumentException("url: '" + d + "' is not a domain name");
            }
            r.add(d.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\*\\.", "").replaceFirst("\\.$", ""));
        }
        return Set.copyOf(r);
    }

    @Override
    public String name() {
        return "url";
    }

    /** Markers that defang a name in security writing ("evil[.]com", "evil(dot)com"): read as a dot. */
    private static final String[] DEFANGED_DOTS = {"[.]", "(.)", "{.}", "[dot]", "(dot)", "{dot}"};

    /**
     * The text with defanged dots read as dots, and for each of its chars (and its end) the index in the normalized text;
     * null when nothing is defanged.
     */
    private record View(String text, int[] back) {
        int toNormalized(int i) {
            return back == null ? i : back[i];
        }
    }

    private static View refang(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean any = false;
        for (String m : DEFANGED_DOTS) {
            any |= lower.contains(m);
        }
        if (!any) {
            return new View(s, null);
        }
        StringBuilder b = new StringBuilder(s.length());
        int[] back = new int[s.length() + 1];
        int i = 0;
        while (i < s.length()) {
            String marker = null;
            for (String m : DEFANGED_DOTS) {
                if (lower.startsWith(m, i)) {
                    marker = m;
                    break;
                }
            }
            back[b.length()] = i;
            if (marker != null) {
                b.append('.');
                i += marker.length();
            } else {
                b.append(s.charAt(i));
                i++;
            }
        }
        back[b.length()] = s.length();
        return new View(b.toString(), java.util.Arrays.copyOf(back, b.length() + 1));
    }

    private static int[] original(NormalizedText nt, View v, int start, int end) {
        return nt.toOriginal(v.toNormalized(start), v.toNormalized(end));
    }

    @Override
    public List<Detection> detect(String text) {
        NormalizedText nt = TextNormalizer.normalize(text);
        View v = refang(nt.normalized());
        String s = v.text();
        List<Detection> out = new ArrayList<>();
        String lower = s.toLowerCase(Locale.ROOT);
        int i = 0;
        List<int[]> found = new ArrayList<>();
        while (i < s.length()) {
            int plain = lower.indexOf("://", i);
            int encoded = lower.indexOf("%3a%2f%2f", i); // a URL inside another URL's query, percent-encoded
            int scheme = plain < 0 || encoded >= 0 && encoded < plain ? encoded : plain;
            int separator = scheme == encoded && scheme >= 0 ? 9 : 3;
            int www = lower.indexOf("www.", i);
            int rel = protocolRelative(lower, i);
            int at;
            int hostStart;
            if (scheme < 0 && www < 0 && rel < 0) {
                break;
            }
            if (rel >= 0 && (scheme < 0 || rel < scheme) && (www < 0 || rel < www)) {
                at = rel;
                hostStart = rel + 2;
            } else if (scheme >= 0 && (www < 0 || scheme < www)) {
                at = scheme;
                while (at > 0 && (Character.isLetterOrDigit(s.charAt(at - 1)) || s.charAt(at - 1) == '+' || s.charAt(at - 1) == '.' || s.charAt(at - 1) == '-')) {
                    at--;
                }
                hostStart = scheme + separator;
            } else {
                at = www;
                if (at > 0 && Character.isLetterOrDigit(s.charAt(at - 1))) {
                    i = www + 4;
                    continue;
                }
                hostStart = www;
            }
            int end = urlEnd(s, hostStart);
            String authority = lower.substring(hostStart, end);
            int slash = indexOfAny(authority, "/?#");
            if (slash >= 0) {
                authority = authority.substring(0, slash);
            }
            int authorityEnd = hostStart + authority.length();
            boolean userInfo = authority.contains("@");
            String host = userInfo ? authority.substring(authority.lastIndexOf('@') + 1) : authority;
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                host = close > 0 ? host.substring(0, close + 1) : host;
            } else if (host.indexOf(':') >= 0) {
                host = host.substring(0, host.indexOf(':'));
            }
            if (!host.isEmpty() && end > at) {
                String type = classify(host, userInfo);
                if (type != null) {
                    int[] o = original(nt, v, at, end);
                    out.add(new Detection(type, o[0], o[1], 0.95, type.equals("URL") ? Severity.LOW : Severity.MEDIUM));
                }
                found.add(new int[] {at, end});
            }
            // on from the end of the host: a URL in this one's path or query (an open redirect) is judged too
            i = Math.max(authorityEnd, hostStart + 1);
        }
        mailtoLinks(nt, v, lower, found, out);
        codeLinks(nt, v, lower, out);
        if (denyNames != null) {
            bareDenied(nt, v, lower, found, out);
        }
        out.sort(java.util.Comparator.comparingInt(Detection::start));
        return out;
    }

    /** {@code mailto:} links: the address's domain judged like a host (a bare e-mail address is not a link). */
    private void mailtoLinks(NormalizedText nt, View v, String lower, List<int[]> found, List<Detection> out) {
        for (int k = lower.indexOf("mailto:"); k >= 0; k = lower.indexOf("mailto:", k + 7)) {
            int end = urlEnd(lower, k + 7);
            String address = lower.substring(k + 7, end);
            int cut = indexOfAny(address, "?#/,;");
            address = cut >= 0 ? address.substring(0, cut) : address;
            int atSign = address.lastIndexOf('@');
            if (atSign < 0 || atSign == address.length() - 1) {
                continue;
            }
            String type = classify(address.substring(atSign + 1), false);
            found.add(new int[] {k, end});
            if (type != null) {
                int[] o = original(nt, v, k, end);
                out.add(new Detection(type, o[0], o[1], 0.95, type.equals("URL") ? Severity.LOW : Severity.MEDIUM));
            }
        }
    }

    /** Link schemes that run code where they are opened: {@code javascript:}, {@code vbscript:}, HTML or script {@code data:} URLs. */
    private static final java.util.regex.Pattern CODE_LINK = java.util.regex.Pattern.compile(
            "\\b(javascript|vbscript):(?=[^\\s])|\\bdata:(text/html|text/javascript|application/(x?html|javascript|xhtml\\+xml)|image/svg\\+xml)[;,]");

    private static void codeLinks(NormalizedText nt, View v, String lower, List<Detection> out) {
        if (lower.indexOf("script:") < 0 && lower.indexOf("data:") < 0) {
            return;
        }
        java.util.regex.Matcher m = CODE_LINK.matcher(lower);
        while (m.find()) {
            int end = Math.max(m.end(), urlEnd(lower, m.end()));
            int[] o = original(nt, v, m.start(), end);
            out.add(new Detection("URL_SUSPICIOUS", o[0], o[1], 0.9, Severity.MEDIUM));
        }
    }

    /** The next {@code //} at or after {@code from} that starts a protocol-relative link: after {@code ="}, {@code ='}, {@code =} or {@code url(}; or -1. */
    private static int protocolRelative(String lower, int from) {
        for (int k = lower.indexOf("//", from); k >= 0; k = lower.indexOf("//", k + 2)) {
            char b = k > 0 ? lower.charAt(k - 1) : ' ';
            if (b == '=' || (b == '"' || b == '\'') && k > 1 && lower.charAt(k - 2) == '=' || b == '(' && k >= 4 && lower.startsWith("url(", k - 4)) {
                return k;
            }
        }
        return -1;
    }

    /** Denied domains written without a scheme, outside the URLs already found: whole names, with their subdomains and path. */
    private void bareDenied(NormalizedText nt, View v, String lower, List<int[]> found, List<Detection> out) {
        int n = lower.length();
        for (AhoCorasick.Match m : denyNames.findAll(lower)) {
            int start = m.start();
            int end = m.end();
            if (end < n && (isNameChar(lower.charAt(end)) || lower.charAt(end) == '.' && end + 1 < n && isNameChar(lower.charAt(end + 1)))) {
                continue; // inside a longer name: evil.community, evil.com.attacker.net
            }
            while (start > 0 && lower.charAt(start - 1) == '.' && start > 1 && isNameChar(lower.charAt(start - 2))) {
                start--; // a subdomain: sub.evil.com
                while (start > 0 && isNameChar(lower.charAt(start - 1))) {
                    start--;
                }
            }
            if (start > 0 && (isNameChar(lower.charAt(start - 1)) || "@/.".indexOf(lower.charAt(start - 1)) >= 0)) {
                continue; // notevil.com, an e-mail domain, part of a path
            }
            if (end < n && "/?#:".indexOf(lower.charAt(end)) >= 0) {
                end = urlEnd(lower, end);
            }
            boolean inside = false;
            for (int[] f : found) {
                inside |= start < f[1] && end > f[0];
            }
            if (!inside) {
                found.add(new int[] {start, end});
                int[] o = original(nt, v, start, end);
                out.add(new Detection("URL_DENIED", o[0], o[1], 0.9, Severity.MEDIUM));
            }
        }
    }

    /** Where a URL from {@code from} ends: at whitespace, a quote or a bracket, without trailing sentence punctuation. */
    private static int urlEnd(String s, int from) {
        int end = from;
        int at = -1;
        for (int k = from, limit = Math.min(s.length(), from + 65); k < limit && !Character.isWhitespace(s.charAt(k)); k++) {
            if (s.charAt(k) == '@') {
                at = k;
                break;
            }
        }
        int bracket = at >= 0 && s.startsWith("[", at + 1) ? at + 1 : s.startsWith("[", from) ? from : -1;
        if (bracket >= 0) {
            // an IPv6 literal host ("http://[::1]/", "http://user@[2001:db8::1]:8080/"): the brackets belong to the URL
            int close = s.indexOf(']', bracket);
            if (close > bracket && close - bracket <= 48 && s.substring(bracket + 1, close).matches("[0-9a-fA-F:.%]+")) {
                end = close + 1;
            }
        }
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "\"'<>()[]{}`".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        while (end > from && ".,;:!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c > 0x7F && Character.isLetterOrDigit(c);
    }

    /** The host as a browser reads it: %XX escapes decoded (UTF-8), a trailing dot dropped. */
    static String canonicalHost(String host) {
        String h = host;
        if (h.indexOf('%') >= 0) {
            try {
                h = java.net.URLDecoder.decode(h.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                // a malformed escape: keep the host as written
            }
        }
        int cut = indexOfAny(h, "/?#");
        if (cut >= 0) {
            h = h.substring(0, cut); // decoded from %2F (a percent-encoded URL inside another one)
        }
        while (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static int indexOfAny(String s, String chars) {
        for (int k = 0; k < s.length(); k++) {
            if (chars.indexOf(s.charAt(k)) >= 0) {
                return k;
            }
        }
        return -1;
    }

    private String classify(String written, boolean userInfo) {
        String host = canonicalHost(written);
        String h = host;
        try {
            h = IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // keep as is
        }
        if (covered(h, deny) || covered(host, deny)) {
            return "URL_DENIED";
        }
        if (!allow.isEmpty() && !covered(h, allow) && !covered(host, allow)) {
            return "URL_NOT_ALLOWED";
        }
        if (userInfo || host.startsWith("[") || host.matches("[0-9.]+") || host.contains("xn--")) {
            return "URL_SUSPICIOUS";
        }
        return allow.isEmpty() && deny.isEmpty() ? "URL" : null;
    }

    private static boolean covered(String host, Set<String> domains) {
        String h = host;
        while (true) {
            if (domains.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
    }
}
