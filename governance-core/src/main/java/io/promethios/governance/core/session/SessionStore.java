package io.promethios.governance.core.session;

import java.util.Optional;

/**
 * Where sessions live. The in-memory {@link InMemorySessionStore} is the default.
 *
 * <p><b>Contract</b> (proved for every implementation by the {@code SessionStoreContractTest}
 * kit in core's test-jar): {@link #create} refuses an existing id; {@link #update} is a
 * compare-and-set on {@link ChatSession#version()} so concurrent writers never lose a message;
 * a store holds only what it is given (the pipeline gives it governed text only).
 *
 * <p><b>Threading.</b> Thread-safe; may block on I/O.
 *
 * @since 0.1
 */
public interface SessionStore {

    /**
     * Stores a new session.
     *
     * @throws IllegalStateException if a session with that id exists
     */
    void create(ChatSession session);

    /** The session, if it exists. */
    Optional<ChatSession> find(String sessionId);

    /**
     * Replaces the stored session if its version is still {@code expectedVersion}; the new
     * session's version must be {@code expectedVersion + 1}.
     *
     * @throws StaleSessionException if another writer got there first
     * @throws io.promethios.governance.core.SessionNotFoundException if the session is gone
     */
    void update(ChatSession session, long expectedVersion);

    /** The number of sessions held (approximate for caches). */
    long size();
}
