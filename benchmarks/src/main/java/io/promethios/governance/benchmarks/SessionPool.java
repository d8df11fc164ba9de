package io.promethios.governance.benchmarks;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.session.AgentConfiguration;
import io.promethios.governance.core.observer.ObserverState;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.GovernanceSettings;
import io.promethios.governance.core.session.InMemorySessionStore;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.session.MessageRole;
import io.promethios.governance.core.session.SessionStatus;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the history length of benchmarked sessions at what the benchmark claims.
 *
 * <p>A pipeline session grows by two messages a turn and is refused at
 * {@code maxHistoryMessages}. The pool therefore holds {@link #POOL_SIZE} sessions put directly
 * into the pipeline's session store with {@code historyTurns} earlier turns (1 KB user message and
 * 1 KB answer each, one shared immutable list, so creating a session does not copy it; no store
 * put costs more for a longer history), hands
 * them out round robin, and after {@link #TURNS_PER_SESSION} turns on each replaces them all with
 * fresh ones. A measured turn therefore sees {@code historyTurns} to
 * {@code historyTurns + TURNS_PER_SESSION - 1} earlier turns. The refill runs inside the
 * measurement; its cost (one session store put per {@link #TURNS_PER_SESSION} turns) is part of
 * the numbers, and small. Sessions made this way skip the SESSION_CREATED audit record.
 */
final class SessionPool {

    static final int POOL_SIZE = 256;
    static final int TURNS_PER_SESSION = 4;

    private static final AtomicLong IDS = new AtomicLong();

    private final InMemorySessionStore store;
    private final List<Message> history;
    private final String userId;
    private final AgentConfiguration agents;
    private final String[] ids = new String[POOL_SIZE];
    private int used = POOL_SIZE * TURNS_PER_SESSION;

    SessionPool(InMemorySessionStore store, int historyTurns, String agentId) {
        this(store, historyTurns, agentId, Fixtures.IN_1K, Fixtures.OUT_1K);
    }

    SessionPool(InMemorySessionStore store, int historyTurns, String agentId, String userText, String agentText) {
        this.store = store;
        this.userId = "bench-user";
        this.agents = agentId == null ? AgentConfiguration.defaultAgent() : AgentConfiguration.single(agentId);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        List<Message> h = new ArrayList<>(2 * historyTurns);
        for (int turn = 1; turn <= historyTurns; turn++) {
            h.add(new Message(2L * turn - 1, turn, MessageRole.USER, userId, userText, ContentStatus.DELIVERED, Verdict.ALLOW, t));
            h.add(new Message(2L * turn, turn, MessageRole.AGENT, agentId == null ? "stub" : agentId, agentText,
                    ContentStatus.DELIVERED, Verdict.ALLOW, t));
        }
        this.history = List.copyOf(h);
    }

    /** The session for the next turn. */
    String next() {
        if (used == POOL_SIZE * TURNS_PER_SESSION) {
            refill();
        }
        return ids[used++ % POOL_SIZE];
    }

    private void refill() {
        Instant now = Instant.now();
        for (int i = 0; i < POOL_SIZE; i++) {
            String id = "bench-" + IDS.incrementAndGet();
            // the canonical constructor keeps the shared immutable history list as it is (no copy)
            store.create(new ChatSession(id, userId, "default", agents, GovernanceSettings.defaults(), history, TrustSnapshot.unknown(),
                    Map.of(), ObserverState.initial(), now, now, SessionStatus.OPEN, 0));
            ids[i] = id;
        }
        used = 0;
    }
}
