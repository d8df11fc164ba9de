package io.promethios.governance.core.policy;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.Finding;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Acts on text longer than a limit, in code points: at OUTPUT a REASK (ask for a shorter
 * answer) by default, at other points a BLOCK.
 *
 * @since 0.1
 */
public final class MaxLengthPolicy implements Policy {

    private final String id;
    private final int maxCodePoints;
    private final Set<EnforcementPoint> points;

    /**
     * @throws IllegalArgumentException if {@code maxCodePoints <= 0} or no points are given
     */
    public MaxLengthPolicy(String id, int maxCodePoints, Set<EnforcementPoint> points) {
        this.id = Objects.requireNonNull(id, "id");
        Objects.requireNonNull(points, "points");
        if (maxCodePoints <= 0) {
            throw new IllegalArgumentException("maxCodePoints must be > 0, but was " + maxCodePoints);
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("points must not be empty");
        }
        this.maxCodePoints = maxCodePoints;
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
        String t = context.text();
        // chars >= code points, so a short text is accepted without counting
        if (t.length() <= maxCodePoints) {
            return allow();
        }
        int n = t.codePointCount(0, t.length());
        if (n <= maxCodePoints) {
            return allow();
        }
        Verdict v = context.point() == EnforcementPoint.OUTPUT ? Verdict.REASK : Verdict.BLOCK;
        return PolicyDecision.of(v, id, "text has " + n + " code points, the limit is " + maxCodePoints,
                List.of(Finding.of("length", 1.0)));
    }
}
