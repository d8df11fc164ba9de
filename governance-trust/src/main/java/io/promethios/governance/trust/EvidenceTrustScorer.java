package io.promethios.governance.trust;

import io.promethios.governance.core.spi.TrustScorer;
import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.SubjectKind;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustState;
import io.promethios.governance.core.trust.TrustStore;
import io.promethios.governance.core.trust.TrustSubject;
import io.promethios.governance.trust.store.InMemoryTrustStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Trust from weighted evidence: Beta reputation with forgetting, per subject, plus system health
 * over a sliding window. Create once and share; thread-safe.
 *
 * <h2>Users, agents and conversations</h2>
 * Each subject holds a positive mass {@code a}, a negative mass {@code b} (a {@link TrustState}
 * in a {@link TrustStore}) and a trend. A piece of evidence of kind {@code k} and weight
 * {@code w} (its severity; the pipeline uses 1 for a clean turn and BLOCK 3, REQUIRE_APPROVAL 2,
 * ESCALATE 1.5, WARN 1 for violations) is applied in four steps:
 * <ol>
 *   <li><b>time decay</b>: {@code a, b *= 0.5^(elapsed / halfLife(kind of subject))};</li>
 *   <li><b>forgetting</b>: {@code a, b *= λ}, the subject kind's forgetting factor, so only about
 *       {@code 1/(1-λ)} recent observations count and an old mistake fades with every new turn;</li>
 *   <li><b>the evidence</b>: with {@code m = kindWeight(k) × w}, positive kinds add {@code m} to
 *       {@code a}, negative kinds add {@code m} to {@code b}, and {@link EvidenceKind#REVIEW_CLEARED}
 *       <i>removes</i> {@code m} from {@code b} (never below 0): a reviewer clearing a false
 *       positive takes it back rather than adding praise;</li>
 *   <li><b>trend</b>: {@code trend = α·(score after − score before) + (1−α)·trend} (the trend
 *       also decays with time like the masses), negative when trust is falling.</li>
 * </ol>
 * With a uniform Beta(1,1) prior:
 * <pre>{@code
 * score      = (a + 1) / (a + b + 2)      // 0.5 with no evidence
 * confidence = (a + b) / (a + b + 2)      // 0 with no evidence
 * }</pre>
 *
 * <h2>System</h2>
 * System trust is the health of the whole pipeline over the last {@code systemWindowSize}
 * outcomes (at most {@code systemWindowDuration} old): evidence recorded for
 * {@link TrustSubject#system()} counts as a clean or violating outcome (by count, its weight is
 * ignored), and every {@link EvidenceKind#AGENT_ERROR} or {@link EvidenceKind#AGENT_TIMEOUT}
 * recorded for any agent counts as an error outcome as well.
 * {@code score = 1 − min(1, violationImpact·violationRate + errorImpact·errorRate)},
 * {@code confidence = n / (n + 2)}. The window is per scorer instance (this JVM).
 *
 * <h2>Time</h2>
 * Evidence counts as of its own timestamp ({@link Evidence#at()}): {@link #record} decays the
 * masses to that instant, never backwards (evidence older than the subject's last update is added
 * without decay). {@link #score(TrustSubject, Instant)} decays to the given instant (the pipeline
 * passes the turn's time, read once for its four subjects); {@link #score(TrustSubject)} reads the
 * scorer's clock. So a turn costs one clock read for the snapshot instead of one per call.
 *
 * <p>All parameters and their defaults are in {@link TrustConfig}.
 *
 * @since 0.1
 */
public final class EvidenceTrustScorer implements TrustScorer {

    private static final double LN_HALF = Math.log(0.5);

    private final TrustConfig config;
    private final TrustStore store;
    private final Clock clock;
    private final SystemWindow system;
    // Per subject kind, by ordinal (NaN for SYSTEM, which has no masses): ln 0.5 / halfLife in
    // millis, and the forgetting factor.
    private final double[] decayPerMilli = new double[SubjectKind.values().length];
    private final double[] forgetting = new double[SubjectKind.values().length];
    private final double[] kindWeights = new double[EvidenceKind.values().length];
    private final double alpha;

    private EvidenceTrustScorer(TrustConfig config, TrustStore store, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.system = new SystemWindow(config.systemWindowSize(), config.systemWindowDuration().toMillis(),
                config.systemViolationImpact(), config.systemErrorImpact());
        for (SubjectKind k : SubjectKind.values()) {
            boolean hasMasses = k != SubjectKind.SYSTEM;
            decayPerMilli[k.ordinal()] = hasMasses ? LN_HALF / config.halfLife(k).toMillis() : Double.NaN;
            forgetting[k.ordinal()] = hasMasses ? config.forgettingFactor(k) : Double.NaN;
        }
        for (EvidenceKind k : EvidenceKind.values()) {
            kindWeights[k.ordinal()] = config.kindWeight(k);
        }
        this.alpha = config.trendSmoothing();
    }

    /** Default config, an in-memory store, the system clock. */
    public static EvidenceTrustScorer create() {
        return create(TrustConfig.ofDefaults());
    }

    /** {@code config}, an in-memory store bounded by {@code config.maximumSubjects()}, the system clock. */
    public static EvidenceTrustScorer create(TrustConfig config) {
        return new EvidenceTrustScorer(config, InMemoryTrustStore.create(config.maximumSubjects()), Clock.systemUTC());
    }

    /** {@code config} over {@code store} with the system clock. */
    public static EvidenceTrustScorer create(TrustConfig config, TrustStore store) {
        return new EvidenceTrustScorer(config, store, Clock.systemUTC());
    }

    /** {@code config} over {@code store}, decaying by {@code clock} (tests and simulations). */
    public static EvidenceTrustScorer create(TrustConfig config, TrustStore store, Clock clock) {
        return new EvidenceTrustScorer(config, store, clock);
    }

    @Override
    public TrustScore score(TrustSubject subject) {
        Objects.requireNonNull(subject, "subject");
        return score(subject, clock.millis());
    }

    /** The score decayed to {@code at} (the pipeline passes the turn's time, read once for all four subjects). */
    @Override
    public TrustScore score(TrustSubject subject, Instant at) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        return score(subject, at.toEpochMilli());
    }

    private TrustScore score(TrustSubject subject, long nowMillis) {
        if (subject.kind() == SubjectKind.SYSTEM) {
            return system.score(nowMillis);
        }
        Optional<TrustState> s = store.find(subject);
        if (s.isEmpty()) {
            return TrustScore.unknown();
        }
        TrustState st = s.get();
        double f = decayFactor(subject.kind(), st.updatedAtMillis(), nowMillis);
        return toScore(st.positive() * f, st.negative() * f);
    }

    @Override
    public TrustChange record(TrustSubject subject, Evidence evidence) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(evidence, "evidence");
        long now = evidence.at().toEpochMilli(); // evidence counts as of when it was observed
        EvidenceKind kind = evidence.kind();
        if (subject.kind() == SubjectKind.SYSTEM) {
            return system.record(subject, evidence, outcomeOf(kind), now);
        }
        if (subject.kind() == SubjectKind.AGENT && (kind == EvidenceKind.AGENT_ERROR || kind == EvidenceKind.AGENT_TIMEOUT)) {
            system.add(SystemWindow.ERROR, now);
        }
        double mass = kindWeights[kind.ordinal()] * evidence.weight();
        int k = subject.kind().ordinal();
        Apply op = new Apply(decayPerMilli[k], forgetting[k], mass, kind, now, alpha);
        TrustState after = store.update(subject, op);
        Objects.requireNonNull(after, "trust store returned null");
        // op computed both means from these masses (the trend needs them): only the confidences remain
        TrustScore scoreBefore = new TrustScore(op.beforeScore, confidence(op.beforePositive + op.beforeNegative));
        TrustScore scoreAfter = after == op.result
                ? new TrustScore(op.afterScore, confidence(after.positive() + after.negative()))
                : toScore(after.positive(), after.negative()); // a store that returned another state than op's
        return new TrustChange(subject, scoreBefore, scoreAfter, evidence);
    }

    /**
     * The subject's trend: an exponentially weighted average of its recent score changes per
     * piece of evidence (negative when trust is falling), decayed to now; 0 when unknown or for
     * SYSTEM.
     */
    public double trend(TrustSubject subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.kind() == SubjectKind.SYSTEM) {
            return 0;
        }
        Optional<TrustState> s = store.find(subject);
        return s.map(st -> st.trend() * decayFactor(subject.kind(), st.updatedAtMillis(), clock.millis())).orElse(0.0);
    }

    /** The subject's stored state (masses as of their last update), if any evidence was recorded. */
    public Optional<TrustState> state(TrustSubject subject) {
        Objects.requireNonNull(subject, "subject");
        return store.find(subject);
    }

    /** Counts of clean, violating and failed outcomes in the system window now, in that order. */
    public int[] systemWindowCounts() {
        return system.counts(clock.millis());
    }

    /** The parameters. */
    public TrustConfig config() {
        return config;
    }

    /** The store trust state lives in. */
    public TrustStore store() {
        return store;
    }

    @Override
    public String toString() {
        return "EvidenceTrustScorer[" + config + ", store=" + store + "]";
    }

    private double decayFactor(SubjectKind kind, long fromMillis, long nowMillis) {
        long elapsed = nowMillis - fromMillis;
        return elapsed <= 0 ? 1.0 : Math.exp(decayPerMilli[kind.ordinal()] * elapsed);
    }

    private static byte outcomeOf(EvidenceKind kind) {
        if (kind == EvidenceKind.AGENT_ERROR || kind == EvidenceKind.AGENT_TIMEOUT) {
            return SystemWindow.ERROR;
        }
        return kind.isNegative() ? SystemWindow.VIOLATION : SystemWindow.CLEAN;
    }

    static TrustScore toScore(double a, double b) {
        double n = a + b;
        return new TrustScore((a + 1) / (n + 2), n / (n + 2));
    }

    private static double confidence(double n) {
        return n / (n + 2);
    }

    /**
     * One update; keeps the masses it started from, the means before and after, and the state it
     * returned, so {@link #record} can report the change without computing the means again.
     */
    private static final class Apply implements java.util.function.UnaryOperator<TrustState> {
        private final double decayPerMilli;
        private final double forgetting;
        private final double mass;
        private final EvidenceKind kind;
        private final long now;
        private final double alpha;
        double beforePositive;
        double beforeNegative;
        double beforeScore;
        double afterScore;
        TrustState result;

        Apply(double decayPerMilli, double forgetting, double mass, EvidenceKind kind, long now, double alpha) {
            this.decayPerMilli = decayPerMilli;
            this.forgetting = forgetting;
            this.mass = mass;
            this.kind = kind;
            this.now = now;
            this.alpha = alpha;
        }

        @Override
        public TrustState apply(TrustState s) {
            long elapsed = now - s.updatedAtMillis();
            double f = elapsed <= 0 || s.updatedAtMillis() == 0 ? 1.0 : Math.exp(decayPerMilli * elapsed);
            double a = s.positive() * f;
            double b = s.negative() * f;
            beforePositive = a;
            beforeNegative = b;
            double before = (a + 1) / (a + b + 2);
            a *= forgetting;
            b *= forgetting;
            if (kind == EvidenceKind.REVIEW_CLEARED) {
                b = Math.max(0, b - mass);
            } else if (kind.isNegative()) {
                b += mass;
            } else {
                a += mass;
            }
            double after = (a + 1) / (a + b + 2);
            beforeScore = before;
            afterScore = after;
            double trend = alpha * (after - before) + (1 - alpha) * s.trend() * f;
            result = new TrustState(a, b, Math.max(now, s.updatedAtMillis()), trend);
            return result;
        }
    }
}
