package io.promethios.governance.trust.store;

import io.promethios.governance.core.trust.TrustState;
import io.promethios.governance.core.trust.TrustStore;
import io.promethios.governance.core.trust.TrustSubject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
}
