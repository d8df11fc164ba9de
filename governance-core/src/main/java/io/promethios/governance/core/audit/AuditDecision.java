package io.promethios.governance.core.audit;

import io.promethios.governance.core.PolicyDecision;

import java.util.List;
import java.util.Objects;

/**
 * A policy decision as the audit trail keeps it.
 *
 * @param policyId      the policy
 * @param policyVersion the version in force
 * @param point         the enforcement point
 * @param verdict       the verdict
 * @param reason        the reason (never user content)
 * @param findings      finding types with spans, {@code TYPE[start,end)} or {@code TYPE}
 * @since 0.1
 */
public record AuditDecision(String policyId, String policyVersion, String point, String verdict, String reason, List<String> findings) {

    public AuditDecision {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        findings = List.copyOf(findings);
    }

    public static AuditDecision of(PolicyDecision d) {
        List<String> f = new java.util.ArrayList<>(d.findings().size());
        for (var x : d.findings()) {
            f.add(x.hasSpan() ? x.type() + "[" + x.start() + "," + x.end() + ")" : x.type());
        }
        return new AuditDecision(d.policyId(), d.policyVersion(), d.point() == null ? "" : d.point().name(), d.verdict().name(),
                d.reason(), f);
    }
}
