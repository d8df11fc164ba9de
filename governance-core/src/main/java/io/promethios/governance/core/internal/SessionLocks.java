package io.promethios.governance.core.internal;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks serializing turns of one session. Different sessions rarely share a stripe;
 * when they do they merely wait for each other. A turn holds exactly one stripe, so there is no
 * lock ordering to get wrong.
 */
final class SessionLocks {
    private final ReentrantLock[] stripes;

    SessionLocks(int count) {
        int n = Integer.highestOneBit(Math.max(1, count - 1)) << 1;
        stripes = new ReentrantLock[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock forSession(String sessionId) {
        int h = sessionId.hashCode();
        h ^= (h >>> 16);
        return stripes[h & (stripes.length - 1)];
    }
}
