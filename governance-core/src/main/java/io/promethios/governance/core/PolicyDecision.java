package io.promethios.governance.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one policy decided at one enforcement point.
 *
 * <p>Policies build decisions with the static factories ({@link #allow(String)},
 * {@link #block(String, String, List)}, {@link #transform(String, String, List, List)}, ...).
 * The policy engine then stamps the policy's version, the enforcement point and the time the
 * evaluation took ({@link #stamped(String, EnforcementPoint, Duration)}), so every decision that
 * leaves the pipeline carries policy id, version, findings, reason and duration.
 *
 * @param verdict       the verdict
 * @param policyId      id of the deciding policy
 * @param policyVersion version of the policy in force; {@code ""} until stamped
 * @param point         where it was decided; {@code null} only before the engine stamps it
 * @param findings      what was found (never the matched text)
 * @param replacements  for {@link Verdict#TRANSFORM}: the rewrite, relative to the evaluated text
 * @param reason        human-readable reason; never contains user content
 * @param duration      evaluation time; {@link Duration#ZERO} until stamped
 * @param risk          the policy's estimate, in [0,1], that the text is what it guards against,
 *                      where it has one (a classifier's probability below its threshold, say);
 *                      0 otherwise. On an allowed turn the pipeline's clean-turn trust evidence
 *                      counts {@code 1 − risk²/4} (risk: the highest of the turn's trust-evidence
 *                      decisions), so content that came close to a detector's threshold earns a
 *                      little less trust than plainly clean content. It never changes a verdict.
 * @since 0.1
 */
public record PolicyDecision(
        Verdict verdict,
        String policyId,
        String policyVersion,
        EnforcementPoint point,
        List<Finding> findings,
        List<Replacement> replacements,
        String reason,
        Duration duration,
        double risk) {

    public PolicyDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(policyId, "policyId");
        policyVersion = policyVersion == null ? "" : policyVersion;
        findings = findings == null ? List.of() : List.copyOf(findings);
        replacements = replacements == null ? List.of() : List.copyOf(replacements);
        reason = reason == null ? "" : reason;
        duration = duration == null ? Duration.ZERO : duration;
        if (verdict == Verdict.TRANSFORM && replacements.isEmpty()) {
            throw new IllegalArgumentException("a TRANSFORM decision of policy '" + policyId + "' needs at least one replacement");
        }
        if (verdict != Verdict.TRANSFORM && !replacements.isEmpty()) {
            throw new IllegalArgumentException("only a TRANSFORM decision may carry replacements, but policy '"
                    + policyId + "' returned " + verdict);
        }
        if (!(risk >= 0.0 && risk <= 1.0)) {
            throw new IllegalArgumentException("risk of policy '" + policyId + "' must be in [0,1], but was " + risk);
        }
    }

    /** A decision without a risk estimate (risk 0). */
    public PolicyDecision(Verdict verdict, String policyId, String policyVersion, EnforcementPoint point, List<Finding> findings,
                          List<Replacement> replacements, String reason, Duration duration) {
        this(verdict, policyId, policyVersion, point, findings, replacements, reason, duration, 0.0);
    }

    public static PolicyDecision allow(String policyId) {
        return of(Verdict.ALLOW, policyId, "", List.of());
    }

    /**
     * Allows, with the policy's estimate that the text is nonetheless what it guards against.
     *
     * @param risk in [0,1]
     * @throws IllegalArgumentException if {@code risk} is NaN or outside [0,1]
     * @since 0.1
     */
    public static PolicyDecision allow(String policyId, double risk) {
        return new PolicyDecision(Verdict.ALLOW, policyId, "", null, List.of(), List.of(), "", Duration.ZERO, risk);
    }

    public static PolicyDecision warn(String policyId, String reason, List<Finding> findings) {
        return of(Verdict.WARN, policyId, reason, findings);
    }

    public static PolicyDecision block(String policyId, String reason, List<Finding> findings) {
        return of(Verdict.BLOCK, policyId, reason, findings);
    }

    public static PolicyDecision reask(String policyId, String reason, List<Finding> findings) {
        return of(Verdict.REASK, policyId, reason, findings);
    }

    public static PolicyDecision escalate(String policyId, String reason, List<Finding> findings) {
        return of(Verdict.ESCALATE, policyId, reason, findings);
    }

    public static PolicyDecision requireApproval(String policyId, String reason, List<Finding> findings) {
        return of(Verdict.REQUIRE_APPROVAL, policyId, reason, findings);
    }

    public static PolicyDecision transform(String policyId, String reason, List<Finding> findings, List<Replacement> replacements) {
        return new PolicyDecision(Verdict.TRANSFORM, policyId, "", null, findings, replacements, reason, Duration.ZERO);
    }

    /** A decision with {@code verdict} and no replacements. Use {@link #transform} for TRANSFORM. */
    public static PolicyDecision of(Verdict verdict, String policyId, String reason, List<Finding> findings) {
        return new PolicyDecision(verdict, policyId, "", null, findings, List.of(), reason, Duration.ZERO);
    }

    /** A copy with the version, enforcement point and duration set by the policy engine. */
    public PolicyDecision stamped(String version, EnforcementPoint at, Duration took) {
        return new PolicyDecision(verdict, policyId, version, at, findings, replacements, reason, took, risk);
    }

    /** Whether this decision is anything but {@link Verdict#ALLOW}. */
    public boolean isViolation() {
        return verdict != Verdict.ALLOW;
    }
}
