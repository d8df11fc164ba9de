package io.promethios.governance.core.session;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppendOnlyHistoryTest {

    private static Message m(long seq) {
        return new Message(seq, seq, MessageRole.USER, "u", "m" + seq, ContentStatus.DELIVERED, Verdict.ALLOW, Instant.EPOCH);
    }

    @Test
    void versionsShareStorageButNeverSeeEachOthersAppends() {
        AppendOnlyHistory v0 = AppendOnlyHistory.empty();
        AppendOnlyHistory v1 = v0.append(m(1));
        AppendOnlyHistory v2 = v1.append(m(2));
        // a stale writer appends to v1 again: it must branch, not overwrite v2's second element
        AppendOnlyHistory branch = v1.append(m(99));
        assertThat(v2).extracting(Message::content).containsExactly("m1", "m2");
        assertThat(branch).extracting(Message::content).containsExactly("m1", "m99");
        assertThat(v1).extracting(Message::content).containsExactly("m1");
        assertThat(v0).isEmpty();
        AppendOnlyHistory grown = v2;
        for (int i = 3; i <= 100; i++) {
            grown = grown.append(m(i));
        }
        assertThat(grown).hasSize(100).element(99).extracting(Message::content).isEqualTo("m100");
        assertThat(v2).hasSize(2);
        assertThat(grown).isEqualTo(List.copyOf(grown));
    }

    @Test
    void isUnmodifiableAndRejectsNulls() {
        AppendOnlyHistory h = AppendOnlyHistory.copyOf(List.of(m(1)));
        assertThatThrownBy(() -> h.add(m(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.set(0, m(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.append(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> h.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(h.toArray()).hasSize(1);
    }
}
