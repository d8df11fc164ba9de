package io.promethios.governance.core;

/**
 * The one decision vocabulary used at every enforcement point, ordered from least to most
 * restrictive. Combining decisions is most-restrictive-wins: {@code BLOCK > REQUIRE_APPROVAL >
 * ESCALATE > REASK > TRANSFORM > WARN > ALLOW}.
 *
 * <p>An enum rather than a sealed hierarchy: the set is closed and the ordering (its
 * {@link #ordinal()}) is the combining rule, which callers should not have to re-implement.
 *
 * @since 0.1
 */
public enum Verdict {
    /** Nothing to act on. */
    ALLOW,
    /** Deliver, but record a warning (and count it as mild negative evidence). */
    WARN,
    /** Deliver a rewritten text (redaction); the decision carries the replacements. */
    TRANSFORM,
    /** Output only: ask the agent again with the violation as feedback (bounded attempts). */
    REASK,
    /** Deliver, and flag the turn for review. */
    ESCALATE,
    /** Hold the content until a human approves it. */
    REQUIRE_APPROVAL,
    /** Do not deliver; the turn is kept as blocked without content. */
    BLOCK;

    /** Returns the more restrictive of this verdict and {@code other}. */
    public Verdict max(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether this verdict is strictly more restrictive than {@code other}. */
    public boolean isMoreRestrictiveThan(Verdict other) {
        return ordinal() > other.ordinal();
    }

    /** Whether the content is withheld from the caller ({@link #BLOCK} or {@link #REQUIRE_APPROVAL}). */
    public boolean withholdsContent() {
        return this == BLOCK || this == REQUIRE_APPROVAL;
    }
}
