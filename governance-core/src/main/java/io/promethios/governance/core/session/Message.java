package io.promethios.governance.core.session;

import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.Verdict;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a session's history, as governance left it: the governed (possibly redacted)
 * text, or no text at all when the message was blocked or held. Raw text is never stored.
 *
 * @param sequence  1-based position in the session
 * @param turn      the turn it belongs to
 * @param role      who wrote it
 * @param author    user id or agent id
 * @param content   governed text; {@code ""} when blocked or held
 * @param status    what governance did to it
 * @param verdict   the combined verdict of the decisions about it
 * @param timestamp when it was recorded
 * @since 0.1
 */
public record Message(long sequence, long turn, MessageRole role, String author, String content,
                      ContentStatus status, Verdict verdict, Instant timestamp) {

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(timestamp, "timestamp");
        if (sequence < 1 || turn < 1) {
            throw new IllegalArgumentException("sequence and turn start at 1, but were " + sequence + ", " + turn);
        }
        if ((status == ContentStatus.BLOCKED || status == ContentStatus.HELD) && !content.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " message is kept without content");
        }
    }

    /** Whether the text may be shown and given to agents as history. */
    public boolean isVisible() {
        return status == ContentStatus.DELIVERED || status == ContentStatus.TRANSFORMED;
    }

    @Override
    public String toString() {
        return "Message[sequence=" + sequence + ", turn=" + turn + ", role=" + role + ", author=" + author
                + ", content=<" + content.length() + " chars>, status=" + status + ", verdict=" + verdict + "]";
    }
}
