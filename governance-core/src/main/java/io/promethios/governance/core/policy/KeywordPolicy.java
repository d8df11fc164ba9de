package io.promethios.governance.core.policy;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.Finding;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Blocks text containing any of a few phrases (case-insensitive, whole words). A simple policy
 * for small lists; {@code governance-policies} has a one-pass matcher for lists of any size
 * with evasion normalization.
 *
 * <p>Limitations: no normalization of look-alike characters or spacing tricks; each phrase is
 * searched separately, so cost grows with the list.
 *
 * @since 0.1
 */
public final class KeywordPolicy implements Policy {

    private final String id;
    private final List<String> phrases;
    private final Set<EnforcementPoint> points;

    /**
     * A policy applied at INPUT and OUTPUT.
     *
     * @throws IllegalArgumentException if {@code phrases} is empty or has a blank phrase
     */
    public KeywordPolicy(String id, List<String> phrases) {
        this(id, phrases, EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT));
    }

    public KeywordPolicy(String id, List<String> phrases, Set<EnforcementPoint> points) {
        this.id = Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phrases, "phrases");
        Objects.requireNonNull(points, "points");
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("phrases must not be empty");
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points must not be empty");
        }
        List<String> lower = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("phrases must not contain null or blank entries");
            }
            lower.add(p.toLowerCase(Locale.ROOT));
        }
        this.phrases = List.copyOf(lower);
        this.points = EnumSet.copyOf(points);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<EnforcementPoint> enforcementPoints() {
        return points;
    }

    @Override
    public PolicyDecision evaluate(PolicyContext context) {
        String text = context.text().toLowerCase(Locale.ROOT);
        List<Finding> found = null;
        for (String p : phrases) {
            int from = 0;
            int at;
            while ((at = text.indexOf(p, from)) >= 0) {
                if (boundary(text, at - 1) && boundary(text, at + p.length())) {
                    if (found == null) {
                        found = new ArrayList<>(2);
                    }
                    // offsets in the lower-cased text equal the original's for all but a few scripts
                    found.add(Finding.at("keyword", at, at + p.length(), 1.0));
                    break;
                }
                from = at + 1;
            }
        }
        return found == null ? allow() : block("text contains " + found.size() + " listed phrase(s)", found);
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    @Override
    public String toString() {
        return "KeywordPolicy[id=" + id + ", phrases=" + phrases.size() + "]";
    }
}
