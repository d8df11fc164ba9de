package io.promethios.governance.benchmarks;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.StageTiming;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.audit.AuditChain;
import io.promethios.governance.core.audit.AuditDecision;
import io.promethios.governance.core.audit.AuditEventType;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.observer.RuleObserver;
import io.promethios.governance.core.observer.TurnReview;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.InMemorySessionStore;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.session.MessageRole;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.trust.BetaTrustScorer;
import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.TrustSnapshot;
import io.promethios.governance.core.trust.TrustSubject;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Each stage alone, two ways.
 *
 * <p>{@link #perStageSelfTime} runs default turns (as {@link TurnBenchmark#defaultTurn}) and adds
 * up the pipeline's own per-stage self times ({@link GovernedResponse#stageTimings()}) in JMH
 * auxiliary counters: {@code <stage>Nanos / turns} is the stage's share of a real turn, in its
 * real context. The stages are package-private in core, so this is the only way to time the
 * validation stage; the timer itself adds two {@code nanoTime} calls per stage.
 *
 * <p>The other methods call, through public API, the work each stage delegates: the policy set at
 * INPUT and at OUTPUT, the trust evidence a clean turn records, the observer review, the audit
 * digests and sealing, and the session commit (copy of the history plus two messages).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class StageBenchmark {

    /** Per-stage self time summed over an iteration, and the number of turns. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class StageNanos {
        public long turns;
        public long auditNanos;
        public long observerNanos;
        public long validationNanos;
        public long inputPoliciesNanos;
        public long trustAssessmentNanos;
        public long outputPoliciesNanos;
        public long routingNanos;

        @Setup(Level.Iteration)
        public void reset() {
            turns = 0;
            auditNanos = observerNanos = validationNanos = inputPoliciesNanos = 0;
            trustAssessmentNanos = outputPoliciesNanos = routingNanos = 0;
        }

        void add(GovernedResponse r) {
            turns++;
            for (StageTiming t : r.stageTimings()) {
                long n = t.nanos();
                switch (t.stage()) {
                    case "audit" -> auditNanos += n;
                    case "observer" -> observerNanos += n;
                    case "validation" -> validationNanos += n;
                    case "input-policies" -> inputPoliciesNanos += n;
                    case "trust-assessment" -> trustAssessmentNanos += n;
                    case "output-policies" -> outputPoliciesNanos += n;
                    case "routing" -> routingNanos += n;
                    default -> { }
                }
            }
        }
    }

    private GovernancePipeline pipeline;
    private SessionPool pool;
    private List<Policy> policies;
    // four texts each, taken in turn: the classifiers keep the last text's features and
    // DetectorPolicy the last scan of the very same text, so one repeated text would be a cache hit
    private final PolicyContext[] inCtx = new PolicyContext[4];
    private final PolicyContext[] outCtx = new PolicyContext[4];
    private int nextCtx;
    private BetaTrustScorer scorer;
    private io.promethios.governance.trust.EvidenceTrustScorer evidenceScorer;
    private RuleObserver observer;
    private TurnReview review;
    private ChatSession session;
    private RetentionFreeAuditSink sink;
    private List<AuditRecord> drafts;
    private Message userMessage;
    private Message agentMessage;

    @Setup(Level.Trial)
    public void setUp() {
        InMemorySessionStore store = InMemorySessionStore.create();
        pipeline = Fixtures.defaultPipeline(store);
        pool = new SessionPool(store, TurnBenchmark.HISTORY_TURNS, null);
        GovernedResponse first = pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K));
        TurnBenchmark.requireDelivered(first);

        session = pipeline.sessions().get(pool.next());
        policies = DefaultPolicies.create();
        for (int i = 0; i < 4; i++) {
            inCtx[i] = new PolicyContext(EnforcementPoint.INPUT, i == 0 ? Fixtures.IN_1K : Texts.prose(1024, 1 + 10 * i), session, "", null, null);
            outCtx[i] = new PolicyContext(EnforcementPoint.OUTPUT, i == 0 ? Fixtures.OUT_1K : Texts.prose(1024, 2 + 10 * i), session, "stub",
                    null, null);
        }
        scorer = BetaTrustScorer.ofDefaults();
        evidenceScorer = io.promethios.governance.trust.EvidenceTrustScorer.create();
        observer = RuleObserver.ofDefaults();
        review = new TurnReview(session, ContentStatus.DELIVERED, Verdict.ALLOW, first.decisions(), Fixtures.OUT_1K, true,
                first.trust(), first.trustChanges());
        sink = new RetentionFreeAuditSink();
        Instant now = Instant.now();
        List<AuditDecision> in = new ArrayList<>();
        List<AuditDecision> out = new ArrayList<>();
        for (PolicyDecision d : first.decisions()) {
            (d.point() == EnforcementPoint.INPUT ? in : out).add(AuditDecision.of(d));
        }
        drafts = List.of(
                AuditRecord.draft(session.id(), AuditEventType.USER_MESSAGE, now, "bench-user", "default", 1, "DELIVERED", "ALLOW",
                        Fixtures.IN_1K, "", in, first.trust(), Map.of()),
                AuditRecord.draft(session.id(), AuditEventType.AGENT_MESSAGE, now, "stub", "default", 1, "DELIVERED", "ALLOW",
                        Fixtures.OUT_1K, "", out, first.trust(), Map.of("model", "", "latencyMillis", "0", "inputTokens", "0",
                                "outputTokens", "0", "toolCalls", "0", "toolCallsAllowed", "0", "turnStatus", "DELIVERED",
                                "turnVerdict", "ALLOW")),
                AuditRecord.draft(session.id(), AuditEventType.TRUST_UPDATE, now, "system", "default", 1, "", "", "", "", List.of(),
                        first.trust(), Map.of("USER:bench-user", "0.500000->0.550000 CLEAN_TURN w=1.00")));
        userMessage = new Message(1000, 500, MessageRole.USER, "bench-user", Fixtures.IN_1K, ContentStatus.DELIVERED, Verdict.ALLOW, now);
        agentMessage = new Message(1001, 500, MessageRole.AGENT, "stub", Fixtures.OUT_1K, ContentStatus.DELIVERED, Verdict.ALLOW, now);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    /** A default turn, with each stage's self time added to the auxiliary counters. */
    @Benchmark
    public GovernedResponse perStageSelfTime(StageNanos counters) {
        GovernedResponse r = pipeline.chat(ChatRequest.of(pool.next(), Fixtures.IN_1K));
        counters.add(r);
        return r;
    }

    /** Input-policies stage work: the default policy set over 1 KB of user text. */
    @Benchmark
    public void inputPolicies(Blackhole bh) {
        PolicyContext in = inCtx[nextCtx++ & 3];
        for (Policy p : policies) {
            bh.consume(p.evaluate(in));
        }
    }

    /** Output-policies stage work: the default policy set over the 1 KB answer. */
    @Benchmark
    public void outputPolicies(Blackhole bh) {
        PolicyContext out = outCtx[nextCtx++ & 3];
        for (Policy p : policies) {
            bh.consume(p.evaluate(out));
        }
    }

    /** Trust stages' work for a clean turn: one snapshot of four scores, four evidence records, one snapshot after. */
    /**
     * What a turn asks of the governance-trust {@code EvidenceTrustScorer} (issue 5's budget:
     * assessment plus update within 300 ns): four scores for the snapshot and four updates.
     */
    @Benchmark
    public void trustEvidenceScorer(Blackhole bh) {
        Instant now = Instant.now();
        TrustSubject user = TrustSubject.user("bench-user");
        TrustSubject agent = TrustSubject.agent("stub");
        TrustSubject conv = TrustSubject.conversation(session.id());
        TrustSubject system = TrustSubject.system();
        // as the pipeline calls it: the turn's time read once for the four scores
        bh.consume(new TrustSnapshot(evidenceScorer.score(user, now), evidenceScorer.score(agent, now), evidenceScorer.score(conv, now),
                evidenceScorer.score(system, now)));
        bh.consume(evidenceScorer.record(user, Evidence.of(EvidenceKind.CLEAN_TURN, 1.0, "clean turn", now)));
        bh.consume(evidenceScorer.record(agent, Evidence.of(EvidenceKind.CLEAN_TURN, 1.0, "clean turn", now)));
        bh.consume(evidenceScorer.record(conv, Evidence.of(EvidenceKind.CLEAN_TURN, 1.0, "clean turn", now)));
        bh.consume(evidenceScorer.record(system, Evidence.of(EvidenceKind.CLEAN_TURN, 0.1, "clean turn", now)));
    }

    @Benchmark
    public void trust(Blackhole bh) {
        Instant now = Instant.now();
        TrustSubject user = TrustSubject.user("bench-user");
        TrustSubject agent = TrustSubject.agent("stub");
        TrustSubject conv = TrustSubject.conversation(session.id());
        TrustSubject system = TrustSubject.system();
        bh.consume(new TrustSnapshot(scorer.score(user), scorer.score(agent), scorer.score(conv), scorer.score(system)));
        bh.consume(scorer.record(user, Evidence.of(EvidenceKind.CLEAN_TURN, 1.0, "clean turn", now)));
        bh.consume(scorer.record(agent, Evidence.of(EvidenceKind.CLEAN_TURN, 1.0, "clean turn", now)));
        bh.consume(scorer.record(conv, Evidence.of(EvidenceKind.CLEAN_TURN, 1.0, "clean turn", now)));
        bh.consume(scorer.record(system, Evidence.of(EvidenceKind.CLEAN_TURN, 0.1, "clean turn", now)));
        bh.consume(new TrustSnapshot(scorer.score(user), scorer.score(agent), scorer.score(conv), scorer.score(system)));
    }

    /** Observer stage work: the rule observer's review of a clean turn. */
    @Benchmark
    public Object observerReview() {
        return observer.review(review);
    }

    /** Audit stage work: SHA-256 digests of the raw 1 KB in and out, and sealing the turn's three records into the chain. */
    @Benchmark
    public Object audit(Blackhole bh) {
        bh.consume(AuditChain.sha256Hex(Fixtures.IN_1K));
        bh.consume(AuditChain.sha256Hex(Fixtures.OUT_1K));
        return sink.append(drafts);
    }

    /** Drill-down of {@link #audit}: the canonical JSON of the 1 KB agent-message record (hashed once per record). */
    @Benchmark
    public String auditCanonicalJson() {
        return AuditChain.canonicalJson(drafts.get(1), false);
    }

    /** Drill-down of {@link #audit}: one SHA-256 hex digest of 1 KB. */
    @Benchmark
    public String auditSha256() {
        return AuditChain.sha256Hex(Fixtures.OUT_1K);
    }

    /** Session commit work: a new session version with the history copied and two messages added (10 earlier turns). */
    @Benchmark
    public ChatSession sessionCommit() {
        return session.toBuilder().addMessage(userMessage).addMessage(agentMessage).version(session.version() + 1).build();
    }
}
