package io.promethios.governance.core.spi;

/**
 * One AI agent or model behind the pipeline.
 *
 * <p><b>Threading.</b> Called concurrently from many turns; implementations must be
 * thread-safe. Calls block for as long as the model takes. <b>Exceptions</b>: throw an unchecked
 * exception (the {@code agent-adapters} module maps HTTP failures to an {@code AgentException}
 * hierarchy); the turn then fails, nothing is written to the session, and the failure is
 * negative evidence for the agent's trust.
 *
 * @since 0.1
 */
public interface AgentAdapter {

    /** Stable id used for routing, trust and audit. */
    String id();

    /** Answers one request. Must not return {@code null}. */
    AgentReply respond(AgentRequest request);

    /**
     * Streams one answer to {@code handler}. The default calls {@link #respond} and delivers the
     * whole answer as one chunk; adapters for streaming APIs override it.
     */
    default void stream(AgentRequest request, AgentStreamHandler handler) {
        AgentReply reply;
        try {
            reply = respond(request);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        if (!reply.content().isEmpty()) {
            handler.onToken(reply.content());
        }
        handler.onComplete(reply);
    }
}
