package io.promethios.governance.benchmarks;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.session.InMemorySessionStore;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Parallel agent count (1, 8, 32). The pipeline has no multi-agent coordinator yet (one agent per
 * session), so this measures what exists: {@code agents} stub agents registered on one pipeline,
 * one session per agent, and one operation is a fan-out of one default turn on each session from
 * a pool of {@code agents} threads, waiting for all. Divide by {@code agents} for the time per
 * turn. The coordinator's own cost (synthesis, per-agent timeouts) is pending; on a 2-core machine
 * the fan-out is bounded by the cores, not by the pipeline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ParallelAgentsBenchmark {

    @Param({"1", "8", "32"})
    public int agents;

    private GovernancePipeline pipeline;
    private SessionPool[] pools;
    private ExecutorService executor;

    @Setup(Level.Trial)
    public void setUp() {
        InMemorySessionStore store = InMemorySessionStore.create();
        GovernancePipeline.Builder b = GovernancePipeline.builder()
                .agent(new StubAgent("stub", Fixtures.OUT_1K))
                .addPolicies(DefaultPolicies.create())
                .auditSink(new RetentionFreeAuditSink())
                .sessionStore(store);
        for (int i = 0; i < agents; i++) {
            b.addAgent(new StubAgent("agent-" + i, Fixtures.OUT_1K));
        }
        pipeline = b.build();
        pools = new SessionPool[agents];
        for (int i = 0; i < agents; i++) {
            pools[i] = new SessionPool(store, TurnBenchmark.HISTORY_TURNS, "agent-" + i);
            TurnBenchmark.requireDelivered(pipeline.chat(ChatRequest.of(pools[i].next(), Fixtures.IN_1K)));
        }
        executor = Executors.newFixedThreadPool(agents);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
        pipeline.close();
    }

    /** One turn per agent, all at once; returns when every turn is done. */
    @Benchmark
    public int fanOut() throws Exception {
        List<Future<?>> futures = new ArrayList<>(agents);
        for (SessionPool pool : pools) {
            futures.add(executor.submit(() -> pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K))));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return futures.size();
    }
}
