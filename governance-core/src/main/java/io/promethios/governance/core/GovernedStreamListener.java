package io.promethios.governance.core;

/**
 * Receives a streamed answer from {@link GovernancePipeline#stream}: only text that the OUTPUT
 * policies have already seen, with enough context after it (the hold-back window), and with
 * their redactions applied.
 *
 * <p>Calls come one at a time, in order, possibly from the agent adapter's thread. They must be
 * fast and must not throw (a throwing listener is logged at WARN and ignored).
 *
 * @since 0.1
 */
public interface GovernedStreamListener {

    /** A chunk of governed answer text. */
    void onText(String governedChunk);

    /**
     * The turn ended. {@code response.content()} is the governed complete answer, as stored in
     * the session and the audit trail; when a policy stopped the stream, the status is BLOCKED
     * (or HELD) and no further text follows.
     */
    default void onComplete(GovernedResponse response) {
    }
}
