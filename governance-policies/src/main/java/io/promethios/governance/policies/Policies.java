package io.promethios.governance.policies;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.spi.Policy;

import java.util.List;

/**
 * Ready-made policies built on the default detectors.
 *
 * @since 0.1
 */
public final class Policies {

    private Policies() {
    }

    /** PII redacted with type tags at INPUT, PROCESSING and OUTPUT. */
    public static DetectorPolicy piiRedaction() {
        return DetectorPolicy.builder("pii", Detectors.pii()).action(Action.REDACT)
                .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING, EnforcementPoint.OUTPUT).build();
    }

    /** Secrets redacted with type tags at INPUT, PROCESSING and OUTPUT. */
    public static DetectorPolicy secretsRedaction() {
        return DetectorPolicy.builder("secrets", Detectors.secrets()).action(Action.REDACT)
                .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING, EnforcementPoint.OUTPUT).build();
    }

    /** Prompt injection of MEDIUM severity or worse blocked at INPUT and PROCESSING. */
    public static DetectorPolicy injectionBlock() {
        return DetectorPolicy.builder("injection", Detectors.injection()).action(Action.BLOCK).minSeverity(Severity.MEDIUM)
                .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING).build();
    }

    /**
     * Weak injection signals (LOW: the classifier alone on a text of fewer than 16 words, "insert your prompt here",
     * "repeat this 100 times") delivered with a warning at INPUT and PROCESSING: such a text is as often a formatting
     * request ("From now on, please answer in bullet points.") as an attack, so it lowers trust without a refusal.
     */
    public static DetectorPolicy injectionWarn() {
        return DetectorPolicy.builder("injection-warn", Detectors.injection()).action(Action.WARN).minSeverity(Severity.LOW)
                .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING).build();
    }

    /** Harmful requests of HIGH severity or worse blocked at INPUT and OUTPUT. */
    public static DetectorPolicy harmfulBlock() {
        return DetectorPolicy.builder("harmful", Detectors.harmful()).action(Action.BLOCK).minSeverity(Severity.HIGH)
                .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT).build();
    }

    /**
     * Harmful requests of MEDIUM severity (crime, cyber abuse, sexual content, privacy abuse, and the
     * classifier's {@code LIKELY_HARMFUL}) delivered with a warning at INPUT and OUTPUT. A warning is
     * weaker negative trust evidence than a block, so repeated medium findings lower a user's trust
     * without refusing a request that may be benign.
     */
    public static DetectorPolicy harmfulWarn() {
        return DetectorPolicy.builder("harmful-warn", Detectors.harmful()).action(Action.WARN).minSeverity(Severity.MEDIUM)
                .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT).build();
    }

    /**
     * The agent's own system prompt enforced at INPUT: a turn that asks about a topic the session's
     * system prompt forbids, or for a secret or personal data it protects, is blocked. Sessions
     * without a system prompt are allowed. Not in {@link #defaults()}: its measured false-positive
     * rate (benign questions paired with unrelated system prompts, at most 1.9% on either half) meets
     * the 2% target, but that pairing rarely puts a benign question next to a prompt of its own domain,
     * where a word test is most likely to block a legitimate question (see the module README).
     */
    public static RestrictionsPolicy restrictionsBlock() {
        return RestrictionsPolicy.builder("restrictions").action(Action.BLOCK).build();
    }

    /**
     * The default set: secrets and PII redaction, injection blocking (MEDIUM and worse) and warning (LOW),
     * harmful-request blocking (HIGH and worse) and warning (MEDIUM).
     */
    public static List<Policy> defaults() {
        return List.of(secretsRedaction(), piiRedaction(), injectionBlock(), injectionWarn(), harmfulBlock(), harmfulWarn());
    }
}
