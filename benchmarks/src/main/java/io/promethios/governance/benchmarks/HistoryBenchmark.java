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
 * A default turn by history length: sessions holding 10 or 1,000 earlier turns (20 or 2,000
 * messages of 1 KB; see {@link SessionPool} for how the length is held steady). The agent is
 * given the default window of 50 messages either way.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class HistoryBenchmark {

    @Param({"10", "1000"})
    public int historyTurns;

    private GovernancePipeline pipeline;
    private SessionPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        InMemorySessionStore store = InMemorySessionStore.create();
        pipeline = Fixtures.defaultPipeline(store);
        pool = new SessionPool(store, historyTurns, null);
        TurnBenchmark.requireDelivered(pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    /** One default turn on a session with {@code historyTurns} earlier turns. */
    @Benchmark
    public GovernedResponse turn() {
        return pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K));
    }
}
