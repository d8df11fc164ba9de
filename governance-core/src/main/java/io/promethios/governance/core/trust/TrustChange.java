package io.promethios.governance.core.trust;

import java.util.Objects;

/**
 * The effect of one piece of evidence: the score before and after.
 *
 * @since 0.1
 */
public record TrustChange(TrustSubject subject, TrustScore before, TrustScore after, Evidence evidence) {

    public TrustChange {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** {@code after.score() - before.score()}. */
    public double delta() {
        return after.score() - before.score();
    }
}
