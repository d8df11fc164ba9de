package io.promethios.governance.core.policy;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.Finding;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Replacement;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every match of a regular expression with a type tag such as {@code [EMAIL]}: a
 * TRANSFORM decision, so only the redacted text travels on.
 *
 * <p>Limitations: {@link java.util.regex} has no step budget; use only patterns you wrote and
 * trust (no nested quantifiers over overlapping classes). The {@code governance-policies}
 * module has validated detectors for PII and secrets.
 *
 * @since 0.1
 */
public final class RegexRedactionPolicy implements Policy {

    private final String id;
    private final String type;
    private final Pattern pattern;
    private final String tag;
    private final Set<EnforcementPoint> points;

    /** Applies at INPUT and OUTPUT. */
    public RegexRedactionPolicy(String id, String type, Pattern pattern) {
        this(id, type, pattern, EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT));
    }

    /**
     * @throws IllegalArgumentException if {@code type} is blank or {@code points} is empty
     */
    public RegexRedactionPolicy(String id, String type, Pattern pattern, Set<EnforcementPoint> points) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(points, "points");
        if (type.isBlank()) {
            throw new IllegalArgumentException("type must not be blank");
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points must not be empty");
        }
        this.tag = "[" + type + "]";
        this.points = EnumSet.copyOf(points);
    }

    /** Redacts e-mail addresses as {@code [EMAIL]}. */
    public static RegexRedactionPolicy emails() {
        return new RegexRedactionPolicy("email-redaction", "EMAIL",
                Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
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
        Matcher m = pattern.matcher(context.text());
        List<Finding> findings = null;
        List<Replacement> replacements = null;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            if (findings == null) {
                findings = new ArrayList<>(2);
                replacements = new ArrayList<>(2);
            }
            findings.add(Finding.at(type, m.start(), m.end(), 1.0));
            replacements.add(Replacement.of(m.start(), m.end(), tag));
        }
        return findings == null ? allow()
                : PolicyDecision.transform(id, "redacted " + findings.size() + " " + type, findings, replacements);
    }
}
