package io.promethios.governance.trust.policy;

import io.promethios.governance.core.AgentUnavailableException;
import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.SessionSpec;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.audit.AuditEventType;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.audit.InMemoryAuditSink;
import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.event.GovernanceListener;
import io.promethios.governance.core.observer.RuleObserver;
import io.promethios.governance.core.policy.KeywordPolicy;
import io.promethios.governance.core.session.AgentConfiguration;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.SubjectKind;
import io.promethios.governance.core.trust.TrustSubject;
import io.promethios.governance.trust.EvidenceTrustScorer;
import io.promethios.governance.trust.MutableClock;
import io.promethios.governance.trust.TrustBands;
import io.promethios.governance.trust.TrustConfig;
import io.promethios.governance.trust.store.InMemoryTrustStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** End to end: real pipelines with the trust plug-ins. */
class TrustInPipelineTest {

    private final MutableClock clock = MutableClock.startingAt2025();
    private final EvidenceTrustScorer scorer = EvidenceTrustScorer.create(TrustConfig.ofDefaults(), InMemoryTrustStore.create(), clock);

    static final class Agent implements AgentAdapter {
        final String id;
        final AtomicBoolean failing = new AtomicBoolean();
        final List<String> seen = new CopyOnWriteArrayList<>();

        Agent(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public AgentReply respond(AgentRequest request) {
            if (failing.get()) {
                throw new AgentUnavailableException(id, "down", 503, null);
            }
            seen.add(request.message());
            return AgentReply.of("ok from " + id);
        }
    }

    private GovernancePipeline.Builder base(Agent agent) {
        // a lenient observer so sessions are not suspended while trust is being driven down
        return GovernancePipeline.builder().agent(agent).trustScorer(scorer).clock(clock).observer(RuleObserver.of(0.0, 1000));
    }

    @Test
    void lowTrustUserGetsTheStricterVariantAndIsHeldForApprovalWithoutLosingMoreTrust() {
        TrustBands bands = TrustBands.ofDefaults();
        GovernancePipeline p = base(new Agent("a"))
                .addPolicy(TrustAwarePolicy.builder("keywords", bands)
                        .defaultPolicy(new KeywordPolicy("normal", List.of("attack")))
                        .policyForBand("LOW", new KeywordPolicy("strict", List.of("attack", "exploit")))
                        .build())
                .addPolicy(TrustGatePolicy.requireApprovalAtLowestBand(bands))
                .build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("mallory"));

        // MEDIUM band (unknown user): only "attack" is blocked
        assertThat(p.chat(ChatRequest.of(s.id(), "please exploit this")).status()).isEqualTo(ContentStatus.DELIVERED);
        GovernedResponse blocked = p.chat(ChatRequest.of(s.id(), "attack now"));
        assertThat(blocked.status()).isEqualTo(ContentStatus.BLOCKED);
        assertThat(blocked.decisions().get(0).policyId()).isEqualTo("keywords");
        assertThat(blocked.decisions().get(0).reason()).contains("band MEDIUM");
        p.chat(ChatRequest.of(s.id(), "attack again"));
        assertThat(scorer.score(TrustSubject.user("mallory")).score()).isLessThan(bands.lowest().upperBound());

        // LOW band: the strict variant blocks "exploit" too
        GovernedResponse strict = p.chat(ChatRequest.of(s.id(), "please exploit this"));
        assertThat(strict.status()).isEqualTo(ContentStatus.BLOCKED);
        assertThat(strict.decisions()).extracting(PolicyDecision::reason).anyMatch(r -> r.contains("band LOW"));

        // a clean message is held for approval, and counts as a clean turn (the gate is not evidence)
        double before = scorer.score(TrustSubject.user("mallory")).score();
        GovernedResponse held = p.chat(ChatRequest.of(s.id(), "what is the weather"));
        assertThat(held.verdict()).isEqualTo(Verdict.REQUIRE_APPROVAL);
        assertThat(held.decisions()).extracting(PolicyDecision::policyId).contains(TrustGatePolicy.DEFAULT_ID);
        assertThat(scorer.score(TrustSubject.user("mallory")).score()).isGreaterThan(before);
        assertThat(held.trustChanges()).filteredOn(c -> c.subject().kind() == SubjectKind.USER)
                .allMatch(c -> c.evidence().kind() == EvidenceKind.CLEAN_TURN);
    }

