package io.promethios.governance.examples;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.policy.MaxLengthPolicy;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.policies.Policies;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The policy set the demo runs with: the governance-policies defaults (secrets and PII
 * redaction, injection and harmful-request blocking) and an answer-length limit that re-asks.
 */
public final class DemoPolicies {
    private DemoPolicies() {
    }

    public static List<Policy> create() {
        List<Policy> all = new ArrayList<>(Policies.defaults());
        all.add(new MaxLengthPolicy("answer-length", 2_000, EnumSet.of(EnforcementPoint.OUTPUT)));
        return List.copyOf(all);
    }
}
