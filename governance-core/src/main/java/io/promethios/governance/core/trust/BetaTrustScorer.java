package io.promethios.governance.core.trust;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promethios.governance.core.spi.TrustScorer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The default trust scorer: Beta reputation with forgetting.
 *
 * <p>Each subject holds a positive mass {@code a} and a negative mass {@code b}, both starting
 * at 0. Positive evidence adds its weight to {@code a}, negative evidence to {@code b}. Before
 * any update or read, both masses decay by {@code 0.5^(elapsed / halfLife)}, so old evidence
 * fades and a subject recovers as negative evidence ages. With a uniform Beta(1,1) prior:
 *
 * <pre>{@code
 * score      = (a + 1) / (a + b + 2)       // 0.5 with no evidence
 * confidence = (a + b) / (a + b + 2)       // 0 with no evidence, towards 1 with more
 * }</pre>
 *
 * <p>Updates for one subject are atomic (no evidence is lost under concurrency). Subjects are
 * kept in a bounded in-memory cache; the least recently used are forgotten beyond
 * {@code maximumSubjects}.
 *
 * @since 0.1
 */
public final class BetaTrustScorer implements TrustScorer {

    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);
    public static final long DEFAULT_MAXIMUM_SUBJECTS = 1_000_000;

    private final Duration halfLife;
    private final double halfLifeMillis;
    private final Clock clock;
    private final Cache<TrustSubject, Mass> masses;

    private BetaTrustScorer(Duration halfLife, long maximumSubjects, Clock clock) {
        Objects.requireNonNull(halfLife, "halfLife");
        Objects.requireNonNull(clock, "clock");
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("halfLife must be > 0, but was " + halfLife);
        }
        if (maximumSubjects <= 0) {
            throw new IllegalArgumentException("maximumSubjects must be > 0, but was " + maximumSubjects);
        }
        this.halfLife = halfLife;
        this.halfLifeMillis = halfLife.toMillis();
        this.clock = clock;
        this.masses = Caffeine.newBuilder().maximumSize(maximumSubjects).build();
    }

    /** Half-life 7 days, up to 1,000,000 subjects, the system clock. */
    public static BetaTrustScorer ofDefaults() {
        return new BetaTrustScorer(DEFAULT_HALF_LIFE, DEFAULT_MAXIMUM_SUBJECTS, Clock.systemUTC());
    }

    /**
     * A scorer with custom parameters.
     *
     * @throws IllegalArgumentException if {@code halfLife} is not positive or {@code maximumSubjects <= 0}
     */
    public static BetaTrustScorer of(Duration halfLife, long maximumSubjects, Clock clock) {
        return new BetaTrustScorer(halfLife, maximumSubjects, clock);
    }

    @Override
    public TrustScore score(TrustSubject subject) {
        Objects.requireNonNull(subject, "subject");
        Mass m = masses.getIfPresent(subject);
        return m == null ? TrustScore.unknown() : m.decayedTo(clock.millis(), halfLifeMillis).toScore();
    }

    @Override
    public TrustChange record(TrustSubject subject, Evidence evidence) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(evidence, "evidence");
        long now = clock.millis();
        TrustScore[] before = new TrustScore[1];
        Mass after = masses.asMap().compute(subject, (s, current) -> {
            Mass base = current == null ? Mass.EMPTY.at(now) : current.decayedTo(now, halfLifeMillis);
            before[0] = base.toScore();
            return evidence.kind().isNegative() ? base.plus(0, evidence.weight()) : base.plus(evidence.weight(), 0);
        });
        return new TrustChange(subject, before[0], after.toScore(), evidence);
    }

    @Override
    public String toString() {
        return "BetaTrustScorer[halfLife=" + halfLife + "]";
    }

    /** Immutable evidence masses as of {@code atMillis}. */
    private static final class Mass {
        static final Mass EMPTY = new Mass(0, 0, 0);
        final double positive;
        final double negative;
        final long atMillis;

        Mass(double positive, double negative, long atMillis) {
            this.positive = positive;
            this.negative = negative;
            this.atMillis = atMillis;
        }

        Mass at(long millis) {
            return new Mass(positive, negative, millis);
        }

        Mass decayedTo(long nowMillis, double halfLifeMillis) {
            long elapsed = nowMillis - atMillis;
            if (elapsed <= 0) {
                return this;
            }
            double f = Math.pow(0.5, elapsed / halfLifeMillis);
            return new Mass(positive * f, negative * f, nowMillis);
        }

        Mass plus(double pos, double neg) {
            return new Mass(positive + pos, negative + neg, atMillis);
        }

        TrustScore toScore() {
            double n = positive + negative;
            return new TrustScore((positive + 1) / (n + 2), n / (n + 2));
        }
    }
}
