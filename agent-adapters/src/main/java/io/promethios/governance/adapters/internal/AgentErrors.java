package io.promethios.governance.adapters.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.promethios.governance.core.AgentAuthenticationException;
import io.promethios.governance.core.AgentBadResponseException;
import io.promethios.governance.core.AgentException;
import io.promethios.governance.core.AgentRateLimitedException;
import io.promethios.governance.core.AgentTimeoutException;
import io.promethios.governance.core.AgentUnavailableException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The one place where HTTP statuses, I/O failures and unusable bodies become core
 * {@link AgentException}s. Messages name the agent and the status, carry at most a short,
 * key-scrubbed summary of the provider's error, and never contain prompt or answer text.
 */
public final class AgentErrors {
    private static final int MAX_SUMMARY = 200;

    private final String agentId;
    private final Optional<Secret> apiKey;

    public AgentErrors(String agentId, Optional<Secret> apiKey) {
        this.agentId = agentId;
        this.apiKey = apiKey;
    }

    /**
     * Maps a non-2xx status: 401/403 authentication, 408 timeout, 429 rate limited, 5xx
     * unavailable, any other status a bad response.
     *
     * @param errorBody the response body (may be {@code null}); only a short summary is kept
     */
    public AgentException fromStatus(int status, String errorBody) {
        String message = "agent " + agentId + ": HTTP " + status + summary(errorBody);
        return byStatus(status, message, status, null);
    }

    /**
     * Maps an error reported inside a 200 stream, as if the provider had answered
     * {@code equivalentStatus}. The exception carries no status code.
     */
    public AgentException fromStreamError(int equivalentStatus, String errorBody) {
        String message = "agent " + agentId + ": error in stream" + summary(errorBody);
        return byStatus(equivalentStatus, message, 0, null);
    }

    private AgentException byStatus(int status, String message, int reported, Throwable cause) {
        if (status == 401 || status == 403) {
            return new AgentAuthenticationException(agentId, message, reported, cause);
        }
        if (status == 408) {
            return new AgentTimeoutException(agentId, message, reported, cause);
        }
        if (status == 429) {
            return new AgentRateLimitedException(agentId, message, reported, cause);
        }
        if (status >= 500) {
            return new AgentUnavailableException(agentId, message, reported, cause);
        }
        return new AgentBadResponseException(agentId, message, reported, cause);
    }

    /**
     * Maps an I/O failure. Timeouts become {@link AgentTimeoutException}; before the response
     * body, other failures (DNS, refused or reset connections) are {@link AgentUnavailableException};
     * while reading the body they mean a truncated response, an {@link AgentBadResponseException}.
     */
    public AgentException fromIOException(IOException e, boolean readingBody) {
        String what = e.getClass().getSimpleName();
        if (e instanceof InterruptedIOException) {
            return new AgentTimeoutException(agentId, "agent " + agentId + ": timed out (" + what + ")", 0, e);
        }
        if (e instanceof UnknownHostException) {
            return new AgentUnavailableException(agentId, "agent " + agentId + ": unknown host", 0, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new AgentUnavailableException(agentId, "agent " + agentId + ": cannot connect (" + what + ")", 0, e);
        }
        if (readingBody) {
            return new AgentBadResponseException(agentId, "agent " + agentId + ": response body truncated or unreadable (" + what + ")", 0, e);
        }
        return new AgentUnavailableException(agentId, "agent " + agentId + ": connection failed (" + what + ")", 0, e);
    }

    /** The body could not be parsed, or lacks a required part ({@code what}). */
    public AgentBadResponseException malformed(String what, Throwable cause) {
        return new AgentBadResponseException(agentId, "agent " + agentId + ": malformed response: " + what, 0, cause);
    }

    /** A stream ended before its end marker ({@code marker}). */
    public AgentBadResponseException truncatedStream(String marker) {
        return new AgentBadResponseException(agentId, "agent " + agentId + ": stream ended before " + marker + " (truncated)", 0, null);
    }

    /** The thread was interrupted while waiting to retry. */
    public AgentException interrupted(InterruptedException e) {
        return new AgentException(agentId, "agent " + agentId + ": interrupted while waiting to retry", 0, false, e);
    }

    /**
     * A short summary of a provider error body. Understands OpenAI
     * ({@code {"error":{"message","type","code"}}}), Anthropic
     * ({@code {"type":"error","error":{"type","message"}}}) and Ollama ({@code {"error":"..."}}).
     * Anything else is not echoed, since it might contain request text.
     */
    String summary(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            if (error == null) {
                return "";
            } else if (error.isTextual()) {
                text = error.asText();
            } else if (error.isObject()) {
                String type = error.path("type").asText("");
                String code = error.path("code").isValueNode() ? error.path("code").asText("") : "";
                String msg = error.path("message").asText("");
                String label = !code.isEmpty() ? code : type;
                text = label.isEmpty() ? msg : (msg.isEmpty() ? label : label + ": " + msg);
            } else {
                return "";
            }
        } catch (IOException e) {
            return "";
        }
        if (text.isBlank()) {
            return "";
        }
        String raw = text;
        text = apiKey.map(k -> k.scrub(raw)).orElseGet(() -> Secret.scrubKeys(raw));
        if (text.length() > MAX_SUMMARY) {
            text = text.substring(0, MAX_SUMMARY) + "...";
        }
        return " (" + text.replaceAll("\\s+", " ").strip() + ")";
    }
}
