package io.promethios.governance.core.trust;

/**
 * Kinds of evidence a {@link io.promethios.governance.core.spi.TrustScorer} learns from, each
 * either positive or negative.
 *
 * @since 0.1
 */
public enum EvidenceKind {
    /** A turn that passed every policy. */
    CLEAN_TURN(false),
    /** A policy decided WARN or worse against the subject's content. */
    POLICY_VIOLATION(true),
    /** The observer raised an intervention. */
    OBSERVER_FINDING(true),
    /** A human reviewer cleared earlier negative evidence. */
    REVIEW_CLEARED(false),
    /** A human reviewer confirmed a problem. */
    REVIEW_CONFIRMED(true),
    /** Positive user feedback. */
    FEEDBACK_POSITIVE(false),
    /** Negative user feedback. */
    FEEDBACK_NEGATIVE(true),
    /** The agent failed (error or malformed answer). */
    AGENT_ERROR(true),
    /** The agent timed out. */
    AGENT_TIMEOUT(true);

    private final boolean negative;

    EvidenceKind(boolean negative) {
        this.negative = negative;
    }

    /** Whether this kind lowers trust. */
    public boolean isNegative() {
        return negative;
    }
}
