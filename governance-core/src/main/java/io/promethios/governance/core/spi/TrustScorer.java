package io.promethios.governance.core.spi;

import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustSubject;

import java.time.Instant;

/**
 * Assesses and updates trust for users, agents, conversations and the system.
 *
 * <p><b>Threading.</b> Called concurrently; concurrent {@link #record} calls for one subject
 * must not lose evidence. Both methods are on the hot path of every turn and must not block.
 * <b>Exceptions</b> fail the turn.
 *
 * @since 0.1
 */
public interface TrustScorer {

    /** The current score of {@code subject}; {@link TrustScore#unknown()} when nothing is known. */
    TrustScore score(TrustSubject subject);

    /**
     * The score of {@code subject} as of {@code at}, the turn's time as the pipeline read it from its
     * clock once for the whole trust snapshot. A scorer that decays with time may use {@code at}
     * instead of reading its own clock on every call; the default ignores it and calls
     * {@link #score(TrustSubject)}.
     *
     * @since 0.1
     */
    default TrustScore score(TrustSubject subject, Instant at) {
        return score(subject);
    }

    /** Learns from one piece of evidence and returns the score before and after. */
    TrustChange record(TrustSubject subject, Evidence evidence);
}
