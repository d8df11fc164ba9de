package io.promethios.governance.policies.provider;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.Severity;

import java.util.EnumSet;

/**
 * Registers the {@code injection-warn} policy over the {@code injection} detector: action WARN,
 * minimum severity LOW, as {@link io.promethios.governance.policies.Policies#injectionWarn()}.
 * Order 11, just after {@code injection}.
 *
 * @since 0.1
 */
public final class InjectionWarnPolicyProvider extends DetectorPolicyProvider {

    public InjectionWarnPolicyProvider() {
        super("injection-warn", "injection", Action.WARN, Severity.LOW, EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING));
    }

    @Override
    public int order() {
        return 11;
    }
}
