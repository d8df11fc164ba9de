package io.promethios.governance.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps audit records in memory, unbounded: for tests and short-lived processes. Use
 * {@link JsonLinesAuditSink} (the embedded default of the demo) or the JDBC sink to keep them.
 * Sessions are sealed in parallel; one session's appends are serialized.
 *
 * @since 0.1
 */
public final class InMemoryAuditSink implements AuditSink {

    private final ChainHeads heads = new ChainHeads();
    private final Map<String, List<AuditRecord>> bySession = new ConcurrentHashMap<>();
    private final List<AuditRecord> all = new ArrayList<>();

    @Override
    public List<AuditRecord> append(List<AuditRecord> drafts) {
        Objects.requireNonNull(drafts, "drafts");
        List<AuditChain.Sealed> sealed = heads.append(drafts, false, batch -> {
            for (AuditChain.Sealed s : batch) {
                List<AuditRecord> chain = bySession.get(s.record().sessionId());
                if (chain == null) {
                    chain = bySession.computeIfAbsent(s.record().sessionId(), k -> new ArrayList<>());
                }
                synchronized (chain) {
                    chain.add(s.record());
                }
            }
            synchronized (all) {
                for (AuditChain.Sealed s : batch) {
                    all.add(s.record());
                }
            }
        });
        List<AuditRecord> out = new ArrayList<>(sealed.size());
        for (AuditChain.Sealed s : sealed) {
            out.add(s.record());
        }
        return out;
    }

    @Override
    public List<AuditRecord> records(String sessionId) {
        List<AuditRecord> chain = bySession.get(sessionId);
        if (chain == null) {
            return List.of();
        }
        synchronized (chain) {
            return List.copyOf(chain);
        }
    }

    /** Every record of every session, in append order. */
    public List<AuditRecord> allRecords() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public String toString() {
        return "InMemoryAuditSink";
    }
}
