package io.promethios.governance.core.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Last sequence and hash per session; callers synchronize. */
final class ChainHeads {
    private final Map<String, long[]> sequences = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();

    /** Seals {@code drafts} after the current heads without changing them. */
    List<AuditRecord> seal(List<AuditRecord> drafts) {
        Map<String, String> pendingHash = new HashMap<>();
        Map<String, Long> pendingSeq = new HashMap<>();
        List<AuditRecord> out = new java.util.ArrayList<>(drafts.size());
        for (AuditRecord d : drafts) {
            if (d.isSealed()) {
                throw new IllegalArgumentException("record " + d.sessionId() + "#" + d.sequence() + " is already sealed");
            }
            String sid = d.sessionId();
            long seq = pendingSeq.containsKey(sid) ? pendingSeq.get(sid) : lastSequence(sid);
            String prev = pendingHash.containsKey(sid) ? pendingHash.get(sid) : lastHash(sid);
            AuditRecord sealed = d.seal(seq + 1, prev);
            pendingSeq.put(sid, seq + 1);
            pendingHash.put(sid, sealed.hash());
            out.add(sealed);
        }
        return out;
    }

    /** Moves the heads past {@code sealed} records. */
    void advance(List<AuditRecord> sealed) {
        for (AuditRecord r : sealed) {
            sequences.computeIfAbsent(r.sessionId(), k -> new long[1])[0] = r.sequence();
            hashes.put(r.sessionId(), r.hash());
        }
    }

    long lastSequence(String sessionId) {
        long[] s = sequences.get(sessionId);
        return s == null ? 0 : s[0];
    }

    String lastHash(String sessionId) {
        return hashes.getOrDefault(sessionId, AuditChain.GENESIS);
    }
}
