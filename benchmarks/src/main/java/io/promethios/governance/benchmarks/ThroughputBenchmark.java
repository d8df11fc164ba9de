package io.promethios.governance.benchmarks;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.session.InMemorySessionStore;
import org.openjdk.jmh.annotations.Threads;
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
 * Throughput of default turns (as {@link TurnBenchmark#defaultTurn}) with 2 threads sharing one
 * pipeline, each on its own sessions: turns per second, the whole JVM.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(2)
public class ThroughputBenchmark {

    /** The shared pipeline. */
    @State(Scope.Benchmark)
    public static class Shared {
        InMemorySessionStore store;
        GovernancePipeline pipeline;

        @Setup(Level.Trial)
        public void setUp() {
            store = InMemorySessionStore.create();
            pipeline = Fixtures.defaultPipeline(store);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pipeline.close();
        }
    }

    /** Each thread's sessions. */
    @State(Scope.Thread)
    public static class PerThread {
        SessionPool pool;

        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            pool = new SessionPool(shared.store, TurnBenchmark.HISTORY_TURNS, null);
        }
    }

    /** One default turn; JMH sums both threads. */
    @Benchmark
    public GovernedResponse defaultTurn(Shared shared, PerThread thread) {
        return shared.pipeline.chat(ChatRequest.of(thread.pool.next(), Fixtures.IN_1K));
    }
}
