package io.promethios.governance.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Chain heads (last sequence and hash) per session, each with its own lock, so sessions are
 * sealed (hashed) in parallel while one session's chain never forks.
 */
final class ChainHeads {

    static final class Head {
        final ReentrantLock lock = new ReentrantLock();
        long sequence;
        String hash = AuditChain.GENESIS;
    }

    private final ConcurrentHashMap<String, Head> heads = new ConcurrentHashMap<>();

    /**
     * Locks the heads of every session in {@code drafts} (in id order, so two batches never
     * deadlock), seals the drafts after them, hands the sealed records to {@code store} (which
     * persists them or throws), and only then moves the heads. Returns the sealed records.
     */
    List<AuditChain.Sealed> append(List<AuditRecord> drafts, boolean withLines, Consumer<List<AuditChain.Sealed>> store) {
        if (!drafts.isEmpty() && oneSession(drafts)) {
            return appendOneSession(drafts, withLines, store);
        }
        TreeMap<String, Head> locked = new TreeMap<>();
        for (AuditRecord d : drafts) {
            if (d.isSealed()) {
                throw new IllegalArgumentException("record " + d.sessionId() + "#" + d.sequence() + " is already sealed");
            }
            locked.computeIfAbsent(d.sessionId(), this::head);
        }
        List<Head> acquired = new ArrayList<>(locked.size());
        try {
            for (Head h : locked.values()) {
                h.lock.lock();
                acquired.add(h);
            }
            List<AuditChain.Sealed> sealed = new ArrayList<>(drafts.size());
            java.util.Map<String, long[]> seq = new java.util.HashMap<>(4);
            java.util.Map<String, String> prev = new java.util.HashMap<>(4);
            for (AuditRecord d : drafts) {
                Head h = locked.get(d.sessionId());
                long s = seq.containsKey(d.sessionId()) ? seq.get(d.sessionId())[0] : h.sequence;
                String p = prev.getOrDefault(d.sessionId(), h.hash);
                AuditChain.Sealed one = AuditChain.seal(d, s + 1, p, withLines);
                seq.put(d.sessionId(), new long[] {s + 1});
                prev.put(d.sessionId(), one.record().hash());
                sealed.add(one);
            }
            store.accept(sealed);
            for (AuditChain.Sealed one : sealed) {
                Head h = locked.get(one.record().sessionId());
                h.sequence = one.record().sequence();
                h.hash = one.record().hash();
            }
            return sealed;
        } finally {
            for (Head h : acquired) {
                h.lock.unlock();
            }
        }
    }

    private static boolean oneSession(List<AuditRecord> drafts) {
        String sid = drafts.get(0).sessionId();
        for (int i = 1; i < drafts.size(); i++) {
            if (!drafts.get(i).sessionId().equals(sid)) {
                return false;
            }
        }
        return true;
    }

    /** The common case (a turn's records): one session, one lock, no maps. */
    private List<AuditChain.Sealed> appendOneSession(List<AuditRecord> drafts, boolean withLines, Consumer<List<AuditChain.Sealed>> store) {
        for (AuditRecord d : drafts) {
            if (d.isSealed()) {
                throw new IllegalArgumentException("record " + d.sessionId() + "#" + d.sequence() + " is already sealed");
            }
        }
        Head h = head(drafts.get(0).sessionId());
        h.lock.lock();
        try {
            List<AuditChain.Sealed> sealed = new ArrayList<>(drafts.size());
            long seq = h.sequence;
            String prev = h.hash;
            for (AuditRecord d : drafts) {
                AuditChain.Sealed one = AuditChain.seal(d, ++seq, prev, withLines);
                prev = one.record().hash();
                sealed.add(one);
            }
            store.accept(sealed);
            h.sequence = seq;
            h.hash = prev;
            return sealed;
        } finally {
            h.lock.unlock();
        }
    }

    /** The session's head; a plain read first, because computeIfAbsent locks even when the key exists. */
    private Head head(String sessionId) {
        Head h = heads.get(sessionId);
        return h != null ? h : heads.computeIfAbsent(sessionId, k -> new Head());
    }

    /** Moves a session's head past {@code r} (recovery on open; single-threaded). */
    void advance(AuditRecord r) {
        Head h = heads.computeIfAbsent(r.sessionId(), k -> new Head());
        h.sequence = r.sequence();
        h.hash = r.hash();
    }
}
