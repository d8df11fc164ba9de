package io.promethios.governance.adapters;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How an adapter retries a failed HTTP call: exponential backoff with jitter, honouring the
 * provider's {@code Retry-After} header.
 *
 * <p>Retried: HTTP 408, 429 and 5xx, timeouts, connection and DNS failures (everything the
 * adapter maps to a retriable {@link io.promethios.governance.core.AgentException}). Never
 * retried: other 4xx and malformed responses. A streaming call is retried only before its first
 * chunk reached the handler.
 *
 * <p>The delay before attempt {@code n + 1} is {@code min(maxBackoff, initialBackoff * multiplier^(n-1))},
 * spread by &plusmn;{@code jitterFactor} using {@link #random()}. When the response carries
 * {@code Retry-After} (seconds or HTTP-date), that delay is used instead, without jitter; if it
 * is longer than {@link #maxRetryAfter()} the adapter gives up at once rather than wait.
 *
 * <pre>{@code
 * RetryConfig retry = RetryConfig.custom().maxAttempts(5).initialBackoff(Duration.ofSeconds(1)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RetryConfig {

    /** Default attempts, including the first call: 3. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default delay before the second attempt: 500 ms. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Default upper bound of a computed backoff: 20 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    /** Default backoff multiplier: 2.0. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default jitter factor: 0.5, so a 1 s backoff becomes 0.5 to 1.5 s. */
    public static final double DEFAULT_JITTER_FACTOR = 0.5;
    /** Default longest {@code Retry-After} the adapter is willing to wait: 60 s. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private static final RetryConfig DEFAULTS = custom().build();

    /** Waits between attempts; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** The default sleeper, {@link Thread#sleep(long)}. */
        Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitterFactor;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;
    private final Sleeper sleeper;

    private RetryConfig(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitterFactor = b.jitterFactor;
        this.maxRetryAfter = b.maxRetryAfter;
        this.random = b.random;
        this.sleeper = b.sleeper;
    }

    /** The defaults: 3 attempts, 500 ms initial backoff doubling up to 20 s, jitter 0.5. */
    public static RetryConfig ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(RetryConfig base) {
        Objects.requireNonNull(base, "base");
        Builder b = new Builder();
        b.maxAttempts = base.maxAttempts;
        b.initialBackoff = base.initialBackoff;
        b.maxBackoff = base.maxBackoff;
        b.multiplier = base.multiplier;
        b.jitterFactor = base.jitterFactor;
        b.maxRetryAfter = base.maxRetryAfter;
        b.random = base.random;
        b.sleeper = base.sleeper;
        return b;
    }

    /** A config that never retries. */
    public static RetryConfig noRetry() {
        return custom().maxAttempts(1).build();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double multiplier() {
        return multiplier;
    }

    public double jitterFactor() {
        return jitterFactor;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Source of jitter, returning values in {@code [0, 1)}. */
    public DoubleSupplier random() {
        return random;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * The jittered backoff after failed attempt {@code attempt} (1-based).
     *
     * @throws IllegalArgumentException if {@code attempt < 1}
     */
    public Duration backoff(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, but was " + attempt);
        }
        double base = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, (double) maxBackoff.toMillis());
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        double jittered = capped * (1.0 - jitterFactor + 2.0 * jitterFactor * r);
        return Duration.ofMillis(Math.max(0L, Math.round(jittered)));
    }

    @Override
    public String toString() {
        return "RetryConfig[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
                + ", multiplier=" + multiplier + ", jitterFactor=" + jitterFactor + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryConfig}. Not thread-safe; {@link #build()} may be called many times. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double multiplier = DEFAULT_MULTIPLIER;
        private double jitterFactor = DEFAULT_JITTER_FACTOR;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;

        private Builder() {
        }

        /**
         * Attempts including the first call; 1 disables retries. Default {@value RetryConfig#DEFAULT_MAX_ATTEMPTS}.
         *
         * @throws IllegalArgumentException if {@code maxAttempts < 1}
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, but was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Delay before the second attempt; must be {@code >= 0}. Default 500 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /** Upper bound of a computed backoff; must be {@code >= 0}. Default 20 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /** Backoff growth per attempt; must be {@code >= 1}. Default 2.0. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be >= 1, but was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Relative spread of a backoff, in {@code [0, 1]}; 0 disables jitter. Default 0.5. */
        public Builder jitterFactor(double jitterFactor) {
            if (!(jitterFactor >= 0.0 && jitterFactor <= 1.0)) {
                throw new IllegalArgumentException("jitterFactor must be in [0, 1], but was " + jitterFactor);
            }
            this.jitterFactor = jitterFactor;
            return this;
        }

        /** Longest {@code Retry-After} to wait for; longer ones fail the call at once. Default 60 s. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** Source of jitter returning values in {@code [0, 1)}; inject a fixed one in tests. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How to wait between attempts; inject a recording one in tests. Default {@link Sleeper#THREAD_SLEEP}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @throws IllegalStateException if {@code initialBackoff > maxBackoff}
         */
        public RetryConfig build() {
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalStateException("initialBackoff (" + initialBackoff + ") must not exceed maxBackoff (" + maxBackoff + ")");
            }
            return new RetryConfig(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must be >= 0, but was " + d);
            }
            return d;
        }
    }
}
