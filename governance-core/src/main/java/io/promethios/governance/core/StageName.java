package io.promethios.governance.core;

/**
 * The built-in stages, in chain order. Custom stages are inserted before or after one of them
 * (never after {@link #ROUTING}, which calls the agent and ends the chain).
 *
 * <p>Read on the way in and out, the chain performs the plan's eight steps in order: input
 * validation, governance pre-check, trust assessment, agent routing, response generation,
 * governance post-check, observer evaluation, audit logging.
 *
 * @since 0.1
 */
public enum StageName {
    /** Outermost: digests the raw input on the way in, writes the audit chain on the way out. */
    AUDIT("audit"),
    /** Refuses turns of suspended sessions on the way in; reviews the finished turn on the way out. */
    OBSERVER("observer"),
    /** Bean validation of the request: size, identifiers, metadata, history bound. */
    VALIDATION("validation"),
    /** INPUT policies (pre-check): may block, hold or redact before anything else sees the text. */
    INPUT_POLICIES("input-policies"),
    /** Attaches the trust snapshot on the way in; records evidence on the way out. */
    TRUST_ASSESSMENT("trust-assessment"),
    /** OUTPUT policies (post-check) on the agent's answer, with bounded re-asks. */
    OUTPUT_POLICIES("output-policies"),
    /** PROCESSING policies on the agent call and its tool calls, then the agent call itself. */
    ROUTING("routing");

    private final String id;

    StageName(String id) {
        this.id = id;
    }

    /** The name used in stage timings and logs. */
    public String id() {
        return id;
    }
}
