package io.promethios.governance.trust.store;

import io.promethios.governance.core.trust.TrustState;
import io.promethios.governance.core.trust.TrustStore;
import io.promethios.governance.core.trust.TrustSubject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryTrustStoreTest extends TrustStoreContractTest {

    @Override
    protected TrustStore createStore() {
        return InMemoryTrustStore.create(10_000);
    }

    @Test
    void isBounded() {
        InMemoryTrustStore small = InMemoryTrustStore.create(10);
        for (int i = 0; i < 1_000; i++) {
            small.update(TrustSubject.user("u" + i), c -> new TrustState(1, 0, 1, 0));
        }
        com.github.benmanes.caffeine.cache.Caffeine.class.getName(); // Caffeine evicts asynchronously; size settles
        assertThat(small.size()).isLessThanOrEqualTo(1_000);
        // eventually bounded
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (small.size() > 10 && System.nanoTime() < deadline) {
            small.find(TrustSubject.user("u0"));
            Thread.onSpinWait();
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void badBoundsAreRejected() {
        assertThatThrownBy(() -> InMemoryTrustStore.create(0)).hasMessageContaining("maximumSubjects must be > 0");
        assertThatThrownBy(() -> InMemoryTrustStore.create(5, Duration.ZERO)).hasMessageContaining("expireAfterAccess must be > 0");
    }

    @Test
    void nullResultOfAChangeIsRejected() {
        assertThatThrownBy(() -> store.update(TrustSubject.user("n"), c -> null)).isInstanceOf(NullPointerException.class);
        assertThat(store.find(TrustSubject.user("n"))).isEmpty();
    }

    @Test
    void nullResultOfAChangeOfAKnownSubjectLeavesItsState() {
        TrustSubject s = TrustSubject.user("k");
        store.update(s, c -> new TrustState(2, 1, 7, 0));
        assertThatThrownBy(() -> store.update(s, c -> null)).isInstanceOf(NullPointerException.class);
        assertThat(store.find(s)).contains(new TrustState(2, 1, 7, 0));
    }

    @Test
    void eachChangeSeesTheStateTheLastUpdateReturned() {
        TrustSubject s = TrustSubject.agent("a");
        TrustState last = TrustState.empty();
        for (int i = 1; i <= 50; i++) {
            TrustState expected = last;
            last = store.update(s, c -> {
                assertThat(c).isSameAs(expected);
                return new TrustState(c.positive() + 1, 0, c.updatedAtMillis() + 1, 0);
            });
        }
        assertThat(store.find(s)).containsSame(last);
        assertThat(last.positive()).isEqualTo(50);
    }

    @Test
    void concurrentUpdatesRunEachChangeExactlyOnce() throws Exception {
        // new and known subjects at once, so both the creating and the in-place update race
        int threads = 8;
        int perThread = 2_000;
        int subjects = 16;
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    store.update(TrustSubject.user("u" + (i % subjects)), cur -> {
                        calls.incrementAndGet();
                        return new TrustState(cur.positive() + 1, 0, 1, 0);
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(calls.get()).isEqualTo(threads * perThread);
        double total = 0;
        for (int i = 0; i < subjects; i++) {
            total += store.find(TrustSubject.user("u" + i)).orElseThrow().positive();
        }
        assertThat(total).isEqualTo(threads * perThread);
    }

    @Test
    void anEvictedSubjectStartsAgainFromEmpty() {
        InMemoryTrustStore small = InMemoryTrustStore.create(10);
        for (int i = 0; i < 1_000; i++) {
            small.update(TrustSubject.user("u" + i), c -> new TrustState(c.positive() + 1, 0, 1, 0));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (small.size() > 10 && System.nanoTime() < deadline) {
            small.find(TrustSubject.user("u0"));
            Thread.onSpinWait();
        }
        int evicted = 0;
        for (int i = 0; i < 1_000; i++) {
            TrustSubject s = TrustSubject.user("u" + i);
            if (small.find(s).isEmpty()) {
                evicted++;
                assertThat(small.update(s, c -> new TrustState(c.positive() + 1, 0, 1, 0)).positive()).isEqualTo(1);
            }
        }
        assertThat(evicted).isGreaterThanOrEqualTo(990 - 10);
    }

    @Test
    void updatesCountAsAccessesAndAnIdleSubjectExpires() throws Exception {
        InMemoryTrustStore expiring = InMemoryTrustStore.create(100, Duration.ofSeconds(1));
        TrustSubject s = TrustSubject.user("busy");
        // updated (never read) for 2.5 s, every 10 ms: each update keeps the subject alive
        long until = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        int updates = 0;
        while (System.nanoTime() < until) {
            expiring.update(s, c -> new TrustState(c.positive() + 1, 0, 1, 0));
            updates++;
            Thread.sleep(10);
        }
        assertThat(expiring.find(s).orElseThrow().positive()).isEqualTo(updates);
        Thread.sleep(1_500);
        assertThat(expiring.find(s)).isEmpty();
        assertThat(expiring.update(s, c -> new TrustState(c.positive() + 1, 0, 1, 0)).positive()).isEqualTo(1);
    }
}
