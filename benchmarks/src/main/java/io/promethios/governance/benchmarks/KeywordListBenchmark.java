package io.promethios.governance.benchmarks;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.DetectorPolicy;
import io.promethios.governance.policies.Detectors;
import io.promethios.governance.core.session.InMemorySessionStore;
import io.promethios.governance.core.spi.PolicyContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keyword-list size (1k, 10k, 100k seeded terms) with the
 * {@code keywords} detector of governance-policies (one Aho-Corasick pass over the normalized
 * text, whatever the list size) as a BLOCK policy: {@link #policyOnly} is one
 * evaluation over 1 KB of clean text; {@link #turn} is a 1 KB in / 1 KB out turn with that
 * policy at INPUT and OUTPUT (default 100 ms policy budget: if an evaluation overruns it the turn
 * is blocked fail-closed, which the setup reports).
 *
 * <p>{@code vocabulary}: {@code words} are phrases of real words, a third of them starting with a
 * word the text uses ({@link Texts#keywordPhrases}), so the matcher walks into the phrase list at
 * most word starts, as with real blocklists; {@code syllables} are pseudo-words the text never
 * starts ({@link Texts#keywordTerms}), the easy case the first measurements used. Neither list
 * has a phrase the text contains, so the turn is delivered and only the scan is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class KeywordListBenchmark {

    @Param({"1000", "10000", "100000"})
    public int terms;

    @Param({"words", "syllables"})
    public String vocabulary;

    private Policy policy;
    // four texts taken in turn: DetectorPolicy reuses its last scan of the very same text
    private final PolicyContext[] ctx = new PolicyContext[4];
    private int nextCtx;
    private GovernancePipeline pipeline;
    private SessionPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> list = switch (vocabulary) {
            case "words" -> Texts.keywordPhrases(terms, 42);
            case "syllables" -> Texts.keywordTerms(terms, 42);
            default -> throw new IllegalArgumentException("vocabulary: words or syllables, but was " + vocabulary);
        };
        policy = DetectorPolicy.builder("keyword-list", Detectors.keywords(list)).action(Action.BLOCK)
                .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT).build();
        InMemorySessionStore store = InMemorySessionStore.create();
        pipeline = Fixtures.pipeline(new StubAgent("stub", Fixtures.OUT_1K), List.of(policy), new RetentionFreeAuditSink(), store, 0);
        pool = new SessionPool(store, TurnBenchmark.HISTORY_TURNS, null);
        GovernedResponse first = pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K));
        System.out.println("keyword list " + terms + " " + vocabulary + ": first turn " + first.status() + " " + first.verdict());
        for (int i = 0; i < ctx.length; i++) {
            ctx[i] = new PolicyContext(EnforcementPoint.INPUT, i == 0 ? Fixtures.IN_1K : Texts.prose(1024, 1 + 10 * i),
                    pipeline.sessions().get(pool.next()), "", null, null);
            PolicyDecision d = policy.evaluate(ctx[i]);
            if (d.isViolation()) {
                throw new IllegalStateException("text " + i + " contains a listed phrase (" + d.verdict() + "): only the scan is to be measured");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    /** One keyword-policy evaluation over 1 KB (the next of four texts). */
    @Benchmark
    public PolicyDecision policyOnly() {
        return policy.evaluate(ctx[nextCtx++ & 3]);
    }

    /** One turn with the keyword policy at INPUT and OUTPUT. */
    @Benchmark
    public GovernedResponse turn() {
        return pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K));
    }
}
