package io.promethios.governance.core.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps audit records in memory, unbounded: for tests and short-lived processes. Use
 * {@link JsonLinesAuditSink} (the embedded default of the demo) or the JDBC sink to keep them.
 *
 * @since 0.1
 */
public final class InMemoryAuditSink implements AuditSink {

    private final ChainHeads heads = new ChainHeads();
    private final Map<String, List<AuditRecord>> bySession = new HashMap<>();
    private final List<AuditRecord> all = new ArrayList<>();

    @Override
    public synchronized List<AuditRecord> append(List<AuditRecord> drafts) {
        Objects.requireNonNull(drafts, "drafts");
        List<AuditRecord> sealed = heads.seal(drafts);
        heads.advance(sealed);
        for (AuditRecord r : sealed) {
            bySession.computeIfAbsent(r.sessionId(), k -> new ArrayList<>()).add(r);
            all.add(r);
        }
        return sealed;
    }

    @Override
    public synchronized List<AuditRecord> records(String sessionId) {
        return List.copyOf(bySession.getOrDefault(sessionId, List.of()));
    }

    /** Every record of every session, in append order. */
    public synchronized List<AuditRecord> allRecords() {
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "InMemoryAuditSink";
    }
}
