package io.promethios.governance.core;

/**
 * Thrown only by {@link GovernancePipeline#enforce(ChatRequest)} when a turn was not delivered.
 * Policies must never throw it: a violation is a returned {@link PolicyDecision}.
 *
 * @since 0.1
 */
public class PolicyViolationException extends GovernanceException {
    private final transient GovernedResponse response;

    private PolicyViolationException(String message, GovernedResponse response) {
        super(message);
        this.response = response;
    }

    public static PolicyViolationException of(GovernedResponse response) {
        String by = response.decisions().stream()
                .filter(d -> d.verdict() == response.verdict())
                .map(PolicyDecision::policyId)
                .findFirst().orElse("pipeline");
        return new PolicyViolationException("Turn in session '" + response.sessionId() + "' was " + response.status()
                + " (" + response.verdict() + " by " + by + ")", response);
    }

    /** The governed response, with every decision. */
    public GovernedResponse response() {
        return response;
    }
}
