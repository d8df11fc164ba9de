package io.promethios.governance.adapters;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryConfigTest {

    @Test
    void backoffGrowsExponentiallyUpToTheCapWithJitterSpread() {
        RetryConfig low = RetryConfig.custom().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(350)).random(() -> 0.0).build();
        RetryConfig high = RetryConfig.from(low).random(() -> 0.999999).build();

        assertThat(low.backoff(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(low.backoff(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(low.backoff(3)).isEqualTo(Duration.ofMillis(175)); // capped at 350, minus 50 %
        assertThat(high.backoff(1)).isEqualTo(Duration.ofMillis(150));
        assertThat(high.backoff(10)).isEqualTo(Duration.ofMillis(525));
    }

    @Test
    void defaultsAreDocumented() {
        RetryConfig d = RetryConfig.ofDefaults();
        assertThat(d.maxAttempts()).isEqualTo(3);
        assertThat(d.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(d.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> RetryConfig.custom().maxAttempts(0)).hasMessage("maxAttempts must be >= 1, but was 0");
        assertThatThrownBy(() -> RetryConfig.custom().jitterFactor(1.5)).hasMessage("jitterFactor must be in [0, 1], but was 1.5");
        assertThatThrownBy(() -> RetryConfig.custom().multiplier(0.5)).hasMessage("multiplier must be >= 1, but was 0.5");
        assertThatThrownBy(() -> RetryConfig.custom().initialBackoff(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryConfig.custom().initialBackoff(Duration.ofSeconds(30)).maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
