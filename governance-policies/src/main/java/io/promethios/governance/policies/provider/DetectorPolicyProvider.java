package io.promethios.governance.policies.provider;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyProvider;
import io.promethios.governance.core.spi.ProviderConfig;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.DetectorPolicy;
import io.promethios.governance.policies.Detectors;
import io.promethios.governance.policies.RedactionOperator;
import io.promethios.governance.policies.Severity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

/**
 * Base of the built-in providers: a default policy for one detector, adjustable with provider
 * properties {@code <name>.action}, {@code <name>.redaction}, {@code <name>.min-severity},
 * {@code <name>.points} (comma-separated enforcement points).
 *
 * @since 0.1
 */
public abstract class DetectorPolicyProvider implements PolicyProvider {

    private final String name;
    private final String detector;
    private final Action action;
    private final Severity minSeverity;
    private final EnumSet<EnforcementPoint> points;

    protected DetectorPolicyProvider(String name, Action action, Severity minSeverity, EnumSet<EnforcementPoint> points) {
        this(name, name, action, minSeverity, points);
    }

    /** A provider whose policy name differs from its detector's (two policies over one detector). */
    protected DetectorPolicyProvider(String name, String detector, Action action, Severity minSeverity, EnumSet<EnforcementPoint> points) {
        this.name = name;
        this.detector = detector;
        this.action = action;
        this.minSeverity = minSeverity;
        this.points = points;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Policy create(ProviderConfig config) {
        DetectorPolicy.Builder b = DetectorPolicy.builder(name, Detectors.create(detector, Map.of()))
                .action(config.get(name + ".action").map(Action::parse).orElse(action))
                .minSeverity(config.get(name + ".min-severity").map(Severity::parse).orElse(minSeverity))
                .enforcementPoints(points);
        config.get(name + ".redaction").ifPresent(r -> b.redaction(RedactionOperator.parse(r, null, "")));
        config.get(name + ".points").ifPresent(p -> {
            EnumSet<EnforcementPoint> set = EnumSet.noneOf(EnforcementPoint.class);
            for (String s : p.split(",")) {
                set.add(EnforcementPoint.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            }
            b.enforcementPoints(set);
        });
        return b.build();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
