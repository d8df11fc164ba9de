package io.promethios.governance.policies.provider;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.Severity;

import java.util.EnumSet;

/**
 * Registers the default {@code secrets} policy: action REDACT, minimum severity LOW. Order -10.
 *
 * @since 0.1
 */
public final class SecretsPolicyProvider extends DetectorPolicyProvider {

    public SecretsPolicyProvider() {
        super("secrets", Action.REDACT, Severity.LOW, EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING, EnforcementPoint.OUTPUT));
    }

    @Override
    public int order() {
        return -10;
    }
}
