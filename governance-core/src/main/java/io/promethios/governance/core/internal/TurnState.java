package io.promethios.governance.core.internal;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernanceContext;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.StageTiming;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.AuditReference;
import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.observer.Intervention;
import io.promethios.governance.core.observer.ObserverState;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.ToolCall;
import io.promethios.governance.core.trust.TrustChange;
import io.promethios.governance.core.trust.TrustSnapshot;
import io.promethios.governance.core.trust.TrustSubject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one turn accumulates. Confined to the turn's thread. */
final class TurnState implements GovernanceContext {

    final DefaultGovernancePipeline pipeline;
    final ChatSession session;
    final long turn;
    final Instant startedAt;
    final AgentAdapter plannedAgent;

    final List<PolicyDecision> decisions = new ArrayList<>(8);
    final List<StageTiming> timings = new ArrayList<>(8);
    final List<TrustChange> trustChanges = new ArrayList<>(4);
    final List<Intervention> interventions = new ArrayList<>(2);
    private TrustSnapshot trust;
    private Map<String, Object> attributes;

    String rawInputDigest = "";
    String governedInput = "";
    ContentStatus inputStatus = ContentStatus.DELIVERED;
    Verdict inputVerdict = Verdict.ALLOW;

    boolean agentCalled;
    AgentAdapter routedAgent;
    AgentRequest agentRequest;
    AgentReply agentReply;
    List<ToolCall> allowedToolCalls = List.of();
    String rawOutputDigest = "";
    String governedOutput = "";
    ContentStatus outputStatus = ContentStatus.DELIVERED;
    Verdict outputVerdict = Verdict.ALLOW;

    /** Set for a streamed turn. */
    StreamGovernor stream;

    ObserverState observerState;
    Optional<AuditReference> audit = Optional.empty();

    TurnState(DefaultGovernancePipeline pipeline, ChatSession session, long turn, Instant startedAt, AgentAdapter plannedAgent) {
        this.pipeline = pipeline;
        this.session = session;
        this.turn = turn;
        this.startedAt = startedAt;
        this.plannedAgent = plannedAgent;
        this.observerState = session.observerState();
    }

    @Override
    public ChatSession session() {
        return session;
    }

    @Override
    public long turn() {
        return turn;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public List<PolicyDecision> decisions() {
        return java.util.Collections.unmodifiableList(decisions);
    }

    @Override
    public TrustSnapshot trust() {
        if (trust == null) {
            var scorer = pipeline.trustScorer;
            java.time.Instant now = pipeline.clock.instant(); // one clock read for the four scores
            trust = new TrustSnapshot(
                    scorer.score(TrustSubject.user(session.userId()), now),
                    scorer.score(TrustSubject.agent(plannedAgent.id()), now),
                    scorer.score(TrustSubject.conversation(session.id()), now),
                    scorer.score(TrustSubject.system(), now));
        }
        return trust;
    }

    @Override
    public Map<String, Object> attributes() {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        return attributes;
    }

    boolean listening() {
        return pipeline.listeners.active();
    }

    void publish(GovernanceEvent event) {
        pipeline.listeners.publish(event);
    }

    /** Combined verdict of the decisions at the given points. */
    Verdict verdictAt(EnforcementPoint... points) {
        return verdictAt(false, points);
    }

    /** Like {@link #verdictAt} but only over decisions that are trust evidence ({@code Policy.trustEvidence()}). */
    Verdict evidenceVerdictAt(EnforcementPoint... points) {
        return verdictAt(true, points);
    }

    /**
     * The highest {@linkplain PolicyDecision#risk() risk} among the trust-evidence decisions made
     * at {@code points}; 0 when none has one.
     */
    double evidenceRiskAt(EnforcementPoint... points) {
        double risk = 0.0;
        for (PolicyDecision d : decisions) {
            if (d.risk() <= risk || !pipeline.engine.isTrustEvidence(d)) {
                continue;
            }
            for (EnforcementPoint p : points) {
                if (d.point() == p) {
                    risk = d.risk();
                }
            }
        }
        return risk;
    }

    private Verdict verdictAt(boolean evidenceOnly, EnforcementPoint... points) {
        Verdict v = Verdict.ALLOW;
        for (PolicyDecision d : decisions) {
            if (evidenceOnly && !pipeline.engine.isTrustEvidence(d)) {
                continue;
            }
            for (EnforcementPoint p : points) {
                if (d.point() == p) {
                    v = v.max(d.verdict());
                }
            }
        }
        return v;
    }

    Verdict combinedVerdict() {
        Verdict v = Verdict.ALLOW;
        for (PolicyDecision d : decisions) {
            v = v.max(d.verdict());
        }
        return v;
    }

    ContentStatus combinedStatus() {
        return agentCalled ? inputStatus.combine(outputStatus) : inputStatus;
    }

    /** A response reflecting the state now (stages return it; the pipeline completes it at the end). */
    GovernedResponse response() {
        ContentStatus status = combinedStatus();
        String content = status == ContentStatus.BLOCKED || status == ContentStatus.HELD || !agentCalled ? "" : governedOutput;
        return new GovernedResponse(session.id(), turn, status, combinedVerdict(), content,
                agentCalled ? routedAgent.id() : "", decisions, allowedToolCalls, trust(), trustChanges, interventions, audit, timings);
    }
}
