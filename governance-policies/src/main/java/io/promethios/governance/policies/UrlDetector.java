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
 * {@code www.} URLs; hosts are lower-cased and IDN-decoded before comparison.
 *
 * <p>Types: {@code URL_DENIED} (host on the deny list), {@code URL_NOT_ALLOWED} (an allow list is
 * set and the host is not on it), {@code URL_SUSPICIOUS} (IP-literal host, user-info before the
 * host, punycode) and {@code URL} (any other URL, only reported when both lists are empty).
 */
final class UrlDetector implements Detector {

    private final Set<String> allow;
    private final Set<String> deny;

    UrlDetector(Set<String> allow, Set<String> deny) {
        this.allow = lower(allow);
        this.deny = lower(deny);
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
        while (i < s.length()) {
            int scheme = lower.indexOf("://", i);
            int www = lower.indexOf("www.", i);
            int at;
            int hostStart;
            if (scheme < 0 && www < 0) {
                break;
            }
            if (scheme >= 0 && (www < 0 || scheme < www)) {
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
            int end = hostStart;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "\"'<>()[]{}`".indexOf(s.charAt(end)) < 0) {
                end++;
            }
            while (end > hostStart && ".,;:!?".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
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
            }
            i = Math.max(end, hostStart + 1);
        }
        return out;
    }

    private static int indexOfAny(String s, String chars) {
        for (int k = 0; k < s.length(); k++) {
            if (chars.indexOf(s.charAt(k)) >= 0) {
                return k;
            }
        }
        return -1;
    }

    private String classify(String host, boolean userInfo) {
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
