package io.promethios.governance.core.internal;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.GovernedStreamListener;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Replacement;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentStreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Releases a streamed answer only after the OUTPUT policies have seen it with
 * {@code holdBack} characters of following context (or the end of the answer).
 *
 * <p>Each evaluation runs every OUTPUT policy on the unreleased text plus {@code holdBack}
 * characters of already released context, all on the same raw text; their redactions are
 * merged (overlapping spans become one) and applied before release. Text inside a span that
 * reaches past the release point is held until the span is complete. A BLOCK, REQUIRE_APPROVAL
 * or REASK stops the stream: nothing more is released.
 */
final class StreamGovernor implements AgentStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamGovernor.class);
    /** Evaluate again only once this many new characters are pending beyond the hold-back. */
    static final int STEP = 32;

    private final TurnState state;
    private final GovernedStreamListener listener;
    private final int holdBack;
    private final StringBuilder all = new StringBuilder();
    private final CountDownLatch done = new CountDownLatch(1);
    private String agentId = "";
    private Map<String, String> attributes = Map.of();
    private int released;
    private PolicyDecision stoppedBy;
    private AgentReply reply;
    private Throwable error;

    StreamGovernor(TurnState state, GovernedStreamListener listener, int holdBack) {
        this.state = state;
        this.listener = listener;
        this.holdBack = holdBack;
    }

    void start(String agentId, Map<String, String> attributes) {
        this.agentId = agentId;
        this.attributes = attributes;
    }

    @Override
    public synchronized void onToken(String chunk) {
        if (stoppedBy != null || chunk == null || chunk.isEmpty()) {
            return;
        }
        all.append(chunk);
        if (all.length() - released >= holdBack + STEP) {
            advance(false);
        }
    }

    @Override
    public synchronized void onComplete(AgentReply complete) {
        this.reply = complete;
        if (stoppedBy == null) {
            // adapters give the full text in the reply; prefer what was streamed if they differ in length
            if (all.length() == 0 && !complete.content().isEmpty()) {
                all.append(complete.content());
            }
            advance(true);
        }
        done.countDown();
    }

    @Override
    public synchronized void onError(Throwable e) {
        this.error = e;
        done.countDown();
    }

    /** Waits for the end of the stream; returns the reply or rethrows the stream's failure. */
    AgentReply await() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.promethios.governance.core.GovernanceException("interrupted while streaming", e);
        }
        synchronized (this) {
            if (error != null) {
                if (error instanceof RuntimeException re) {
                    throw re;
                }
                throw new io.promethios.governance.core.GovernanceException("agent stream failed", error);
            }
            String text = all.toString();
            return new AgentReply(text, reply.model(), reply.usage(), reply.latency(), reply.toolCalls(), reply.finishReason());
        }
    }

    /** The decision that stopped the stream, if one did. */
    synchronized PolicyDecision stoppedBy() {
        return stoppedBy;
    }

    private void advance(boolean end) {
        int limit = end ? all.length() : all.length() - holdBack;
        if (limit <= released) {
            return;
        }
        int segStart = Math.max(0, released - holdBack);
        String seg = all.substring(segStart);
        List<PolicyDecision> decisions = state.pipeline.engine.evaluateEachQuietly(EnforcementPoint.OUTPUT, seg, state, agentId, attributes);
        List<Replacement> reps = new ArrayList<>();
        for (PolicyDecision d : decisions) {
            Verdict v = d.verdict();
            if (v.withholdsContent() || v == Verdict.REASK) {
                stoppedBy = d;
                return;
            }
            for (Replacement r : d.replacements()) {
                reps.add(Replacement.of(r.start() + segStart, r.end() + segStart, r.text()));
            }
        }
        reps = merge(reps);
        for (Replacement r : reps) {
            if (r.start() < limit && r.end() > limit) {
                limit = r.start(); // hold a span until it is complete
            }
        }
        if (limit <= released) {
            return;
        }
        StringBuilder out = new StringBuilder(limit - released + 16);
        int pos = released;
        for (Replacement r : reps) {
            if (r.end() <= released) {
                continue;
            }
            if (r.start() >= limit) {
                break;
            }
            int from = Math.max(r.start(), released);
            out.append(all, pos, from).append(r.text());
            pos = r.end();
        }
        if (pos < limit) {
            out.append(all, pos, limit);
        }
        released = Math.max(limit, pos);
        if (out.length() > 0) {
            try {
                listener.onText(out.toString());
            } catch (RuntimeException e) {
                log.warn("Stream listener {} threw in session {}; ignored", listener.getClass().getName(), state.session.id(), e);
            }
        }
    }

    /** Sorted, with overlapping spans united (the first span's text wins). */
    private static List<Replacement> merge(List<Replacement> reps) {
        if (reps.size() < 2) {
            return reps;
        }
        reps.sort(Comparator.comparingInt(Replacement::start));
        List<Replacement> out = new ArrayList<>(reps.size());
        Replacement cur = reps.get(0);
        for (int i = 1; i < reps.size(); i++) {
            Replacement r = reps.get(i);
            if (r.start() < cur.end()) {
                cur = Replacement.of(cur.start(), Math.max(cur.end(), r.end()), cur.text());
            } else {
                out.add(cur);
                cur = r;
            }
        }
        out.add(cur);
        return out;
    }
}
