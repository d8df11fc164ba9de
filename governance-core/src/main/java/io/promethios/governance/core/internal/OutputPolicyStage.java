package io.promethios.governance.core.internal;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.audit.AuditChain;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * OUTPUT policies: the governance post-check on the agent's answer. A REASK asks the same agent
 * again with the reasons as feedback, up to {@code maxReaskAttempts}; the re-asked answer
 * replaces the rejected one, and an answer still rejected then is blocked.
 */
final class OutputPolicyStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(OutputPolicyStage.class);

    @Override
    public GovernedResponse apply(Chain chain) {
        GovernedResponse response = chain.proceed(chain.request());
        TurnState state = (TurnState) chain.context();
        if (!state.agentCalled) {
            return response;
        }
        DefaultGovernancePipeline p = state.pipeline;
        Map<String, String> attrs = chain.request().metadata();
        String text = response.content();
        PolicyEngine.Evaluation eval = p.engine.evaluate(EnforcementPoint.OUTPUT, text, state, state.routedAgent.id(), attrs);
        int attempts = 0;
        // a streamed answer was partly released already: it cannot be re-asked, only stopped
        int maxReask = state.stream == null ? p.maxReaskAttempts : 0;
        while (eval.verdict() == Verdict.REASK && attempts < maxReask) {
            attempts++;
            var request = state.agentRequest;
            for (PolicyDecision d : eval.decisions()) {
                if (d.verdict() == Verdict.REASK) {
                    request = request.withFeedback(d.policyId() + ": " + d.reason());
                }
            }
            state.agentRequest = request;
            AgentReply reply = RoutingStage.call(state, state.routedAgent, request);
            state.agentReply = reply;
            state.rawOutputDigest = AuditChain.sha256Hex(reply.content());
            text = reply.content();
            eval = p.engine.evaluate(EnforcementPoint.OUTPUT, text, state, state.routedAgent.id(), attrs);
        }
        Verdict v = eval.verdict() == Verdict.REASK ? Verdict.BLOCK : eval.verdict();
        PolicyDecision stopped = state.stream == null ? null : state.stream.stoppedBy();
        if (stopped != null) {
            // the stream was stopped mid-way: the turn ends as that decision said, whatever the whole answer shows
            PolicyDecision d = new PolicyDecision(stopped.verdict() == Verdict.REASK ? Verdict.BLOCK : stopped.verdict(), stopped.policyId(),
                    stopped.policyVersion(), stopped.point(), stopped.findings(), List.of(), "stream stopped: " + stopped.reason(),
                    stopped.duration());
            state.decisions.add(d);
            v = v.max(d.verdict());
        }
        state.outputVerdict = v;
        if (v.withholdsContent()) {
            state.outputStatus = ContentStatus.of(v);
            state.governedOutput = "";
        } else {
            state.outputStatus = eval.text().equals(text) ? ContentStatus.DELIVERED : ContentStatus.TRANSFORMED;
            state.governedOutput = eval.text();
            if (p.logContent && log.isTraceEnabled()) {
                log.trace("Governed answer of session {} turn {}: {}", state.session.id(), state.turn, state.governedOutput);
            }
        }
        return state.response();
    }

    @Override
    public String name() {
        return "output-policies";
    }
}
