package io.promethios.governance.policies.provider;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.Severity;

import java.util.EnumSet;

/**
 * Registers the default {@code injection} policy: action BLOCK, minimum severity MEDIUM, as
 * {@link io.promethios.governance.policies.Policies#injectionBlock()}. Order 10.
 *
 * @since 0.1
 */
public final class InjectionPolicyProvider extends DetectorPolicyProvider {

    public InjectionPolicyProvider() {
        super("injection", Action.BLOCK, Severity.MEDIUM, EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING));
    }

    @Override
    public int order() {
        return 10;
    }
}
