package io.promethios.governance.core.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of evidence about a trust subject.
 *
 * @param kind   what happened
 * @param weight how much it counts; finite and &gt; 0 (a BLOCK typically weighs more than a WARN)
 * @param reason short reason without user content (for example the policy id)
 * @param at     when it happened
 * @since 0.1
 */
public record Evidence(EvidenceKind kind, double weight, String reason, Instant at) {

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
        if (!Double.isFinite(weight) || weight <= 0.0) {
            throw new IllegalArgumentException("evidence weight must be finite and > 0, but was " + weight);
        }
    }

    public static Evidence of(EvidenceKind kind, double weight, String reason, Instant at) {
        return new Evidence(kind, weight, reason, at);
    }
}
