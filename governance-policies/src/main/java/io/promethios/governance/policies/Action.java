package io.promethios.governance.policies;

import io.promethios.governance.core.Verdict;

/**
 * What a {@link DetectorPolicy} does when its detector finds something.
 *
 * @since 0.1
 */
public enum Action {
    /** Record a warning; deliver unchanged. */
    WARN(Verdict.WARN),
    /** Rewrite every finding with the policy's {@link RedactionOperator} (a TRANSFORM). */
    REDACT(Verdict.TRANSFORM),
    /** Output only: ask the agent again. */
    REASK(Verdict.REASK),
    /** Deliver and open a review. */
    ESCALATE(Verdict.ESCALATE),
    /** Hold until a human approves. */
    REQUIRE_APPROVAL(Verdict.REQUIRE_APPROVAL),
    /** Do not deliver. */
    BLOCK(Verdict.BLOCK);

    private final Verdict verdict;

    Action(Verdict verdict) {
        this.verdict = verdict;
    }

    /** The verdict this action produces. */
    public Verdict verdict() {
        return verdict;
    }

    /** Parses {@code block}, {@code redact}, {@code require-approval}, ... case-insensitively. */
    public static Action parse(String s) {
        String n = s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Action a : values()) {
            if (a.name().equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown action '" + s + "', expected one of warn, redact, reask, escalate, require-approval, block");
    }
}
