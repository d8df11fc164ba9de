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
 * {@code file.txt} is not a link).
 *
 * <p>Types: {@code URL_DENIED} (host on the deny list), {@code URL_NOT_ALLOWED} (an allow list is
 * set and the host is not on it), {@code URL_SUSPICIOUS} (IP-literal host, user-info before the
 * host, punycode) and {@code URL} (any other URL, only reported when both lists are empty).
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

    @Override
    public List<Detection> detect(String text) {
        NormalizedText nt = TextNormalizer.normalize(text);
        String s = nt.normalized();
        List<Detection> out = new ArrayList<>();
        String lower = s.toLowerCase(Locale.ROOT);
        int i = 0;
        List<int[]> found = new ArrayList<>();
        while (i < s.length()) {
            int scheme = lower.indexOf("://", i);
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
                hostStart = scheme + 3;
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
                    int[] o = nt.toOriginal(at, end);
                    out.add(new Detection(type, o[0], o[1], 0.95, type.equals("URL") ? Severity.LOW : Severity.MEDIUM));
                }
                found.add(new int[] {at, end});
            }
            i = Math.max(end, hostStart + 1);
        }
        if (denyNames != null) {
            bareDenied(nt, lower, found, out);
            out.sort(java.util.Comparator.comparingInt(Detection::start));
        }
        return out;
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
    private void bareDenied(NormalizedText nt, String lower, List<int[]> found, List<Detection> out) {
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
                int[] o = nt.toOriginal(start, end);
                out.add(new Detection("URL_DENIED", o[0], o[1], 0.9, Severity.MEDIUM));
            }
        }
    }

    /** Where a URL from {@code from} ends: at whitespace, a quote or a bracket, without trailing sentence punctuation. */
    private static int urlEnd(String s, int from) {
        int end = from;
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
