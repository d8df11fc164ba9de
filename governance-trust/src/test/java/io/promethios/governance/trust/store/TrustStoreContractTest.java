package io.promethios.governance.trust.store;

import io.promethios.governance.core.trust.TrustState;
import io.promethios.governance.core.trust.TrustStore;
import io.promethios.governance.core.trust.TrustSubject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compatibility kit for {@link TrustStore} implementations: extend it and return a fresh, empty
 * store from {@link #createStore()}. Published in this module's test-jar.
 */
public abstract class TrustStoreContractTest {

    protected TrustStore store;

    /** A fresh, empty store. */
    protected abstract TrustStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Test
    void unknownSubjectIsEmpty() {
        assertThat(store.find(TrustSubject.user("nobody"))).isEmpty();
    }

    @Test
    void updateStartsFromEmptyAndIsReadBack() {
        TrustSubject s = TrustSubject.user("alice");
        List<TrustState> seen = new ArrayList<>();
        TrustState after = store.update(s, cur -> {
            seen.add(cur);
            return new TrustState(cur.positive() + 1, cur.negative(), 1000, -0.1);
        });
        assertThat(seen).containsExactly(TrustState.empty());
        assertThat(after).isEqualTo(new TrustState(1, 0, 1000, -0.1));
        assertThat(store.find(s)).contains(after);
    }

    @Test
    void subjectsAreIndependentByKindAndId() {
        store.update(TrustSubject.user("x"), cur -> new TrustState(1, 0, 1, 0));
        store.update(TrustSubject.agent("x"), cur -> new TrustState(0, 2, 1, 0));
        assertThat(store.find(TrustSubject.user("x")).orElseThrow().positive()).isEqualTo(1);
        assertThat(store.find(TrustSubject.agent("x")).orElseThrow().negative()).isEqualTo(2);
        assertThat(store.find(TrustSubject.conversation("x"))).isEmpty();
    }

    @Test
    void failedUpdateLeavesStateUnchanged() {
        TrustSubject s = TrustSubject.user("bob");
        store.update(s, cur -> new TrustState(3, 1, 5, 0));
        assertThatThrownBy(() -> store.update(s, cur -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(s)).contains(new TrustState(3, 1, 5, 0));
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> store.find(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.update(null, c -> c)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.update(TrustSubject.user("a"), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void concurrentUpdatesOfOneSubjectLoseNothing() throws Exception {
        TrustSubject s = TrustSubject.conversation("hot");
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    store.update(s, cur -> new TrustState(cur.positive() + 1, cur.negative() + 0.5, cur.updatedAtMillis() + 1, 0));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        TrustState st = store.find(s).orElseThrow();
        assertThat(st.positive()).isEqualTo(threads * perThread);
        assertThat(st.negative()).isEqualTo(threads * perThread * 0.5);
        assertThat(st.updatedAtMillis()).isEqualTo(threads * perThread);
    }
}
