package io.promethios.governance.core.internal;

import io.promethios.governance.core.AgentTimeoutException;
import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernanceException;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.audit.AuditChain;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.Stage;
import io.promethios.governance.core.spi.ToolCall;
import io.promethios.governance.core.trust.Evidence;
import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.TrustSubject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The last stage: PROCESSING policies on the agent call (those that did not already judge the
 * same text at INPUT), the call itself, then PROCESSING policies on each tool call the agent
 * asked for (blocked or held calls are dropped).
 */
final class RoutingStage implements Stage {

    @Override
    public GovernedResponse apply(Chain chain) {
        TurnState state = (TurnState) chain.context();
        DefaultGovernancePipeline p = state.pipeline;
        AgentAdapter agent = state.plannedAgent;
        state.routedAgent = agent;
        String message = chain.request().content();
        if (p.engine.hasAgentCallPolicies()) {
            PolicyEngine.Evaluation call = p.engine.evaluateAgentCall(message, state, agent.id(),
                    merge(chain.request().metadata(), "call", "agent"));
            Verdict v = call.verdict() == Verdict.REASK ? Verdict.BLOCK : call.verdict();
            if (v.withholdsContent()) {
                // the agent is never called; the user's message is kept as governed by INPUT
                state.outputVerdict = v;
                state.inputStatus = state.inputStatus.combine(ContentStatus.of(v));
                return state.response();
            }
            message = call.text();
        }
        AgentRequest request = new AgentRequest(state.session.id(), agent.id(), state.session.governanceSettings().systemPrompt(),
                window(state.session.history(), p.historyWindow), message, OptionalDouble.empty(), OptionalInt.empty(), List.of(),
                chain.request().metadata());
        state.agentRequest = request;
        AgentReply reply = state.stream == null ? call(state, agent, request) : stream(state, agent, request);
        state.agentCalled = true;
        state.agentReply = reply;
        state.rawOutputDigest = AuditChain.sha256Hex(reply.content());
        state.governedOutput = reply.content(); // ungoverned until the OUTPUT stage has run
        if (!reply.toolCalls().isEmpty()) {
            state.allowedToolCalls = governToolCalls(state, agent, reply.toolCalls());
        }
        return state.response();
    }

    private static List<ToolCall> governToolCalls(TurnState state, AgentAdapter agent, List<ToolCall> calls) {
        List<ToolCall> allowed = new ArrayList<>(calls.size());
        for (ToolCall c : calls) {
            if (!state.pipeline.engine.hasPolicies(EnforcementPoint.PROCESSING)) {
                allowed.add(c);
                continue;
            }
            Map<String, String> attrs = new HashMap<>();
            attrs.put("call", "tool");
            attrs.put("tool.name", c.name());
            PolicyEngine.Evaluation e = state.pipeline.engine.evaluate(EnforcementPoint.PROCESSING, c.arguments(), state, agent.id(), attrs);
            Verdict v = e.verdict() == Verdict.REASK ? Verdict.BLOCK : e.verdict();
            if (!v.withholdsContent()) {
                allowed.add(e.text().equals(c.arguments()) ? c : new ToolCall(c.id(), c.name(), e.text()));
            }
        }
        return allowed;
    }

    /** Calls the agent; a failure is negative evidence for the agent and fails the turn. */
    static AgentReply call(TurnState state, AgentAdapter agent, AgentRequest request) {
        AgentReply reply;
        try {
            reply = agent.respond(request);
        } catch (RuntimeException e) {
            agentFailed(state, agent, e);
            throw e;
        }
        if (reply == null) {
            agentFailed(state, agent, EvidenceKind.AGENT_ERROR, "null reply");
            throw new GovernanceException("agent '" + agent.id() + "' returned null");
        }
        return reply;
    }

    /** Streams the answer through the governor; a failure counts against the agent like in {@link #call}. */
    private static AgentReply stream(TurnState state, AgentAdapter agent, AgentRequest request) {
        state.stream.start(agent.id(), request.metadata());
        try {
            agent.stream(request, state.stream);
            return state.stream.await();
        } catch (RuntimeException e) {
            agentFailed(state, agent, e);
            throw e;
        }
    }

    private static void agentFailed(TurnState state, AgentAdapter agent, RuntimeException e) {
        EvidenceKind kind = e instanceof AgentTimeoutException ? EvidenceKind.AGENT_TIMEOUT : EvidenceKind.AGENT_ERROR;
        agentFailed(state, agent, kind, e.getClass().getSimpleName());
    }

    /** Records an agent failure as trust evidence and tells listeners (the turn fails, so it is not audited). */
    private static void agentFailed(TurnState state, AgentAdapter agent, EvidenceKind kind, String reason) {
        io.promethios.governance.core.trust.TrustChange change = state.pipeline.trustScorer.record(TrustSubject.agent(agent.id()),
                Evidence.of(kind, 1.0, reason, state.pipeline.clock.instant()));
        state.trustChanges.add(change);
        if (state.listening()) {
            state.publish(new io.promethios.governance.core.event.GovernanceEvent.TrustChanged(state.session.id(), state.turn, change));
        }
    }

    /** The last {@code window} visible messages, oldest first. */
    static List<Message> window(List<Message> history, int window) {
        if (window == 0 || history.isEmpty()) {
            return List.of();
        }
        ArrayList<Message> out = new ArrayList<>(Math.min(window, history.size()));
        for (int i = history.size() - 1; i >= 0 && out.size() < window; i--) {
            Message m = history.get(i);
            if (m.isVisible()) {
                out.add(m);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static Map<String, String> merge(Map<String, String> metadata, String key, String value) {
        Map<String, String> m = new HashMap<>(metadata);
        m.put(key, value);
        return m;
    }

    @Override
    public String name() {
        return "routing";
    }
}
