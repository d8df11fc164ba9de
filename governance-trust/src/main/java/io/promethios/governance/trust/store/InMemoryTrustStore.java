package io.promethios.governance.trust.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promethios.governance.core.trust.TrustState;
import io.promethios.governance.core.trust.TrustStore;
import io.promethios.governance.core.trust.TrustSubject;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A bounded in-memory {@link TrustStore} backed by Caffeine. Updates of one subject are atomic
 * ({@code ConcurrentMap.compute}); beyond {@code maximumSubjects} the least recently used
 * subjects are forgotten (their trust returns to unknown), and with {@code expireAfterAccess}
 * so are subjects idle for that long. State lives in this JVM only; share trust between
 * instances with the JDBC store.
 *
 * <p>Thread-safe; never blocks on I/O. The function given to {@link #update} runs while the
 * subject's entry is locked: keep it short and do not touch the store from inside it.
 *
 * @since 0.1
 */
public final class InMemoryTrustStore implements TrustStore {

    /** Default bound: 1,000,000 subjects. */
    public static final long DEFAULT_MAXIMUM_SUBJECTS = 1_000_000;

    private final Cache<TrustSubject, TrustState> states;
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
        return Optional.ofNullable(states.getIfPresent(subject));
    }

    @Override
    public TrustState update(TrustSubject subject, UnaryOperator<TrustState> change) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(change, "change");
        return states.asMap().compute(subject, (s, current) -> {
            TrustState next = change.apply(current == null ? TrustState.empty() : current);
            return Objects.requireNonNull(next, "trust state change returned null");
        });
    }

    /** Approximate number of subjects held. */
    public long size() {
        return states.estimatedSize();
    }

    @Override
    public String toString() {
        return "InMemoryTrustStore[maximumSubjects=" + maximumSubjects + "]";
    }
}
