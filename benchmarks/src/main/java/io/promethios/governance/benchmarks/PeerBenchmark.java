package io.promethios.governance.benchmarks;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Peers in the same run, with stub models and the same 1 KB in / 1 KB out: LangChain4j
 * {@value #LC4J} AI service with input and output guardrails doing the checks of
 * {@link DefaultPolicies} ({@link LangChain4jPeer}), the same service without guardrails, and the
 * four guardrails called directly (their text work). Compare with
 * {@link TurnBenchmark#defaultTurn}, {@link TurnBenchmark#textWork} and
 * {@link TurnBenchmark#noGovernance}. A Spring AI advisor chain is not included (see the README).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class PeerBenchmark {

    static final String LC4J = "1.15.0";

    private LangChain4jPeer.Assistant guarded;
    private LangChain4jPeer.Assistant unguarded;
    private final LangChain4jPeer.PiiInputGuardrail piiIn = new LangChain4jPeer.PiiInputGuardrail();
    private final LangChain4jPeer.InjectionInputGuardrail injectionIn = new LangChain4jPeer.InjectionInputGuardrail();
    private final LangChain4jPeer.PiiOutputGuardrail piiOut = new LangChain4jPeer.PiiOutputGuardrail();
    private final LangChain4jPeer.KeywordOutputGuardrail keywordOut = new LangChain4jPeer.KeywordOutputGuardrail();
    private UserMessage userMessage;
    private AiMessage aiMessage;

    @Setup(Level.Trial)
    public void setUp() {
        guarded = LangChain4jPeer.guarded(Fixtures.OUT_1K);
        unguarded = LangChain4jPeer.unguarded(Fixtures.OUT_1K);
        String answer = guarded.chat(Fixtures.IN_1K);
        if (!answer.equals(Fixtures.OUT_1K)) {
            throw new IllegalStateException("guarded assistant changed a clean answer");
        }
        userMessage = UserMessage.from(Fixtures.IN_1K);
        aiMessage = AiMessage.from(Fixtures.OUT_1K);
    }

    /** A LangChain4j AI service call with the four guardrails. */
    @Benchmark
    public String langchain4jGuardrails() {
        return guarded.chat(Fixtures.IN_1K);
    }

    /** The same AI service call without guardrails. */
    @Benchmark
    public String langchain4jNoGuardrails() {
        return unguarded.chat(Fixtures.IN_1K);
    }

    /** The four guardrails' validate methods called directly: their text work. */
    @Benchmark
    public void langchain4jGuardrailTextWork(Blackhole bh) {
        bh.consume(piiIn.validate(userMessage));
        bh.consume(injectionIn.validate(userMessage));
        bh.consume(piiOut.validate(aiMessage));
        bh.consume(keywordOut.validate(aiMessage));
    }
}
