package io.promethios.governance.benchmarks;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
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

import java.util.concurrent.TimeUnit;

/**
 * A 1 KB in / 1 KB out turn by number of policies (1, 10, 100), each applied at INPUT and
 * OUTPUT, cycling through the default kinds (e-mail regex, card regex, injection phrases).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class PolicyCountBenchmark {

    @Param({"1", "10", "100"})
    public int policies;

    private GovernancePipeline pipeline;
    private SessionPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        InMemorySessionStore store = InMemorySessionStore.create();
        pipeline = Fixtures.pipeline(new StubAgent("stub", Fixtures.OUT_1K), DefaultPolicies.many(policies), new RetentionFreeAuditSink(),
                store, 0);
        pool = new SessionPool(store, TurnBenchmark.HISTORY_TURNS, null);
        TurnBenchmark.requireDelivered(pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    /** One turn with {@code policies} policies. */
    @Benchmark
    public GovernedResponse turn() {
        return pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K));
    }
}
