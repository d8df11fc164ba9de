package io.promethios.governance.core;

import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.observer.Intervention;
import io.promethios.governance.core.observer.TurnReview;
import io.promethios.governance.core.policy.KeywordPolicy;
import io.promethios.governance.core.policy.RegexRedactionPolicy;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.spi.Observer;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.spi.Stage;
import io.promethios.governance.core.spi.TrustScorer;
import io.promethios.governance.core.trust.BetaTrustScorer;
import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustSubject;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.audit.InMemoryAuditSink;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineFlowTest {

    private final List<String> log = new CopyOnWriteArrayList<>();

    private Policy recordingPolicy(String id, EnforcementPoint point) {
        return new Policy() {
            @Override public String id() { return id; }
            @Override public java.util.Set<EnforcementPoint> enforcementPoints() { return EnumSet.of(point); }
            @Override public PolicyDecision evaluate(PolicyContext c) {
                log.add(point.name().toLowerCase() + "-policy");
                return allow();
            }
        };
    }

    private Stage marker(String name) {
        return new Stage() {
            @Override public GovernedResponse apply(Chain chain) {
                log.add(name + ":in");
                GovernedResponse r = chain.proceed(chain.request());
                log.add(name + ":out");
                return r;
            }
            @Override public String name() { return name + "-stage"; }
        };
    }

    @Test
    void stagesRunInThePlansOrderOnTheWayInAndOut() {
        TrustScorer scorer = new TrustScorer() {
            final BetaTrustScorer real = BetaTrustScorer.ofDefaults();
            @Override public TrustScore score(TrustSubject s) { log.add("trust-assess"); return real.score(s); }
            @Override public TrustChange record(TrustSubject s, Evidence e) { log.add("trust-update"); return real.record(s, e); }
        };
        Observer observer = review -> { log.add("observer-review"); return List.of(); };
        InMemoryAuditSink sink = new InMemoryAuditSink() ;
        var agent = TestAgents.answering("a", r -> { log.add("agent"); return "ok"; });
        GovernancePipeline p = GovernancePipeline.builder()
                .agent(agent)
                .trustScorer(scorer)
                .observer(observer)
                .auditSink(new io.promethios.governance.core.audit.AuditSink() {
                    @Override public List<AuditRecord> append(List<AuditRecord> d) { log.add("audit-append"); return sink.append(d); }
                    @Override public List<AuditRecord> records(String id) { return sink.records(id); }
                })
                .addPolicy(recordingPolicy("in", EnforcementPoint.INPUT))
                .addPolicy(recordingPolicy("proc", EnforcementPoint.PROCESSING))
                .addPolicy(recordingPolicy("out", EnforcementPoint.OUTPUT))
                .addStageAfter(StageName.VALIDATION, marker("after-validation"))
                .addStageBefore(StageName.ROUTING, marker("before-routing"))
                .build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));
        log.clear();

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hello"));

        assertThat(p.stageNames()).containsExactly("audit", "observer", "validation", "after-validation-stage", "input-policies",
                "trust-assessment", "output-policies", "before-routing-stage", "routing");
        // way in: validation -> pre-check -> trust assessment -> routing (processing) -> generation;
        // way out: post-check -> observer evaluation (trust evidence, then review) -> audit
        // (the trust snapshot is read once, on first use, possibly by an INPUT policy)
        assertThat(log).containsSubsequence("after-validation:in", "trust-assess", "input-policy", "before-routing:in",
                "processing-policy", "agent", "before-routing:out", "output-policy", "after-validation:out", "trust-update",
                "observer-review", "audit-append");
        assertThat(r.status()).isEqualTo(ContentStatus.DELIVERED);
        assertThat(r.stageTimings()).extracting(StageTiming::stage).contains("audit", "routing", "validation");
    }

    @Test
    void blockShortCircuitsWithoutCallingTheAgent() {
        var agent = TestAgents.echo();
        GovernancePipeline p = GovernancePipeline.builder().agent(agent)
                .addPolicy(new KeywordPolicy("kw", List.of("forbidden plan"))).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "tell me the Forbidden Plan now"));

        assertThat(r.status()).isEqualTo(ContentStatus.BLOCKED);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.content()).isEmpty();
        assertThat(agent.requests).isEmpty();
        assertThat(r.decisions()).singleElement().satisfies(d -> {
            assertThat(d.policyId()).isEqualTo("kw");
            assertThat(d.policyVersion()).isEqualTo("1");
            assertThat(d.point()).isEqualTo(EnforcementPoint.INPUT);
            assertThat(d.findings()).singleElement().extracting(Finding::start).isEqualTo(12);
        });
        assertThat(p.sessions().history(s.id())).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(ContentStatus.BLOCKED);
            assertThat(m.content()).isEmpty();
        });
    }

    @Test
    void transformsComposeInPolicyOrder() {
        var agent = TestAgents.echo();
        Policy digits = new RegexRedactionPolicy("digits", "NUM", Pattern.compile("[0-9]+"));
        // sees the text after the e-mail redaction: its tag must not be re-matched as a number
        Policy brackets = new RegexRedactionPolicy("tags", "TAG", Pattern.compile("\\[EMAIL\\]"));
        GovernancePipeline p = GovernancePipeline.builder().agent(agent)
                .addPolicy(RegexRedactionPolicy.emails()).addPolicy(digits).addPolicy(brackets).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "mail bob7@example.com or call 555"));

        assertThat(agent.requests).singleElement().extracting(a -> a.message()).isEqualTo("mail [TAG] or call [NUM]");
        assertThat(r.status()).isEqualTo(ContentStatus.TRANSFORMED);
        assertThat(r.verdict()).isEqualTo(Verdict.TRANSFORM);
        assertThat(r.content()).isEqualTo("echo: mail [TAG] or call [NUM]");
    }

    private static Policy throwing() {
        return new Policy() {
            @Override public String id() { return "boom"; }
            @Override public PolicyDecision evaluate(PolicyContext c) { throw new IllegalStateException("bug"); }
        };
    }

    private static Policy slow(boolean mayBlock) {
        return new Policy() {
            @Override public String id() { return "slow"; }
            @Override public Optional<Duration> timeout() { return Optional.of(Duration.ofMillis(20)); }
            @Override public boolean mayBlock() { return mayBlock; }
            @Override public PolicyDecision evaluate(PolicyContext c) {
                try {
                    Thread.sleep(mayBlock ? 5_000 : 60);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return allow();
            }
        };
    }

    private GovernedResponse runWith(Policy policy, FailureMode mode, RecordingListener events, TestAgents.Recording agent) {
        GovernancePipeline p = GovernancePipeline.builder().agent(agent).addPolicy(policy).failureMode(mode).addListener(events).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));
        return p.chat(ChatRequest.of(s.id(), "hi"));
    }

    @Test
    void throwingPolicyBlocksUnderFailClosedAndWarnsUnderFailOpen() {
        RecordingListener closedEvents = new RecordingListener();
        var closedAgent = TestAgents.echo();
        GovernedResponse closed = runWith(throwing(), FailureMode.FAIL_CLOSED, closedEvents, closedAgent);
        assertThat(closed.status()).isEqualTo(ContentStatus.BLOCKED);
        assertThat(closedAgent.requests).isEmpty();
        assertThat(closedEvents.of(GovernanceEvent.PolicyFailed.class)).singleElement().satisfies(e -> {
            assertThat(e.failure()).isEqualTo(GovernanceEvent.Failure.EXCEPTION);
            assertThat(e.resultingVerdict()).isEqualTo(Verdict.BLOCK);
        });

        RecordingListener openEvents = new RecordingListener();
        var openAgent = TestAgents.echo();
        GovernedResponse open = runWith(throwing(), FailureMode.FAIL_OPEN, openEvents, openAgent);
        assertThat(open.status()).isEqualTo(ContentStatus.DELIVERED);
        assertThat(open.verdict()).isEqualTo(Verdict.WARN);
        assertThat(openAgent.requests).hasSize(1);
        assertThat(openEvents.of(GovernanceEvent.PolicyFailed.class)).singleElement()
                .extracting(GovernanceEvent.PolicyFailed::resultingVerdict).isEqualTo(Verdict.WARN);
    }

    @Test
    void policyOverrunningItsTimeoutBlocksUnderFailClosedAndWarnsUnderFailOpen() {
        for (boolean mayBlock : new boolean[] {false, true}) {
            RecordingListener closedEvents = new RecordingListener();
            long t0 = System.nanoTime();
            GovernedResponse closed = runWith(slow(mayBlock), FailureMode.FAIL_CLOSED, closedEvents, TestAgents.echo());
            assertThat(closed.status()).as("mayBlock=%s", mayBlock).isEqualTo(ContentStatus.BLOCKED);
            assertThat(closedEvents.of(GovernanceEvent.PolicyFailed.class)).singleElement()
                    .extracting(GovernanceEvent.PolicyFailed::failure).isEqualTo(GovernanceEvent.Failure.TIMEOUT);
            if (mayBlock) {
                // cut off at the budget, not after the 5 s the policy would take
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            }
            RecordingListener openEvents = new RecordingListener();
            GovernedResponse open = runWith(slow(mayBlock), FailureMode.FAIL_OPEN, openEvents, TestAgents.echo());
            assertThat(open.status()).isEqualTo(ContentStatus.DELIVERED);
            assertThat(open.verdict()).isEqualTo(Verdict.WARN);
            assertThat(openEvents.of(GovernanceEvent.PolicyFailed.class)).hasSize(1);
        }
    }

    @Test
    void aPolicyAtInputAndProcessingJudgesTheMessageOnceAndEveryToolCall() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        List<String> toolTexts = new CopyOnWriteArrayList<>();
        Policy both = new Policy() {
            @Override public String id() { return "both"; }
            @Override public java.util.Set<EnforcementPoint> enforcementPoints() {
                return EnumSet.of(EnforcementPoint.INPUT, EnforcementPoint.PROCESSING);
            }
            @Override public PolicyDecision evaluate(PolicyContext c) {
                calls.incrementAndGet();
                if ("tool".equals(c.attributes().get("call"))) {
                    toolTexts.add(c.attributes().get("tool.name"));
                    return c.text().contains("rm -rf") ? block("dangerous tool arguments", List.of()) : allow();
                }
                return allow();
            }
        };
        io.promethios.governance.core.spi.AgentAdapter agent = new io.promethios.governance.core.spi.AgentAdapter() {
            @Override public String id() { return "tools"; }
            @Override public io.promethios.governance.core.spi.AgentReply respond(io.promethios.governance.core.spi.AgentRequest r) {
                return new io.promethios.governance.core.spi.AgentReply("running tools", "m", null, null, List.of(
                        new io.promethios.governance.core.spi.ToolCall("1", "shell", "{\"cmd\":\"ls\"}"),
                        new io.promethios.governance.core.spi.ToolCall("2", "shell", "{\"cmd\":\"rm -rf /\"}")), "tool_calls");
            }
        };
        GovernancePipeline p = GovernancePipeline.builder().agent(agent).addPolicy(both).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "clean up"));

        assertThat(calls.get()).isEqualTo(3); // the message once (INPUT), each tool call once (PROCESSING)
        assertThat(toolTexts).containsExactly("shell", "shell");
        assertThat(r.toolCalls()).extracting(io.promethios.governance.core.spi.ToolCall::id).containsExactly("1");
        assertThat(r.decisions()).anySatisfy(d -> {
            assertThat(d.point()).isEqualTo(EnforcementPoint.PROCESSING);
            assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
        });
    }

    @Test
    void outputReaskReplacesTheRejectedAnswer() {
        var agent = TestAgents.answering("a", r -> r.feedback().isEmpty() ? "a very long answer indeed" : "short");
        GovernancePipeline p = GovernancePipeline.builder().agent(agent)
                .addPolicy(new io.promethios.governance.core.policy.MaxLengthPolicy("len", 10, EnumSet.of(EnforcementPoint.OUTPUT)))
                .build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hi"));

        assertThat(r.content()).isEqualTo("short");
        assertThat(agent.requests).hasSize(2);
        assertThat(agent.requests.get(1).feedback()).singleElement().asString().startsWith("len:");
        assertThat(p.sessions().history(s.id())).extracting(m -> m.content()).containsExactly("hi", "short");
    }

    @Test
    void outputBlockKeepsTheAnswerOutOfHistory() {
        var agent = TestAgents.answering("a", r -> "the launch code is swordfish");
        GovernancePipeline p = GovernancePipeline.builder().agent(agent)
                .addPolicy(new KeywordPolicy("kw", List.of("swordfish"), EnumSet.of(EnforcementPoint.OUTPUT))).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "code?"));

        assertThat(r.status()).isEqualTo(ContentStatus.BLOCKED);
        assertThat(r.content()).isEmpty();
        assertThat(p.sessions().history(s.id())).extracting(m -> m.status())
                .containsExactly(ContentStatus.DELIVERED, ContentStatus.BLOCKED);
        assertThat(p.auditSink().records(s.id())).noneMatch(a -> a.content().contains("swordfish"));
    }

    @Test
    void blockLowersUserTrustAndCleanTurnsRaiseIt() {
        RecordingListener events = new RecordingListener();
        GovernancePipeline p = GovernancePipeline.builder().agent(TestAgents.echo()).addListener(events)
                .addPolicy(new KeywordPolicy("kw", List.of("bomb"))).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));

        GovernedResponse clean = p.chat(ChatRequest.of(s.id(), "hello"));
        GovernedResponse blocked = p.chat(ChatRequest.of(s.id(), "how to build a bomb"));

        double afterClean = userAfter(clean);
        double afterBlock = userAfter(blocked);
        assertThat(afterClean).isGreaterThan(0.5);
        assertThat(afterBlock).isLessThan(afterClean);
        assertThat(blocked.trust().user().score()).isCloseTo(afterClean, org.assertj.core.data.Offset.offset(1e-6)); // governed under the pre-turn snapshot
        assertThat(events.of(GovernanceEvent.TrustChanged.class)).isNotEmpty();
        assertThat(p.sessions().get(s.id()).trustMetrics().user().score()).isCloseTo(afterBlock, org.assertj.core.data.Offset.offset(1e-6));
    }

    private static double userAfter(GovernedResponse r) {
        return r.trustChanges().stream().filter(c -> c.subject().kind() == io.promethios.governance.core.trust.SubjectKind.USER)
                .findFirst().orElseThrow().after().score();
    }

    @Test
    void observerSuspendsAfterRepeatedBlocksAndRefusesFurtherTurns() {
        var agent = TestAgents.echo();
        GovernancePipeline p = GovernancePipeline.builder().agent(agent).addPolicy(new KeywordPolicy("kw", List.of("bomb"))).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));
        GovernedResponse last = null;
        for (int i = 0; i < 4; i++) {
            last = p.chat(ChatRequest.of(s.id(), "bomb " + i));
        }
        assertThat(last.observerNotes()).extracting(Intervention::kind)
                .contains(io.promethios.governance.core.observer.InterventionKind.SUSPEND);
        assertThat(p.sessions().get(s.id()).observerState().suspended()).isTrue();

        double before = p.sessions().get(s.id()).trustMetrics().user().score();
        GovernedResponse refused = p.chat(ChatRequest.of(s.id(), "a harmless question"));
        assertThat(refused.status()).isEqualTo(ContentStatus.BLOCKED);
        // being refused while suspended is no evidence either way
        assertThat(refused.trustChanges()).isEmpty();
        assertThat(p.sessions().get(s.id()).trustMetrics().user().score()).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(refused.decisions()).extracting(PolicyDecision::policyId).containsExactly("observer-suspension");
        assertThat(agent.requests).isEmpty();
    }

    @Test
    void throwingListenerNeverBreaksATurn() {
        io.promethios.governance.core.event.GovernanceListener bad = new io.promethios.governance.core.event.GovernanceListener() {
            @Override public void onTurnStarted(GovernanceEvent.TurnStarted e) { throw new RuntimeException("listener bug"); }
            @Override public void onPolicyDecision(GovernanceEvent.PolicyDecided e) { throw new RuntimeException("listener bug"); }
            @Override public void onTurnCompleted(GovernanceEvent.TurnCompleted e) { throw new RuntimeException("listener bug"); }
        };
        RecordingListener after = new RecordingListener();
        GovernancePipeline p = GovernancePipeline.builder().agent(TestAgents.echo()).addListener(bad).addListener(after)
                .addPolicy(new KeywordPolicy("kw", List.of("x-ray"))).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hello"));

        assertThat(r.status()).isEqualTo(ContentStatus.DELIVERED);
        assertThat(after.of(GovernanceEvent.TurnCompleted.class)).hasSize(1);
        assertThat(after.of(GovernanceEvent.PolicyDecided.class)).hasSize(2); // INPUT and OUTPUT
    }

    @Test
    void agentSeesGovernedHistoryWithoutBlockedTurns() {
        var agent = TestAgents.echo();
        GovernancePipeline p = GovernancePipeline.builder().agent(agent).addPolicy(new KeywordPolicy("kw", List.of("bomb"))).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u1"));
        p.chat(ChatRequest.of(s.id(), "first"));
        p.chat(ChatRequest.of(s.id(), "bomb"));
        p.chat(ChatRequest.of(s.id(), "third"));

        assertThat(agent.requests.get(1).history()).extracting(m -> m.content()).containsExactly("first", "echo: first");
        assertThat(p.sessions().history(s.id())).hasSize(5);
    }
}
