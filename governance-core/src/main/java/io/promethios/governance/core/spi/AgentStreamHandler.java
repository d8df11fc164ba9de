package io.promethios.governance.core.spi;

/**
 * Receives an agent's answer as it is generated. Calls arrive on one thread at a time, in
 * order: any number of {@link #onToken}, then exactly one of {@link #onComplete} or
 * {@link #onError}.
 *
 * <p>Text given to this handler is <b>ungoverned</b>: applications receive streamed text through
 * the pipeline's streaming API, which releases it only after the OUTPUT policies have seen it.
 *
 * @since 0.1
 */
public interface AgentStreamHandler {

    /** A chunk of answer text (any size, possibly one character). */
    void onToken(String chunk);

    /** The stream ended; {@code reply} holds the full text, usage and tool calls. */
    void onComplete(AgentReply reply);

    /** The stream failed. */
    void onError(Throwable error);
}
