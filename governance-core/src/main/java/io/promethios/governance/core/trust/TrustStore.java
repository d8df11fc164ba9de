package io.promethios.governance.core.trust;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where trust state lives. The {@code governance-trust} module has an in-memory store; a JDBC
 * store follows with persistence.
 *
 * <p><b>Contract.</b> {@link #update} is atomic per subject: concurrent updates of one subject
 * never lose evidence. <b>Threading.</b> Thread-safe; may block on I/O.
 *
 * @since 0.1
 */
public interface TrustStore {

    /** The subject's state, if any evidence was recorded. */
    Optional<TrustState> find(TrustSubject subject);

    /**
     * Atomically replaces the subject's state with {@code change.apply(current)}, where current
     * is {@link TrustState#empty()} for a new subject; returns the new state.
     */
    TrustState update(TrustSubject subject, UnaryOperator<TrustState> change);
}
