package io.promethios.governance.trust.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promethios.governance.core.trust.TrustState;
import io.promethios.governance.core.trust.TrustStore;
import io.promethios.governance.core.trust.TrustSubject;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A bounded in-memory {@link TrustStore} backed by Caffeine. Updates of one subject are atomic;
 * beyond {@code maximumSubjects} the least recently used subjects are forgotten (their trust
 * returns to unknown), and with {@code expireAfterAccess} so are subjects idle for that long.
 * State lives in this JVM only; share trust between instances with the JDBC store.
 *
 * <p>Thread-safe; never blocks on I/O. The function given to {@link #update} runs exactly once,
 * while the subject's entry is locked: keep it short and do not touch the store from inside it.
 *
 * @since 0.1
 */
public final class InMemoryTrustStore implements TrustStore {

    /** Default bound: 1,000,000 subjects. */
    public static final long DEFAULT_MAXIMUM_SUBJECTS = 1_000_000;

    // Each subject's state sits in a mutable Entry, so updating a known subject is a Caffeine read
    // (which counts as an access for the size bound and expireAfterAccess) plus a write under the
    // entry's monitor, instead of a Caffeine compute (several allocations and a write-buffer task
    // per update). A new subject still goes through compute, so a failing first change leaves it
    // absent. An update may land in an entry evicted a moment before: that is the update happening
    // just before the eviction, which forgets it as it forgets every other update of the subject.
    private final Cache<TrustSubject, Entry> states;
    private final long maximumSubjects;

    private InMemoryTrustStore(long maximumSubjects, Duration expireAfterAccess) {
        if (maximumSubjects <= 0) {
            throw new IllegalArgumentException("maximumSubjects must be > 0, but was " + maximumSubjects);
        }
        Caffeine<Object, Object> b = Caffeine.newBuilder().maximumSize(maximumSubjects);
        if (expireAfterAccess != null) {
            if (expireAfterAccess.isZero() || expireAfterAccess.isNegative()) {
                throw new IllegalArgumentException("expireAfterAccess must be > 0, but was " + expireAfterAccess);
            }
            b.expireAfterAccess(expireAfterAccess);
        }
        this.maximumSubjects = maximumSubjects;
        this.states = b.build();
    }

    /** Up to {@link #DEFAULT_MAXIMUM_SUBJECTS} subjects, no expiry. */
    public static InMemoryTrustStore create() {
        return new InMemoryTrustStore(DEFAULT_MAXIMUM_SUBJECTS, null);
    }

    /**
     * Up to {@code maximumSubjects} subjects, no expiry.
     *
     * @throws IllegalArgumentException if {@code maximumSubjects <= 0}
     */
    public static InMemoryTrustStore create(long maximumSubjects) {
        return new InMemoryTrustStore(maximumSubjects, null);
    }

    /**
     * Up to {@code maximumSubjects} subjects; a subject not read or updated for
     * {@code expireAfterAccess} is forgotten.
     *
     * @throws IllegalArgumentException if {@code maximumSubjects <= 0} or the duration is not positive
     */
    public static InMemoryTrustStore create(long maximumSubjects, Duration expireAfterAccess) {
        return new InMemoryTrustStore(maximumSubjects, Objects.requireNonNull(expireAfterAccess, "expireAfterAccess"));
    }

    @Override
    public Optional<TrustState> find(TrustSubject subject) {
        Objects.requireNonNull(subject, "subject");
        Entry e = states.getIfPresent(subject);
        return e == null ? Optional.empty() : Optional.of(e.state);
    }

    @Override
    public TrustState update(TrustSubject subject, UnaryOperator<TrustState> change) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(change, "change");
        Entry e = states.getIfPresent(subject);
        if (e != null) {
            synchronized (e) {
                return e.apply(change);
            }
        }
        // A new subject (or one just evicted or expired): create its entry atomically.
        TrustState[] next = new TrustState[1];
        states.asMap().compute(subject, (s, current) -> {
            if (current == null) {
                next[0] = checked(change.apply(TrustState.empty()));
                return new Entry(next[0]);
            }
            synchronized (current) {
                next[0] = current.apply(change);
            }
            return current;
        });
        return next[0];
    }

    /** Approximate number of subjects held. */
    public long size() {
        return states.estimatedSize();
    }

    private static TrustState checked(TrustState next) {
        return Objects.requireNonNull(next, "trust state change returned null");
    }

    /**
     * One subject's state. Writes hold the monitor and publish with release semantics: the monitor
     * already orders the updates of one subject, so the full fence of a volatile write would only
     * add cost (one per update). Reads need not hold the monitor: the state is an immutable record,
     * and a read that sees it also sees everything written before it was published.
     */
    private static final class Entry {
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Entry.class, "state", TrustState.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        volatile TrustState state;

        Entry(TrustState state) {
            this.state = state;
        }

        /** Caller holds the monitor. */
        TrustState apply(UnaryOperator<TrustState> change) {
            TrustState next = checked(change.apply(state));
            STATE.setRelease(this, next);
            return next;
        }
    }

    @Override
    public String toString() {
        return "InMemoryTrustStore[maximumSubjects=" + maximumSubjects + "]";
    }
}
