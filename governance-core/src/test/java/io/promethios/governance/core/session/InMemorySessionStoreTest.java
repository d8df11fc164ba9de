package io.promethios.governance.core.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemorySessionStoreTest extends SessionStoreContractTest {
    @Override
    protected SessionStore newStore() {
        return InMemorySessionStore.create();
    }

    @Test
    void isBounded() {
        InMemorySessionStore store = InMemorySessionStore.create(10, Duration.ofHours(1));
        for (int i = 0; i < 100; i++) {
            store.create(session("s" + i));
        }
        // Caffeine evicts asynchronously; its estimate settles at the bound
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (store.size() > 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(store.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void rejectsBadBounds() {
        assertThatThrownBy(() -> InMemorySessionStore.create(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumSessions");
        assertThatThrownBy(() -> InMemorySessionStore.create(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
