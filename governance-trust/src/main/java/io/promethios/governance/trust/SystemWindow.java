package io.promethios.governance.trust;

import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustSubject;

import java.util.concurrent.locks.StampedLock;

/**
 * System health over the last {@code size} outcomes no older than {@code maxAgeMillis}: a ring
 * buffer with running counts, guarded by its own lock (a handful of field writes per turn).
 *
 * <p>The lock is a {@link StampedLock} rather than a monitor so that {@link #score} can skip it:
 * when the window has nothing to evict and its last score is still current (the usual case, as
 * {@link #record} leaves it current), an optimistic read returns that score without writing
 * anything; otherwise {@code score} takes the write lock, since evicting changes the window.
 */
final class SystemWindow {

    static final byte CLEAN = 0;
    static final byte VIOLATION = 1;
    static final byte ERROR = 2;

    private final long[] at;
    private final byte[] type;
    private final long maxAgeMillis;
    private final double violationImpact;
    private final double errorImpact;
    private final int[] counts = new int[3];
    private int start;
    private int size;
    // current()'s last result and the counts it was computed from (lastSize 0: none yet)
    private TrustScore last;
    private int lastSize;
    private int lastViolations;
    private int lastErrors;
    private final StampedLock lock = new StampedLock();

    SystemWindow(int capacity, long maxAgeMillis, double violationImpact, double errorImpact) {
        this.at = new long[capacity];
        this.type = new byte[capacity];
        this.maxAgeMillis = maxAgeMillis;
        this.violationImpact = violationImpact;
        this.errorImpact = errorImpact;
    }

    void add(byte outcome, long nowMillis) {
        long stamp = lock.writeLock();
        try {
            evictOlderThan(nowMillis - maxAgeMillis);
            append(outcome, nowMillis);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Adds {@code outcome} and returns the change it made, under one lock: the same as
     * {@link #score} then {@link #add} then {@link #score} with no other update in between.
     */
    TrustChange record(TrustSubject subject, Evidence evidence, byte outcome, long nowMillis) {
        TrustScore before;
        TrustScore after;
        long stamp = lock.writeLock();
        try {
            evictOlderThan(nowMillis - maxAgeMillis);
            before = current();
            append(outcome, nowMillis);
            after = current();
        } finally {
            lock.unlockWrite(stamp);
        }
        return new TrustChange(subject, before, after, evidence);
    }

    private void append(byte outcome, long nowMillis) {
        if (size == at.length) {
            counts[type[start]]--;
            start = next(start);
            size--;
        }
        int i = start + size;
        if (i >= at.length) {
            i -= at.length;
        }
        at[i] = nowMillis;
        type[i] = outcome;
        counts[outcome]++;
        size++;
    }

    TrustScore score(long nowMillis) {
        long oldest = nowMillis - maxAgeMillis;
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            // Racy reads, checked by validate: the same answer as below if nothing is evicted and
            // current() would return last unchanged.
            int n = size;
            boolean unchanged = n == lastSize && counts[VIOLATION] == lastViolations && counts[ERROR] == lastErrors;
            boolean nothingToEvict = n == 0 || at[start] >= oldest;
            TrustScore s = n == 0 ? TrustScore.unknown() : last;
            if (lock.validate(stamp) && nothingToEvict && (n == 0 || unchanged)) {
                return s;
            }
        }
        stamp = lock.writeLock();
        try {
            evictOlderThan(oldest);
            return current();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private TrustScore current() {
        if (size == 0) {
            return TrustScore.unknown();
        }
        // The score depends on the three counts only. Once the window is full, a turn usually
        // replaces an outcome with one of the same type, so the last score is reused rather than
        // built again (up to three per turn: the snapshot and the change's before and after).
        if (size != lastSize || counts[VIOLATION] != lastViolations || counts[ERROR] != lastErrors) {
            double n = size;
            double health = 1.0 - Math.min(1.0, violationImpact * counts[VIOLATION] / n + errorImpact * counts[ERROR] / n);
            last = new TrustScore(health, n / (n + 2));
            lastSize = size;
            lastViolations = counts[VIOLATION];
            lastErrors = counts[ERROR];
        }
        return last;
    }

    /** Counts of clean, violating and failed outcomes in the window, in that order. */
    int[] counts(long nowMillis) {
        long stamp = lock.writeLock();
        try {
            evictOlderThan(nowMillis - maxAgeMillis);
            return counts.clone();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void evictOlderThan(long oldest) {
        while (size > 0 && at[start] < oldest) {
            counts[type[start]]--;
            start = next(start);
            size--;
        }
    }

    /** The ring index after {@code i}, without a division. */
    private int next(int i) {
        return i + 1 == at.length ? 0 : i + 1;
    }
}
