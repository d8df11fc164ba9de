package io.promethios.governance.trust;

import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustSubject;

/**
 * System health over the last {@code size} outcomes no older than {@code maxAgeMillis}: a ring
 * buffer with running counts, guarded by its own lock (a handful of field writes per turn).
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

    SystemWindow(int capacity, long maxAgeMillis, double violationImpact, double errorImpact) {
        this.at = new long[capacity];
        this.type = new byte[capacity];
        this.maxAgeMillis = maxAgeMillis;
        this.violationImpact = violationImpact;
        this.errorImpact = errorImpact;
    }

    synchronized void add(byte outcome, long nowMillis) {
        evictOlderThan(nowMillis - maxAgeMillis);
        append(outcome, nowMillis);
    }

    /**
     * Adds {@code outcome} and returns the change it made, under one lock: the same as
     * {@link #score} then {@link #add} then {@link #score} with no other update in between.
     */
    synchronized TrustChange record(TrustSubject subject, Evidence evidence, byte outcome, long nowMillis) {
        evictOlderThan(nowMillis - maxAgeMillis);
        TrustScore before = current();
        append(outcome, nowMillis);
        return new TrustChange(subject, before, current(), evidence);
    }

    private void append(byte outcome, long nowMillis) {
        if (size == at.length) {
            counts[type[start]]--;
            start = (start + 1) % at.length;
            size--;
        }
        int i = (start + size) % at.length;
        at[i] = nowMillis;
        type[i] = outcome;
        counts[outcome]++;
        size++;
    }

    synchronized TrustScore score(long nowMillis) {
        evictOlderThan(nowMillis - maxAgeMillis);
        return current();
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
    synchronized int[] counts(long nowMillis) {
        evictOlderThan(nowMillis - maxAgeMillis);
        return counts.clone();
    }

    private void evictOlderThan(long oldest) {
        while (size > 0 && at[start] < oldest) {
            counts[type[start]]--;
            start = (start + 1) % at.length;
            size--;
        }
    }
}
