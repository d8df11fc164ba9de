package io.promethios.governance.policies.provider;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.spi.PolicyProvider;
import io.promethios.governance.core.spi.ProviderConfig;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.policies.doc.PolicyDirectory;
import io.promethios.governance.policies.doc.PolicyDocuments;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Registers the policies of a document directory named by the provider property
 * {@code policy-documents.directory} as one composite policy (most-restrictive decision wins).
 * Without the property it creates a policy that allows everything. Invalid documents fail at
 * creation, naming file, line, column and field.
 *
 * @since 0.1
 */
public final class PolicyDocumentsProvider implements PolicyProvider {

    @Override
    public String name() {
        return "policy-documents";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Policy create(ProviderConfig config) {
        List<Policy> policies = config.get("policy-documents.directory")
                .map(d -> PolicyDirectory.open(Path.of(d), PolicyDocuments.loader()).policies())
                .orElse(List.of());
        return new Policy() {
            @Override
            public String id() {
                return "policy-documents";
            }

            @Override
            public String version() {
                // the versions in force of every inner policy, so decisions still record them
                StringBuilder sb = new StringBuilder();
                for (Policy p : policies) {
                    sb.append(sb.length() == 0 ? "" : ",").append(p.id()).append('@').append(p.version());
                }
                return sb.length() == 0 ? "1" : sb.toString();
            }

            @Override
            public Set<EnforcementPoint> enforcementPoints() {
                return EnumSet.allOf(EnforcementPoint.class);
            }

            @Override
            public PolicyDecision evaluate(PolicyContext context) {
                PolicyDecision worst = allow();
                for (Policy p : policies) {
                    if (!p.enforcementPoints().contains(context.point())) {
                        continue;
                    }
                    PolicyDecision d = p.evaluate(context);
                    if (d.verdict().isMoreRestrictiveThan(worst.verdict()) && d.verdict() != Verdict.TRANSFORM) {
                        worst = d;
                    } else if (d.verdict() == Verdict.TRANSFORM && worst.verdict() == Verdict.ALLOW) {
                        worst = d; // only the first transform is kept; register policies individually to compose them
                    }
                }
                return worst;
            }
        };
    }
}
