package io.promethios.governance.core.spi;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.Finding;
import io.promethios.governance.core.PolicyDecision;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A governance rule evaluated at one or more {@link EnforcementPoint}s.
 *
 * <p><b>A violation is a returned value, never an exception.</b> Return
 * {@link PolicyDecision#block}, {@link PolicyDecision#transform} and so on. An exception, a
 * {@code null} result, an invalid decision or a run longer than {@link #timeout()} is a policy
 * <i>failure</i>: under {@link FailureMode#FAIL_CLOSED} (the default) it blocks the turn, under
 * {@link FailureMode#FAIL_OPEN} it becomes a warning; both raise a policy-failure event. Policies
 * must never throw {@link io.promethios.governance.core.PolicyViolationException}.
 *
 * <p><b>Threading.</b> One instance serves every turn concurrently: implementations must be
 * thread-safe and should not block. A policy that may block (a remote call, an LLM judge) returns
 * {@code true} from {@link #mayBlock()}: it then runs on the pipeline's executor and is cut off
 * at its timeout. Other policies run on the calling thread and an overrun is detected when they
 * return.
 *
 * @since 0.1
 */
public interface Policy {

    /** Stable id, recorded in every decision. Defaults to the simple class name. */
    default String id() {
        return getClass().getSimpleName();
    }

    /** Version recorded in every decision, so audits show which rules were in force. Default {@code "1"}. */
    default String version() {
        return "1";
    }

    /**
     * Where this policy applies. Default: INPUT only. A policy applying at INPUT and PROCESSING
     * judges the user's message once at INPUT (the agent call carries that governed text) and
     * every tool call at PROCESSING.
     */
    default Set<EnforcementPoint> enforcementPoints() {
        return EnumSet.of(EnforcementPoint.INPUT);
    }

    /** This policy's time budget; empty means the pipeline's {@code policyTimeout} (default 100 ms). */
    default Optional<Duration> timeout() {
        return Optional.empty();
    }

    /** What a failure of this policy turns into; empty means the pipeline's {@code failureMode}. */
    default Optional<FailureMode> failureMode() {
        return Optional.empty();
    }

    /** Whether evaluation may block; if so it runs on the pipeline's executor with a hard timeout. */
    default boolean mayBlock() {
        return false;
    }

    /**
     * Whether this policy's decisions are trust evidence. Default {@code true}: a WARN or worse
     * counts against the user (INPUT) or the agent (PROCESSING, OUTPUT) and the conversation.
     * Policies whose verdicts are <i>derived from trust</i> (hold a low-trust user's turns for
     * approval, escalate a falling conversation) return {@code false}, so that a verdict caused
     * by low trust does not lower trust again (a low-trust user could otherwise never recover).
     *
     * @since 0.1
     */
    default boolean trustEvidence() {
        return true;
    }

    /** Judges {@code context.text()}. Must not return {@code null}. */
    PolicyDecision evaluate(PolicyContext context);

    default PolicyDecision allow() {
        return PolicyDecision.allow(id());
    }

    default PolicyDecision block(String reason, List<Finding> findings) {
        return PolicyDecision.block(id(), reason, findings);
    }

    default PolicyDecision warn(String reason, List<Finding> findings) {
        return PolicyDecision.warn(id(), reason, findings);
    }
}
