package io.promethios.governance.policies.provider;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.Severity;

import java.util.EnumSet;

/**
 * Registers the {@code harmful-warn} policy over the {@code harmful} detector: action WARN,
 * minimum severity MEDIUM, as {@link io.promethios.governance.policies.Policies#harmfulWarn()}.
 * Order 21, just after {@code harmful}.
 *
 * @since 0.1
 */
public final class HarmfulWarnPolicyProvider extends DetectorPolicyProvider {

    public HarmfulWarnPolicyProvider() {
        super("harmful-warn", "harmful", Action.WARN, Severity.MEDIUM, EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT));
    }

    @Override
    public int order() {
        return 21;
    }
}
