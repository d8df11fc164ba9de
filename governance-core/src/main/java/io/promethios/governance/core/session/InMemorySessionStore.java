package io.promethios.governance.core.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promethios.governance.core.SessionNotFoundException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The default session store: a bounded Caffeine cache with idle expiry.
 *
 * <p>Sessions beyond {@code maximumSessions} are evicted (least recently used first) and idle
 * sessions expire; an evicted or expired session is gone. Use the JDBC store when sessions must
 * outlive the process.
 *
 * @since 0.1
 */
public final class InMemorySessionStore implements SessionStore {

    /** Default bound on the number of sessions. */
    public static final long DEFAULT_MAXIMUM_SESSIONS = 100_000;
    /** Default idle time after which a session expires. */
    public static final Duration DEFAULT_EXPIRE_AFTER_ACCESS = Duration.ofHours(12);

    private final Cache<String, ChatSession> cache;
    private final long maximumSessions;
    private final Duration expireAfterAccess;

    private InMemorySessionStore(long maximumSessions, Duration expireAfterAccess) {
        if (maximumSessions <= 0) {
            throw new IllegalArgumentException("maximumSessions must be > 0, but was " + maximumSessions);
        }
        Objects.requireNonNull(expireAfterAccess, "expireAfterAccess");
        if (expireAfterAccess.isNegative() || expireAfterAccess.isZero()) {
            throw new IllegalArgumentException("expireAfterAccess must be > 0, but was " + expireAfterAccess);
        }
        this.maximumSessions = maximumSessions;
        this.expireAfterAccess = expireAfterAccess;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSessions).expireAfterAccess(expireAfterAccess).build();
    }

    /** A store with the defaults ({@value #DEFAULT_MAXIMUM_SESSIONS} sessions, 12 h idle expiry). */
    public static InMemorySessionStore create() {
        return new InMemorySessionStore(DEFAULT_MAXIMUM_SESSIONS, DEFAULT_EXPIRE_AFTER_ACCESS);
    }

    /**
     * A store with custom bounds.
     *
     * @throws IllegalArgumentException if {@code maximumSessions <= 0} or the expiry is not positive
     */
    public static InMemorySessionStore create(long maximumSessions, Duration expireAfterAccess) {
        return new InMemorySessionStore(maximumSessions, expireAfterAccess);
    }

    @Override
    public void create(ChatSession session) {
        Objects.requireNonNull(session, "session");
        ChatSession existing = cache.asMap().putIfAbsent(session.id(), session);
        if (existing != null) {
            throw new IllegalStateException("A session with id '" + session.id() + "' already exists");
        }
    }

    @Override
    public Optional<ChatSession> find(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        return Optional.ofNullable(cache.getIfPresent(sessionId));
    }

    @Override
    public void update(ChatSession session, long expectedVersion) {
        Objects.requireNonNull(session, "session");
        if (session.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("the new version must be " + (expectedVersion + 1) + ", but was " + session.version());
        }
        cache.asMap().compute(session.id(), (id, current) -> {
            if (current == null) {
                throw SessionNotFoundException.of(id);
            }
            if (current.version() != expectedVersion) {
                throw StaleSessionException.of(id, expectedVersion, current.version());
            }
            return session;
        });
    }

    @Override
    public long size() {
        return cache.estimatedSize();
    }

    @Override
    public String toString() {
        return "InMemorySessionStore[maximumSessions=" + maximumSessions + ", expireAfterAccess=" + expireAfterAccess + "]";
    }
}
