package io.promethios.governance.core.audit;

import java.util.List;

/**
 * Where audit records go. The sink owns the chains: it assigns each draft its sequence and
 * previous hash and computes its hash, so several writers never fork a session's chain.
 *
 * <p><b>Contract</b> (proved for every implementation by the {@code AuditSinkContractTest} kit
 * in core's test-jar): {@link #append} is atomic (all drafts of a call are stored, or none and
 * it throws); records are never changed or removed; {@link #records} returns a session's chain
 * in order.
 *
 * <p><b>Threading.</b> Thread-safe; may block on I/O. <b>Exceptions</b>: a failed append throws
 * (wrap I/O failures in {@link io.promethios.governance.core.AuditException}); by default the
 * pipeline then fails the turn.
 *
 * @since 0.1
 */
public interface AuditSink extends AutoCloseable {

    /**
     * Seals and stores {@code drafts} in order; returns the sealed records.
     *
     * @throws io.promethios.governance.core.AuditException if they could not be stored
     */
    List<AuditRecord> append(List<AuditRecord> drafts);

    /** The session's chain in sequence order (empty if none). */
    List<AuditRecord> records(String sessionId);

    /** Releases resources (files, connections). The default does nothing. */
    @Override
    default void close() {
    }
}
