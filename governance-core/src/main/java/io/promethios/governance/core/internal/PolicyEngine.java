package io.promethios.governance.core.internal;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Replacement;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Evaluates the policies of one enforcement point in order: transforms compose (each policy sees
 * the text as rewritten by the ones before it), the combined verdict is the most restrictive,
 * and evaluation stops at the first BLOCK. Failures become BLOCK (fail-closed) or WARN
 * (fail-open) decisions and raise a {@link GovernanceEvent.PolicyFailed} event.
 */
final class PolicyEngine {

    private static final Logger log = LoggerFactory.getLogger(PolicyEngine.class);

    /** Result of one point: combined verdict, the (possibly rewritten) text and the decisions. */
    record Evaluation(Verdict verdict, String text, List<PolicyDecision> decisions) {
    }

    private final Map<EnforcementPoint, Policy[]> byPoint = new EnumMap<>(EnforcementPoint.class);
    private final Policy[] agentCallOnly;
    private final FailureMode defaultFailureMode;
    private final long defaultTimeoutNanos;
    private final Executor executor;
    /** Ids of policies whose decisions are not trust evidence ({@link Policy#trustEvidence()}). */
    private final java.util.Set<String> notEvidence;

    PolicyEngine(List<Policy> policies, FailureMode defaultFailureMode, Duration defaultTimeout, Executor executor) {
        this.defaultFailureMode = defaultFailureMode;
        this.defaultTimeoutNanos = defaultTimeout.toNanos();
        this.executor = executor;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Policy policy : policies) {
            if (!policy.trustEvidence()) {
                ids.add(policy.id());
            }
        }
        this.notEvidence = java.util.Set.copyOf(ids);
        for (EnforcementPoint p : EnforcementPoint.values()) {
            List<Policy> at = new ArrayList<>();
            for (Policy policy : policies) {
                if (policy.enforcementPoints().contains(p)) {
                    at.add(policy);
                }
            }
            byPoint.put(p, at.toArray(new Policy[0]));
        }
        List<Policy> callOnly = new ArrayList<>();
        for (Policy policy : byPoint.get(EnforcementPoint.PROCESSING)) {
            if (!policy.enforcementPoints().contains(EnforcementPoint.INPUT)) {
                callOnly.add(policy);
            }
        }
        this.agentCallOnly = callOnly.toArray(new Policy[0]);
    }

    /** Whether a decision counts as trust evidence. */
    boolean isTrustEvidence(PolicyDecision d) {
        return notEvidence.isEmpty() || !notEvidence.contains(d.policyId());
    }

    boolean hasPolicies(EnforcementPoint point) {
        return byPoint.get(point).length > 0;
    }

    Evaluation evaluate(EnforcementPoint point, String text, TurnState state, String agentId, Map<String, String> attributes) {
        return evaluate(byPoint.get(point), point, text, state, agentId, attributes);
    }

    /**
     * PROCESSING policies for the agent call itself. The call carries the text the INPUT policies
     * already governed, so a policy that applies at INPUT too is not asked again about the same
     * text (it was, a moment ago); PROCESSING-only policies are.
     */
    Evaluation evaluateAgentCall(String text, TurnState state, String agentId, Map<String, String> attributes) {
        return evaluate(agentCallOnly, EnforcementPoint.PROCESSING, text, state, agentId, attributes);
    }

    boolean hasAgentCallPolicies() {
        return agentCallOnly.length > 0;
    }

    private Evaluation evaluate(Policy[] policies, EnforcementPoint point, String text, TurnState state, String agentId,
                                Map<String, String> attributes) {
        if (policies.length == 0) {
            return new Evaluation(Verdict.ALLOW, text, List.of());
        }
        PolicyContext ctx = new PolicyContext(point, text, state.session, agentId, state.trust(), attributes);
        List<PolicyDecision> made = new ArrayList<>(policies.length);
        Verdict combined = Verdict.ALLOW;
        String current = text;
        for (Policy policy : policies) {
            if (current != ctx.text()) {
                ctx = ctx.withText(current);
            }
            PolicyDecision d = run(policy, ctx, state);
            if (d.verdict() == Verdict.TRANSFORM) {
                String rewritten = apply(current, d.replacements());
                if (rewritten == null) {
                    d = failed(policy, point, state, GovernanceEvent.Failure.INVALID_DECISION,
                            "replacements overlap or fall outside the text", d.duration());
                } else {
                    current = rewritten;
                }
            }
            made.add(d);
            state.decisions.add(d);
            combined = combined.max(d.verdict());
            if (state.listening()) {
                state.publish(new GovernanceEvent.PolicyDecided(state.session.id(), state.turn, d));
                if (d.isViolation()) {
                    state.publish(new GovernanceEvent.PolicyViolated(state.session.id(), state.turn, d));
                }
            }
            if (d.isViolation() && log.isDebugEnabled()) {
                log.debug("Policy '{}' v{} decided {} at {} in session {} turn {}", d.policyId(), d.policyVersion(), d.verdict(), point,
                        state.session.id(), state.turn);
            }
            if (combined == Verdict.BLOCK) {
                break;
            }
        }
        return new Evaluation(combined, current, made);
    }

    /**
     * Every policy of {@code point} on the same raw {@code text}, recording nothing (used on a
     * streaming window: replacements stay in the window's coordinates, so they can be merged).
     */
    List<PolicyDecision> evaluateEachQuietly(EnforcementPoint point, String text, TurnState state, String agentId,
                                             Map<String, String> attributes) {
        Policy[] policies = byPoint.get(point);
        if (policies.length == 0) {
            return List.of();
        }
        PolicyContext ctx = new PolicyContext(point, text, state.session, agentId, state.trust(), attributes);
        List<PolicyDecision> out = new ArrayList<>(policies.length);
        for (Policy policy : policies) {
            PolicyDecision d = run(policy, ctx, state);
            if (d.verdict() == Verdict.TRANSFORM && apply(text, d.replacements()) == null) {
                d = failed(policy, point, state, GovernanceEvent.Failure.INVALID_DECISION,
                        "replacements overlap or fall outside the text", d.duration());
            }
            out.add(d);
        }
        return out;
    }

    private PolicyDecision run(Policy policy, PolicyContext ctx, TurnState state) {
        long timeout = policy.timeout().map(Duration::toNanos).orElse(defaultTimeoutNanos);
        long t0 = System.nanoTime();
        PolicyDecision d;
        try {
            if (policy.mayBlock()) {
                CompletableFuture<PolicyDecision> f = CompletableFuture.supplyAsync(() -> policy.evaluate(ctx), executor);
                try {
                    d = f.get(timeout, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    return failed(policy, ctx.point(), state, GovernanceEvent.Failure.TIMEOUT,
                            "no decision within " + Duration.ofNanos(timeout).toMillis() + " ms", Duration.ofNanos(System.nanoTime() - t0));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    return failed(policy, ctx.point(), state, GovernanceEvent.Failure.EXCEPTION, cause.getClass().getName(),
                            Duration.ofNanos(System.nanoTime() - t0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed(policy, ctx.point(), state, GovernanceEvent.Failure.EXCEPTION, "interrupted",
                            Duration.ofNanos(System.nanoTime() - t0));
                }
            } else {
                d = policy.evaluate(ctx);
            }
        } catch (RuntimeException | StackOverflowError e) {
            return failed(policy, ctx.point(), state, GovernanceEvent.Failure.EXCEPTION, e.getClass().getName(),
                    Duration.ofNanos(System.nanoTime() - t0));
        }
        long took = System.nanoTime() - t0;
        if (took > timeout) {
            return failed(policy, ctx.point(), state, GovernanceEvent.Failure.TIMEOUT,
                    "took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms, budget " + TimeUnit.NANOSECONDS.toMillis(timeout) + " ms",
                    Duration.ofNanos(took));
        }
        if (d == null) {
            return failed(policy, ctx.point(), state, GovernanceEvent.Failure.INVALID_DECISION, "returned null", Duration.ofNanos(took));
        }
        if (!d.policyId().equals(policy.id())) {
            d = new PolicyDecision(d.verdict(), policy.id(), d.policyVersion(), d.point(), d.findings(), d.replacements(), d.reason(),
                    d.duration(), d.risk());
        }
        return d.stamped(policy.version(), ctx.point(), Duration.ofNanos(took));
    }

    private PolicyDecision failed(Policy policy, EnforcementPoint point, TurnState state, GovernanceEvent.Failure failure,
                                  String detail, Duration took) {
        FailureMode mode = policy.failureMode().orElse(defaultFailureMode);
        Verdict verdict = mode == FailureMode.FAIL_CLOSED ? Verdict.BLOCK : Verdict.WARN;
        log.warn("Policy '{}' failed at {} in session {} turn {} ({}: {}); {} -> {}", policy.id(), point, state.session.id(), state.turn,
                failure, detail, mode, verdict);
        if (state.listening()) {
            state.publish(new GovernanceEvent.PolicyFailed(state.session.id(), state.turn, policy.id(), point, failure, mode, verdict,
                    detail));
        }
        String reason = "policy failed (" + failure.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail + "); "
                + (mode == FailureMode.FAIL_CLOSED ? "fail-closed" : "fail-open");
        return PolicyDecision.of(verdict, policy.id(), reason, List.of()).stamped(policy.version(), point, took);
    }

    /** Applies non-overlapping in-range replacements, or returns null if they are invalid. */
    static String apply(String text, List<Replacement> replacements) {
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort(Comparator.comparingInt(Replacement::start));
        int prevEnd = 0;
        StringBuilder out = new StringBuilder(text.length());
        for (Replacement r : sorted) {
            if (r.start() < prevEnd || r.end() > text.length()) {
                return null;
            }
            out.append(text, prevEnd, r.start()).append(r.text());
            prevEnd = r.end();
        }
        return out.append(text, prevEnd, text.length()).toString();
    }
}
