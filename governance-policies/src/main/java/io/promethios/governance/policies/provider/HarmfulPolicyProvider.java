package io.promethios.governance.policies.provider;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.Severity;

import java.util.EnumSet;

/**
 * Registers the default {@code harmful} policy: action BLOCK, minimum severity HIGH. Order 20.
 *
 * @since 0.1
 */
public final class HarmfulPolicyProvider extends DetectorPolicyProvider {

    public HarmfulPolicyProvider() {
        super("harmful", Action.BLOCK, Severity.HIGH, EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT));
    }

    @Override
    public int order() {
        return 20;
    }
}
