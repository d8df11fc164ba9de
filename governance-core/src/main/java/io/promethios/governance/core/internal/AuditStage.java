package io.promethios.governance.core.internal;

import io.promethios.governance.core.AuditException;
import io.promethios.governance.core.AuditReference;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.audit.AuditChain;
import io.promethios.governance.core.audit.AuditDecision;
import io.promethios.governance.core.audit.AuditEventType;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.observer.Intervention;
import io.promethios.governance.core.spi.Stage;
import io.promethios.governance.core.trust.TrustChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Outermost stage: digests the raw input on the way in (the digest is all of the raw text the
 * trail keeps), and on the way out appends the turn's records in one atomic append: the user
 * message, the agent message (if an agent answered), one trust update and one record per
 * observer intervention.
 */
final class AuditStage implements Stage {
    private static final Logger log = LoggerFactory.getLogger(AuditStage.class);

    @Override
    public GovernedResponse apply(Chain chain) {
        TurnState state = (TurnState) chain.context();
        state.rawInputDigest = AuditChain.sha256Hex(chain.request().content());
        GovernedResponse response = chain.proceed(chain.request());
        List<AuditRecord> drafts = drafts(state, response);
        try {
            List<AuditRecord> sealed = state.pipeline.auditSink.append(drafts);
            AuditRecord first = sealed.get(0);
            AuditRecord last = sealed.get(sealed.size() - 1);
            state.audit = Optional.of(new AuditReference(state.session.id(), first.sequence(), last.sequence(), last.hash()));
        } catch (RuntimeException e) {
            if (state.pipeline.failTurnOnAuditFailure) {
                throw e instanceof AuditException ? e
                        : new AuditException("audit sink failed for session " + state.session.id() + "; the turn was not stored", e);
            }
            log.warn("Audit sink failed for session {} turn {}; continuing without an audit record (failTurnOnAuditFailure=false)",
                    state.session.id(), state.turn, e);
        }
        return response;
    }

    private static List<AuditRecord> drafts(TurnState s, GovernedResponse r) {
        Instant now = s.pipeline.clock.instant();
        String sid = s.session.id();
        String org = s.session.organizationId();
        List<AuditRecord> out = new ArrayList<>(4);
        out.add(AuditRecord.draft(sid, AuditEventType.USER_MESSAGE, now, s.session.userId(), org, s.turn, s.inputStatus.name(),
                s.inputVerdict.name(), s.governedInput, s.rawInputDigest, decisions(s, EnforcementPoint.INPUT, null), s.trust(), Map.of()));
        if (s.agentCalled) {
            Map<String, String> a = new TreeMap<>();
            a.put("model", s.agentReply.model());
            a.put("latencyMillis", Long.toString(s.agentReply.latency().toMillis()));
            a.put("inputTokens", Integer.toString(s.agentReply.usage().inputTokens()));
            a.put("outputTokens", Integer.toString(s.agentReply.usage().outputTokens()));
            a.put("toolCalls", Integer.toString(s.agentReply.toolCalls().size()));
            a.put("toolCallsAllowed", Integer.toString(s.allowedToolCalls.size()));
            a.put("turnStatus", r.status().name());
            a.put("turnVerdict", r.verdict().name());
            out.add(AuditRecord.draft(sid, AuditEventType.AGENT_MESSAGE, now, s.routedAgent.id(), org, s.turn, s.outputStatus.name(),
                    s.outputVerdict.name(), r.isDelivered() ? r.content() : "", s.rawOutputDigest,
                    decisions(s, EnforcementPoint.PROCESSING, EnforcementPoint.OUTPUT), s.trust(), a));
        }
        if (!s.trustChanges.isEmpty()) {
            Map<String, String> a = new TreeMap<>();
            for (TrustChange c : s.trustChanges) {
                StringBuilder v = new StringBuilder(48);
                fixed(v, c.before().score(), 6).append("->");
                fixed(fixed(v, c.after().score(), 6).append(' ').append(c.evidence().kind().name()).append(" w="), c.evidence().weight(), 2);
                a.put(c.subject().toString(), v.toString());
            }
            out.add(AuditRecord.draft(sid, AuditEventType.TRUST_UPDATE, now, "system", org, s.turn, "", "", "", "", List.of(), s.trust(), a));
        }
        for (Intervention i : s.interventions) {
            out.add(AuditRecord.draft(sid, AuditEventType.OBSERVER_INTERVENTION, now, "observer", org, s.turn, "", "", "", "", List.of(),
                    s.trust(), Map.of("kind", i.kind().name(), "trigger", i.trigger(), "reason", i.reason())));
        }
        return out;
    }

    /** Appends {@code x >= 0} rounded to {@code digits} decimals (what {@code %.Nf} prints, without its cost). */
    static StringBuilder fixed(StringBuilder b, double x, int digits) {
        long scale = digits == 6 ? 1_000_000L : (long) Math.pow(10, digits);
        long units = Math.round(x * scale);
        b.append(units / scale).append('.');
        String frac = Long.toString(units % scale);
        for (int i = frac.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(frac);
    }

    private static List<AuditDecision> decisions(TurnState s, EnforcementPoint a, EnforcementPoint b) {
        List<AuditDecision> out = new ArrayList<>();
        for (PolicyDecision d : s.decisions) {
            if (d.point() == a || (b != null && d.point() == b)) {
                out.add(AuditDecision.of(d));
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "audit";
    }
}
