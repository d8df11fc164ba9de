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
 * A default turn by message size: {@code size} bytes in and the same size out (100 B, 1 KB,
 * 16 KB, 64 KB), default policies, 10 earlier turns of 1 KB messages. {@code maxMessageChars} is
 * raised to 64 KB (the default bound is 32 K chars).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class MessageSizeBenchmark {

    @Param({"100", "1024", "16384", "65536"})
    public int size;

    private GovernancePipeline pipeline;
    private SessionPool pool;
    private String in;

    @Setup(Level.Trial)
    public void setUp() {
        in = Texts.prose(size, 11);
        InMemorySessionStore store = InMemorySessionStore.create();
        pipeline = Fixtures.pipeline(new StubAgent("stub", Texts.prose(size, 12)), DefaultPolicies.create(), new RetentionFreeAuditSink(),
                store, 65_536);
        pool = new SessionPool(store, TurnBenchmark.HISTORY_TURNS, null);
        TurnBenchmark.requireDelivered(pipeline.chat(ChatRequest.of(pool.next(), in)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    /** One default turn with {@code size} bytes in and out. */
    @Benchmark
    public GovernedResponse turn() {
        return pipeline.chat(ChatRequest.of(pool.next(), in));
    }
}
