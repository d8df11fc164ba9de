package io.promethios.governance.core;

import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@link io.promethios.governance.core.spi.Stage} can see of the turn in progress.
 *
 * <p>One context exists per turn and is confined to the thread running that turn; it is not
 * thread-safe and must not be kept after the turn.
 *
 * @since 0.1
 */
public interface GovernanceContext {

    /** The session as it was when the turn started (its history excludes this turn). */
    ChatSession session();

    /** The 1-based number of this turn within its session. */
    long turn();

    /** When the turn started. */
    Instant startedAt();

    /** Every policy decision made so far in this turn, in the order made. */
    List<PolicyDecision> decisions();

    /** The trust the turn is governed under (assessed on first use). */
    TrustSnapshot trust();

    /** Scratch space for custom stages, cleared with the turn. */
    Map<String, Object> attributes();
}
