package io.promethios.governance.core.session;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.SessionNotFoundException;
import io.promethios.governance.core.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compatibility kit every {@link SessionStore} passes: extend it and implement
 * {@link #newStore()}. Published in governance-core's test-jar.
 */
public abstract class SessionStoreContractTest {

    protected abstract SessionStore newStore() throws Exception;

    protected static ChatSession session(String id) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return ChatSession.builder().id(id).userId("u1").organizationId("org").createdAt(t).lastActivity(t).build();
    }

    protected static Message message(long seq, String content) {
        return new Message(seq, seq, MessageRole.USER, "u1", content, ContentStatus.DELIVERED, Verdict.ALLOW,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void createFindAndUpdate() throws Exception {
        SessionStore store = newStore();
        store.create(session("a"));
        assertThat(store.find("a")).isPresent();
        assertThat(store.find("b")).isEmpty();
        ChatSession a = store.find("a").orElseThrow();
        store.update(a.toBuilder().addMessage(message(1, "hi")).version(1).build(), 0);
        assertThat(store.find("a").orElseThrow().history()).extracting(Message::content).containsExactly("hi");
        assertThat(store.find("a").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void createRefusesAnExistingId() throws Exception {
        SessionStore store = newStore();
        store.create(session("a"));
        assertThatThrownBy(() -> store.create(session("a"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("'a'");
    }

    @Test
    void staleUpdateIsRefusedAndLosesNothing() throws Exception {
        SessionStore store = newStore();
        store.create(session("a"));
        ChatSession v0 = store.find("a").orElseThrow();
        store.update(v0.toBuilder().addMessage(message(1, "first")).version(1).build(), 0);
        assertThatThrownBy(() -> store.update(v0.toBuilder().addMessage(message(1, "lost")).version(1).build(), 0))
                .isInstanceOf(StaleSessionException.class);
        assertThat(store.find("a").orElseThrow().history()).extracting(Message::content).containsExactly("first");
    }

    @Test
    void updateOfAMissingSessionFails() throws Exception {
        SessionStore store = newStore();
        assertThatThrownBy(() -> store.update(session("zz").toBuilder().version(1).build(), 0))
                .isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void concurrentOptimisticWritersNeverLoseAMessage() throws Exception {
        SessionStore store = newStore();
        store.create(session("c"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger next = new AtomicInteger();
        Future<?>[] fs = new Future<?>[4];
        for (int t = 0; t < 4; t++) {
            fs[t] = pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String content = "m" + next.getAndIncrement();
                    while (true) {
                        ChatSession cur = store.find("c").orElseThrow();
                        try {
                            store.update(cur.toBuilder().addMessage(message(cur.history().size() + 1, content))
                                    .version(cur.version() + 1).build(), cur.version());
                            break;
                        } catch (StaleSessionException retry) {
                            // lost the race: read again
                        }
                    }
                }
            });
        }
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        ChatSession done = store.find("c").orElseThrow();
        assertThat(done.history()).hasSize(200);
        assertThat(done.history()).extracting(Message::content).doesNotHaveDuplicates();
        assertThat(done.version()).isEqualTo(200);
    }
}
