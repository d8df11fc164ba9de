package io.promethios.governance.benchmarks;

import io.promethios.governance.core.audit.AuditChain;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.audit.AuditSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seals every record into its session's hash chain exactly as
 * {@link io.promethios.governance.core.audit.InMemoryAuditSink} does (sequence, previous hash,
 * SHA-256 of the canonical JSON, under one lock), but keeps only each chain's head instead of
 * every record. Turn benchmarks run millions of turns; with the unbounded in-memory sink the heap
 * would grow by several KB per turn and the measurement would drift into GC of retained data.
 * The append benchmark measures the real sinks.
 */
final class RetentionFreeAuditSink implements AuditSink {

    /** A chain head: last sequence and hash. */
    private record Head(long sequence, String hash) {
    }

    private final Map<String, Head> heads = new HashMap<>();

    @Override
    public synchronized List<AuditRecord> append(List<AuditRecord> drafts) {
        Objects.requireNonNull(drafts, "drafts");
        List<AuditRecord> sealed = new ArrayList<>(drafts.size());
        Map<String, Head> pending = new HashMap<>();
        for (AuditRecord d : drafts) {
            Head head = pending.containsKey(d.sessionId()) ? pending.get(d.sessionId()) : heads.get(d.sessionId());
            AuditRecord s = head == null ? d.seal(1, AuditChain.GENESIS) : d.seal(head.sequence() + 1, head.hash());
            pending.put(d.sessionId(), new Head(s.sequence(), s.hash()));
            sealed.add(s);
        }
        heads.putAll(pending);
        return sealed;
    }

    @Override
    public synchronized List<AuditRecord> records(String sessionId) {
        // only heads are kept: this sink cannot return a chain
        return List.of();
    }
}
