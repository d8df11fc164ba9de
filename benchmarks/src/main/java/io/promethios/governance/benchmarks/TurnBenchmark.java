package io.promethios.governance.benchmarks;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.InMemorySessionStore;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole turns with a stub agent (answers at once), so everything measured is governance.
 *
 * <ul>
 *   <li>{@link #defaultTurn}: 1 KB in, 1 KB out, the {@link DefaultPolicies default policy set} at
 *       INPUT and OUTPUT, default trust scorer and rule observer, the audit hash chain, a session
 *       with 10 earlier turns (see {@link SessionPool}). Run it with {@code -prof gc} for
 *       allocation per turn.</li>
 *   <li>{@link #fixedCostTurn}: a 2-character message and answer and no policies: what a turn
 *       costs whatever its text (validation, trust, observer, audit chain, session commit).</li>
 *   <li>{@link #textWork}: the default policy set alone over the same 1 KB in + 1 KB out, called
 *       as the engine calls it: the text work of the turn, compared with the floor.</li>
 *   <li>{@link #noGovernance}: the baseline, the stub agent called directly.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class TurnBenchmark {

    static final int HISTORY_TURNS = 10;

    private GovernancePipeline pipeline;
    private SessionPool pool;
    private GovernancePipeline fixedPipeline;
    private SessionPool fixedPool;
    private List<Policy> policies;
    private PolicyContext inCtx;
    private PolicyContext outCtx;
    private StubAgent agent;
    private AgentRequest agentRequest;

    @Setup(Level.Trial)
    public void setUp() {
        InMemorySessionStore store = InMemorySessionStore.create();
        pipeline = Fixtures.defaultPipeline(store);
        pool = new SessionPool(store, HISTORY_TURNS, null);
        requireDelivered(pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K)));

        InMemorySessionStore fixedStore = InMemorySessionStore.create();
        fixedPipeline = Fixtures.pipeline(new StubAgent("stub", "ok"), List.of(), new RetentionFreeAuditSink(), fixedStore, 0);
        fixedPool = new SessionPool(fixedStore, HISTORY_TURNS, null, "hi", "ok");
        requireDelivered(fixedPipeline.chat(ChatRequest.of(fixedPool.next(), "hi")));

        policies = DefaultPolicies.create();
        ChatSession s = pipeline.sessions().get(pool.next());
        inCtx = new PolicyContext(EnforcementPoint.INPUT, Fixtures.IN_1K, s, "", null, null);
        outCtx = new PolicyContext(EnforcementPoint.OUTPUT, Fixtures.OUT_1K, s, "stub", null, null);
        agent = new StubAgent("stub", Fixtures.OUT_1K);
        agentRequest = AgentRequest.of(s.id(), "stub", Fixtures.IN_1K);
    }

    static void requireDelivered(GovernedResponse r) {
        if (r.status() != ContentStatus.DELIVERED) {
            throw new IllegalStateException("benchmark turn was not delivered as is: " + r + " " + r.decisions());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
        fixedPipeline.close();
    }

    /** The full default turn: 1 KB in, 1 KB out, default policies, trust, observer, audit chain. */
    @Benchmark
    public GovernedResponse defaultTurn() {
        return pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K));
    }

    /** A turn with 2-character texts and no policies: the fixed cost per turn. */
    @Benchmark
    public GovernedResponse fixedCostTurn() {
        return fixedPipeline.chat(ChatRequest.of(fixedPool.next(), "hi"));
    }

    /** The default policies over 1 KB in and 1 KB out, without the pipeline: the text work of a turn. */
    @Benchmark
    public void textWork(Blackhole bh) {
        for (Policy p : policies) {
            PolicyDecision d = p.evaluate(inCtx);
            bh.consume(d);
        }
        for (Policy p : policies) {
            bh.consume(p.evaluate(outCtx));
        }
    }

    /** No governance: the stub agent called directly. */
    @Benchmark
    public AgentReply noGovernance() {
        return agent.respond(agentRequest);
    }
}