    @Test
    void lowTrustAgentIsSkippedForTheFallback() {
        Agent primary = new Agent("primary");
        Agent backup = new Agent("backup");
        GovernancePipeline p = base(primary).addAgent(backup)
                .agentRouter(TrustRouter.builder().minimumTrust(0.4).fallback("backup").build())
                .build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u").withAgents(AgentConfiguration.single("primary")));
        assertThat(p.chat(ChatRequest.of(s.id(), "hi")).agentId()).isEqualTo("primary");

        primary.failing.set(true);
        for (int i = 0; i < 5 && scorer.score(TrustSubject.agent("primary")).score() >= 0.4; i++) {
            assertThatThrownBy(() -> p.chat(ChatRequest.of(s.id(), "hi"))).isInstanceOf(AgentUnavailableException.class);
        }
        assertThat(scorer.score(TrustSubject.agent("primary")).score()).isLessThan(0.4);
        assertThat(scorer.score(TrustSubject.system()).score()).isLessThan(1.0); // agent errors lower system health

        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hi"));
        assertThat(r.agentId()).isEqualTo("backup");
        assertThat(backup.seen).containsExactly("hi");
    }

    @Test
    void unknownFallbackFailsWithTheAgentList() {
        Agent primary = new Agent("primary");
        GovernancePipeline p = base(primary).agentRouter(TrustRouter.builder().fallback("nope").build()).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        primary.failing.set(true);
        for (int i = 0; i < 5 && scorer.score(TrustSubject.agent("primary")).score() >= 0.4; i++) {
            assertThatThrownBy(() -> p.chat(ChatRequest.of(s.id(), "hi"))).isInstanceOf(AgentUnavailableException.class);
        }
        assertThatThrownBy(() -> p.chat(ChatRequest.of(s.id(), "hi")))
                .hasMessageContaining("fallback agent 'nope' is not one of this pipeline's agents [primary]");
    }

    @Test
    void conversationFallingFastIsFlaggedBeforeItIsEscalated() {
        GovernancePipeline p = base(new Agent("a"))
                .addPolicy(new KeywordPolicy("blocklist", List.of("attack")))
                .addPolicy(ConversationTrustPolicy.create(scorer))
                .build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        for (int i = 0; i < 5; i++) {
            p.chat(ChatRequest.of(s.id(), "hello"));
        }
        // trust is high; now the conversation turns bad
        p.chat(ChatRequest.of(s.id(), "attack"));
        GovernedResponse next = p.chat(ChatRequest.of(s.id(), "hello"));
        double conv = next.trust().conversation().score();
        assertThat(conv).isGreaterThanOrEqualTo(ConversationTrustPolicy.DEFAULT_ESCALATE_BELOW); // not yet below
        assertThat(next.verdict()).isEqualTo(Verdict.WARN);
        assertThat(next.decisions()).extracting(PolicyDecision::reason).anyMatch(r -> r.contains("falling fast"));

        GovernedResponse escalated = null;
        for (int i = 0; i < 6 && escalated == null; i++) {
            p.chat(ChatRequest.of(s.id(), "attack"));
            GovernedResponse r = p.chat(ChatRequest.of(s.id(), "hello"));
            if (r.verdict() == Verdict.ESCALATE) {
                escalated = r;
            }
        }
        assertThat(escalated).isNotNull();
        assertThat(escalated.decisions()).extracting(PolicyDecision::reason).anyMatch(r -> r.contains("is below 0.40"));
        assertThat(escalated.status()).isEqualTo(ContentStatus.DELIVERED); // escalation delivers and opens a review
    }

    @Test
    void trustChangesReachListenersAndTheAuditTrail() {
        List<GovernanceEvent.TrustChanged> events = new CopyOnWriteArrayList<>();
        InMemoryAuditSink audit = new InMemoryAuditSink();
        GovernancePipeline p = base(new Agent("a"))
                .addPolicy(new KeywordPolicy("blocklist", List.of("attack")))
                .auditSink(audit)
                .addListener(new GovernanceListener() {
                    @Override
                    public void onTrustChange(GovernanceEvent.TrustChanged event) {
                        events.add(event);
                    }
                })
                .build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        p.chat(ChatRequest.of(s.id(), "attack"));

        assertThat(events).extracting(e -> e.change().subject().kind())
                .contains(SubjectKind.USER, SubjectKind.CONVERSATION, SubjectKind.SYSTEM);
        GovernanceEvent.TrustChanged user = events.stream().filter(e -> e.change().subject().kind() == SubjectKind.USER)
                .findFirst().orElseThrow();
        assertThat(user.change().before().score()).isEqualTo(0.5);
        assertThat(user.change().after().score()).isLessThan(0.5);
        assertThat(user.change().evidence().kind()).isEqualTo(EvidenceKind.POLICY_VIOLATION);
        assertThat(user.change().evidence().reason()).isEqualTo("BLOCK");

        AuditRecord trustRecord = audit.records(s.id()).stream().filter(r -> r.type() == AuditEventType.TRUST_UPDATE)
                .findFirst().orElseThrow();
        assertThat(trustRecord.attributes().get("user:u")).startsWith("0.500000->").contains("POLICY_VIOLATION");
    }
}
