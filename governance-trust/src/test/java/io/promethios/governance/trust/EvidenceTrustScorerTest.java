package io.promethios.governance.trust;

import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.SubjectKind;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustState;
import io.promethios.governance.core.trust.TrustSubject;
import io.promethios.governance.trust.store.InMemoryTrustStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvidenceTrustScorerTest {

    private final MutableClock clock = MutableClock.startingAt2025();
    private final TrustSubject alice = TrustSubject.user("alice");

    private EvidenceTrustScorer scorer(TrustConfig config) {
        return EvidenceTrustScorer.create(config, InMemoryTrustStore.create(), clock);
    }

    /** No forgetting: pure Beta reputation with time decay, so masses are easy to check. */
    private static TrustConfig.Builder noForgetting() {
        return TrustConfig.custom().forgettingFactor(SubjectKind.USER, 1).forgettingFactor(SubjectKind.AGENT, 1)
                .forgettingFactor(SubjectKind.CONVERSATION, 1);
    }

    private Evidence ev(EvidenceKind kind, double weight) {
        return Evidence.of(kind, weight, kind.name(), clock.instant());
    }

    @Test
    void unknownSubjectHasNeutralScoreAndNoConfidence() {
        EvidenceTrustScorer s = scorer(TrustConfig.ofDefaults());
        assertThat(s.score(alice)).isEqualTo(TrustScore.unknown());
        assertThat(s.score(TrustSubject.system())).isEqualTo(TrustScore.unknown());
        assertThat(s.trend(alice)).isZero();
    }

    @Test
    void betaMeanOfWeightedEvidence() {
        EvidenceTrustScorer s = scorer(noForgetting().kindWeight(EvidenceKind.POLICY_VIOLATION, 2).build());
        for (int i = 0; i < 6; i++) {
            s.record(alice, ev(EvidenceKind.CLEAN_TURN, 1));
        }
        TrustChange c = s.record(alice, ev(EvidenceKind.POLICY_VIOLATION, 1.5)); // mass 2 x 1.5 = 3
        // a = 6, b = 3: (6+1)/(9+2), confidence 9/11
        assertThat(c.after().score()).isCloseTo(7.0 / 11, within(1e-12));
        assertThat(c.after().confidence()).isCloseTo(9.0 / 11, within(1e-12));
        assertThat(c.before().score()).isCloseTo(7.0 / 8, within(1e-12));
        assertThat(c.delta()).isNegative();
        assertThat(s.score(alice)).isEqualTo(c.after());
    }

    @Test
    void severityScalesTheImpact() {
        EvidenceTrustScorer s = scorer(TrustConfig.ofDefaults());
        TrustChange warn = s.record(TrustSubject.user("w"), ev(EvidenceKind.POLICY_VIOLATION, 1));
        TrustChange block = s.record(TrustSubject.user("b"), ev(EvidenceKind.POLICY_VIOLATION, 3));
        assertThat(block.after().score()).isLessThan(warn.after().score());
    }

    @Test
    void evidenceDecaysWithTheHalfLife() {
        EvidenceTrustScorer s = scorer(noForgetting().halfLife(SubjectKind.USER, Duration.ofHours(1)).build());
        s.record(alice, ev(EvidenceKind.POLICY_VIOLATION, 2));  // b = 2: 1/4
        assertThat(s.score(alice).score()).isCloseTo(0.25, within(1e-12));
        clock.advance(Duration.ofHours(1));                      // b = 1: 1/3
        assertThat(s.score(alice).score()).isCloseTo(1.0 / 3, within(1e-9));
        clock.advance(Duration.ofHours(9));
        assertThat(s.score(alice).score()).isCloseTo(0.5, within(1e-3)); // recovered towards neutral
        assertThat(s.score(alice).confidence()).isLessThan(0.01);
    }

    @Test
    void withForgettingAnOldViolationFadesWithEveryTurn() {
        EvidenceTrustScorer forgetting = scorer(TrustConfig.custom().forgettingFactor(SubjectKind.USER, 0.8).build());
        EvidenceTrustScorer remembering = scorer(noForgetting().build());
        TrustSubject never = TrustSubject.user("never-violated");
        for (EvidenceTrustScorer s : List.of(forgetting, remembering)) {
            for (int i = 0; i < 25; i++) {
                s.record(never, ev(EvidenceKind.CLEAN_TURN, 1));
            }
            for (int i = 0; i < 5; i++) {
                s.record(alice, ev(EvidenceKind.CLEAN_TURN, 1));
            }
            s.record(alice, ev(EvidenceKind.POLICY_VIOLATION, 3));
            for (int i = 0; i < 5; i++) {
                s.record(alice, ev(EvidenceKind.CLEAN_TURN, 1));
            }
        }
        // with λ = 0.8 the violation counts 3 x 0.8^5 = 0.98 after five clean turns; without, still 3
        assertThat(forgetting.state(alice).orElseThrow().negative()).isCloseTo(3 * Math.pow(0.8, 5), within(1e-9));
        assertThat(remembering.state(alice).orElseThrow().negative()).isEqualTo(3);
        for (EvidenceTrustScorer s : List.of(forgetting, remembering)) {
            for (int i = 0; i < 15; i++) {
                s.record(alice, ev(EvidenceKind.CLEAN_TURN, 1));
            }
        }
        // after 20 clean turns (25 turns each) the forgetting model has all but forgotten the violation; pure Beta has not
        assertThat(forgetting.score(never).score() - forgetting.score(alice).score()).isBetween(0.0, 0.01);
        assertThat(remembering.score(never).score() - remembering.score(alice).score()).isGreaterThan(0.05);
    }

    @Test
    void reviewClearedRemovesNegativeMass() {
        EvidenceTrustScorer s = scorer(noForgetting().build());
        s.record(alice, ev(EvidenceKind.CLEAN_TURN, 2));
        s.record(alice, ev(EvidenceKind.POLICY_VIOLATION, 3));
        TrustChange cleared = s.record(alice, ev(EvidenceKind.REVIEW_CLEARED, 3));
        assertThat(cleared.after().score()).isCloseTo(3.0 / 4, within(1e-12)); // a=2, b=0
        TrustState st = s.state(alice).orElseThrow();
        assertThat(st.negative()).isZero();
        assertThat(st.positive()).isEqualTo(2);
        // clearing more than there is never goes below zero
        s.record(alice, ev(EvidenceKind.REVIEW_CLEARED, 10));
        assertThat(s.state(alice).orElseThrow().negative()).isZero();
    }

    @Test
    void zeroKindWeightIgnoresTheKind() {
        EvidenceTrustScorer s = scorer(TrustConfig.custom().kindWeight(EvidenceKind.FEEDBACK_NEGATIVE, 0).build());
        TrustChange c = s.record(alice, ev(EvidenceKind.FEEDBACK_NEGATIVE, 5));
        assertThat(c.after().score()).isEqualTo(0.5);
    }

    @Test
    void trendFollowsFallingAndRisingTrust() {
        EvidenceTrustScorer s = scorer(TrustConfig.ofDefaults());
        TrustSubject conv = TrustSubject.conversation("s1");
        for (int i = 0; i < 4; i++) {
            s.record(conv, ev(EvidenceKind.CLEAN_TURN, 1));
        }
        assertThat(s.trend(conv)).isPositive();
        s.record(conv, ev(EvidenceKind.POLICY_VIOLATION, 3));
        s.record(conv, ev(EvidenceKind.POLICY_VIOLATION, 3));
        assertThat(s.trend(conv)).isLessThan(-0.05);
    }

    @Test
    void systemTrustIsHealthOverTheWindow() {
        EvidenceTrustScorer s = scorer(TrustConfig.custom().systemWindowSize(10).systemErrorImpact(2).build());
        TrustSubject sys = TrustSubject.system();
        for (int i = 0; i < 8; i++) {
            s.record(sys, ev(EvidenceKind.CLEAN_TURN, 0.1));
        }
        s.record(sys, ev(EvidenceKind.POLICY_VIOLATION, 0.3));
        s.record(TrustSubject.agent("gpt"), ev(EvidenceKind.AGENT_TIMEOUT, 1)); // an agent failure is a system error too
        // 10 outcomes: 1 violation, 1 error -> 1 - (0.1 + 2 x 0.1)
        assertThat(s.score(sys).score()).isCloseTo(0.7, within(1e-12));
        assertThat(s.systemWindowCounts()).containsExactly(8, 1, 1);
        // the window slides: 10 clean outcomes push the bad ones out
        for (int i = 0; i < 10; i++) {
            s.record(sys, ev(EvidenceKind.CLEAN_TURN, 0.1));
        }
        assertThat(s.score(sys).score()).isEqualTo(1.0);
    }

    @Test
    void systemChangeIsTheScoreJustBeforeAndJustAfterTheOutcome() {
        EvidenceTrustScorer s = scorer(TrustConfig.custom().systemWindowSize(4).systemWindowDuration(Duration.ofMinutes(5)).build());
        TrustSubject sys = TrustSubject.system();
        Evidence violation = ev(EvidenceKind.POLICY_VIOLATION, 0.3);
        TrustChange first = s.record(sys, violation);
        assertThat(first.subject()).isEqualTo(sys);
        assertThat(first.evidence()).isSameAs(violation);
        assertThat(first.before()).isEqualTo(TrustScore.unknown());
        assertThat(first.after()).isEqualTo(new TrustScore(0.0, 1.0 / 3));
        // the violation is too old by the time the next outcome arrives: "before" is without it
        clock.advance(Duration.ofMinutes(6));
        TrustChange clean = s.record(sys, ev(EvidenceKind.CLEAN_TURN, 0.1));
        assertThat(clean.before()).isEqualTo(TrustScore.unknown());
        assertThat(clean.after()).isEqualTo(new TrustScore(1.0, 1.0 / 3));
        // a full window: the new outcome pushes the oldest (a violation) out
        s.record(sys, ev(EvidenceKind.POLICY_VIOLATION, 0.3));
        clock.advance(Duration.ofMinutes(1));
        s.record(sys, ev(EvidenceKind.CLEAN_TURN, 0.1));
        s.record(sys, ev(EvidenceKind.CLEAN_TURN, 0.1));
        clock.advance(Duration.ofMinutes(4)); // the first clean outcome is now 5 minutes old: still in the window
        s.record(sys, ev(EvidenceKind.CLEAN_TURN, 0.1));
        assertThat(s.systemWindowCounts()).containsExactly(3, 1, 0);
        TrustScore before = s.score(sys);
        TrustChange full = s.record(sys, ev(EvidenceKind.POLICY_VIOLATION, 0.3));
        assertThat(full.before()).isEqualTo(before).isEqualTo(new TrustScore(0.75, 4.0 / 6));
        assertThat(full.after()).isEqualTo(s.score(sys)).isEqualTo(new TrustScore(0.75, 4.0 / 6));
        assertThat(s.systemWindowCounts()).containsExactly(3, 1, 0);
    }

    @Test
    void systemScoreFollowsEveryChangeOfTheCountsWhileTheWindowSlides() {
        // a small full window: outcomes replace each other, sometimes with one of the same type
        // (the score is reused) and sometimes not (it must change)
        EvidenceTrustScorer s = scorer(TrustConfig.custom().systemWindowSize(3).systemViolationImpact(1).systemErrorImpact(2).build());
        TrustSubject sys = TrustSubject.system();
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 300; i++) {
            switch (random.nextInt(3)) {
                case 0 -> s.record(sys, ev(EvidenceKind.CLEAN_TURN, 0.1));
                case 1 -> s.record(sys, ev(EvidenceKind.POLICY_VIOLATION, 0.3));
                default -> s.record(TrustSubject.agent("gpt"), ev(EvidenceKind.AGENT_ERROR, 1)); // an error outcome only
            }
            int[] c = s.systemWindowCounts();
            double n = c[0] + c[1] + c[2];
            TrustScore expected = new TrustScore(1.0 - Math.min(1.0, c[1] / n + 2.0 * c[2] / n), n / (n + 2));
            assertThat(s.score(sys)).as("after outcome %d, counts %s", i, java.util.Arrays.toString(c)).isEqualTo(expected);
        }
    }

    @Test
    void changeReportsTheScoresOfTheMassesBeforeAndAfter() {
        EvidenceTrustScorer s = scorer(TrustConfig.ofDefaults());
        for (EvidenceKind kind : List.of(EvidenceKind.CLEAN_TURN, EvidenceKind.POLICY_VIOLATION, EvidenceKind.CLEAN_TURN,
                EvidenceKind.REVIEW_CLEARED, EvidenceKind.AGENT_ERROR)) {
            clock.advance(Duration.ofMinutes(3)); // the masses decay between pieces of evidence
            TrustScore before = s.score(alice);
            TrustChange change = s.record(alice, ev(kind, 1.5));
            TrustState after = s.state(alice).orElseThrow();
            assertThat(change.before()).as(kind.name()).isEqualTo(before);
            assertThat(change.after()).as(kind.name()).isEqualTo(EvidenceTrustScorer.toScore(after.positive(), after.negative()));
        }
    }

    @Test
    void changeAfterIsTheScoreOfTheStateTheStoreReturned() {
        // a store that does not return what the change produced (it should): the change reports what the store says
        InMemoryTrustStore inner = InMemoryTrustStore.create();
        io.promethios.governance.core.trust.TrustStore doubling = new io.promethios.governance.core.trust.TrustStore() {
            @Override
            public java.util.Optional<TrustState> find(TrustSubject subject) {
                return inner.find(subject);
            }

            @Override
            public TrustState update(TrustSubject subject, java.util.function.UnaryOperator<TrustState> change) {
                TrustState next = inner.update(subject, change);
                return new TrustState(next.positive() * 2, next.negative() * 2, next.updatedAtMillis(), next.trend());
            }
        };
        EvidenceTrustScorer s = EvidenceTrustScorer.create(TrustConfig.ofDefaults(), doubling, clock);
        s.record(alice, ev(EvidenceKind.CLEAN_TURN, 1));
        TrustChange change = s.record(alice, ev(EvidenceKind.POLICY_VIOLATION, 1));
        TrustState stored = inner.find(alice).orElseThrow();
        assertThat(change.after()).isEqualTo(EvidenceTrustScorer.toScore(stored.positive() * 2, stored.negative() * 2));
    }

    @Test
    void systemWindowForgetsOldOutcomes() {
        EvidenceTrustScorer s = scorer(TrustConfig.custom().systemWindowDuration(Duration.ofMinutes(5)).build());
        s.record(TrustSubject.system(), ev(EvidenceKind.POLICY_VIOLATION, 1));
        assertThat(s.score(TrustSubject.system()).score()).isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(s.score(TrustSubject.system())).isEqualTo(TrustScore.unknown());
    }

    @Test
    void badEvidenceIsRejectedBeforeItReachesTheScorer() {
        for (double w : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1, 0}) {
            assertThatThrownBy(() -> Evidence.of(EvidenceKind.CLEAN_TURN, w, "", clock.instant()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        EvidenceTrustScorer s = scorer(TrustConfig.ofDefaults());
        assertThatThrownBy(() -> s.record(null, ev(EvidenceKind.CLEAN_TURN, 1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> s.record(alice, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void concurrentUpdatesOfOneSubjectLoseNoEvidence() throws Exception {
        // no forgetting, no decay within the test: every piece of evidence must be in the masses
        EvidenceTrustScorer s = scorer(noForgetting().build());
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean negative = t % 2 == 1;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    s.record(alice, ev(negative ? EvidenceKind.POLICY_VIOLATION : EvidenceKind.CLEAN_TURN, 1));
                    s.record(TrustSubject.system(), ev(EvidenceKind.CLEAN_TURN, 0.1));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        TrustState st = s.state(alice).orElseThrow();
        assertThat(st.positive()).isEqualTo(threads / 2 * perThread);
        assertThat(st.negative()).isEqualTo(threads / 2 * perThread);
        assertThat(s.systemWindowCounts()[0]).isEqualTo(TrustConfig.DEFAULT_SYSTEM_WINDOW_SIZE);
    }

    @Test
    void systemScoresReadWhileOthersRecordAreAlwaysAWholeWindowsScore() throws Exception {
        // score(system) reads without the window's lock when nothing is to be evicted: every score
        // it returns must be that of some real window, here 1 - v/n with 1 <= n <= 4 and v <= n
        EvidenceTrustScorer s = scorer(TrustConfig.custom().systemWindowSize(4).build());
        TrustSubject sys = TrustSubject.system();
        java.util.Set<TrustScore> valid = new java.util.HashSet<>();
        for (int n = 1; n <= 4; n++) {
            for (int v = 0; v <= n; v++) {
                valid.add(new TrustScore(1.0 - Math.min(1.0, 1.0 * v / n), n / (n + 2.0)));
            }
        }
        valid.add(TrustScore.unknown());
        int writers = 2;
        int readers = 2;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    boolean violation = (i * 7 + seed) % 3 == 0;
                    TrustChange c = s.record(sys, ev(violation ? EvidenceKind.POLICY_VIOLATION : EvidenceKind.CLEAN_TURN, 1));
                    assertThat(valid).contains(c.before(), c.after());
                }
                return null;
            }));
        }
        for (int t = 0; t < readers; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    assertThat(valid).contains(s.score(sys, clock.instant()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int[] counts = s.systemWindowCounts();
        assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(4);
        assertThat(s.score(sys)).isEqualTo(new TrustScore(1.0 - Math.min(1.0, counts[1] / 4.0), 4 / 6.0));
    }

    @Test
    void scoreAtAnInstantDecaysToThatInstantWithoutReadingTheClock() {
        EvidenceTrustScorer s = scorer(noForgetting().halfLife(SubjectKind.USER, java.time.Duration.ofHours(1)).build());
        s.record(alice, ev(EvidenceKind.POLICY_VIOLATION, 3));
        java.time.Instant t0 = clock.instant();
        TrustScore atT0 = s.score(alice);
        clock.advance(java.time.Duration.ofHours(1));
        // the clock moved on; asked for t0, the score is undecayed, asked for now, it equals score(alice)
        assertThat(s.score(alice, t0)).isEqualTo(atT0);
        assertThat(s.score(alice, clock.instant())).isEqualTo(s.score(alice));
        assertThat(s.score(alice, clock.instant()).score()).isGreaterThan(s.score(alice, t0).score());
        assertThat(s.score(TrustSubject.system(), clock.instant())).isEqualTo(s.score(TrustSubject.system()));
        assertThatThrownBy(() -> s.score(alice, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void evidenceCountsAsOfItsOwnTimestampAndNeverDecaysBackwards() {
        TrustConfig cfg = noForgetting().halfLife(SubjectKind.USER, java.time.Duration.ofHours(1)).build();
        EvidenceTrustScorer s = scorer(cfg);
        java.time.Instant t0 = clock.instant();
        s.record(alice, ev(EvidenceKind.POLICY_VIOLATION, 2));          // b = 2·w at t0
        clock.advance(java.time.Duration.ofHours(5));                    // the scorer's clock is far ahead
        // evidence observed one half-life after t0: the earlier mass decays by exactly one half-life
        s.record(alice, Evidence.of(EvidenceKind.CLEAN_TURN, 1, "clean", t0.plus(java.time.Duration.ofHours(1))));
        TrustState st = s.state(alice).orElseThrow();
        assertThat(st.updatedAtMillis()).isEqualTo(t0.plus(java.time.Duration.ofHours(1)).toEpochMilli());
        double negativeAfterOneHalfLife = st.negative();
        // late evidence, older than the last update: added without decay, and the update time stays
        s.record(alice, Evidence.of(EvidenceKind.CLEAN_TURN, 1, "late", t0));
        TrustState late = s.state(alice).orElseThrow();
        assertThat(late.updatedAtMillis()).isEqualTo(st.updatedAtMillis());
        assertThat(late.negative()).isEqualTo(negativeAfterOneHalfLife);
        assertThat(late.positive()).isGreaterThan(st.positive());
        // with a fresh scorer and the same evidence at t0 and t0 + 1 h, the negative mass halved once
        EvidenceTrustScorer fresh = scorer(cfg);
        fresh.record(alice, Evidence.of(EvidenceKind.POLICY_VIOLATION, 2, "v", t0));
        double b0 = fresh.state(alice).orElseThrow().negative();
        assertThat(negativeAfterOneHalfLife).isEqualTo(b0 / 2, within(1e-9));
    }
}
