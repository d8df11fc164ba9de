package io.promethios.governance.adapters.internal;

import io.promethios.governance.core.AgentException;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.AgentStreamHandler;
import io.promethios.governance.core.spi.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** Fallback handling and the streaming contract, shared by all adapters. */
public final class Calls {
    private static final Logger log = LoggerFactory.getLogger(Calls.class);

    /** A streaming call: delivers chunks to {@code tokens} and returns the whole reply, or throws. */
    @FunctionalInterface
    public interface StreamingCall {
        AgentReply stream(AgentRequest request, Consumer<String> tokens);
    }

    private Calls() {
    }

    /** Runs {@code call}; on an {@link AgentException} hands the request to the fallback, if any. */
    public static AgentReply respond(HttpSettings settings, AgentRequest request, Function<AgentRequest, AgentReply> call) {
        Objects.requireNonNull(request, "request");
        try {
            AgentReply reply = call.apply(request);
            logReply(settings, reply);
            return reply;
        } catch (AgentException e) {
            if (settings.fallback() == null) {
                throw e;
            }
            log.warn("Agent {} failed ({}); using fallback agent {}", settings.id(), e.getClass().getSimpleName(), settings.fallback().id());
            try {
                return settings.fallback().respond(request);
            } catch (RuntimeException fallbackFailure) {
                fallbackFailure.addSuppressed(e);
                throw fallbackFailure;
            }
        }
    }

    /**
     * Runs a streaming call under the {@link AgentStreamHandler} contract: tokens, then exactly
     * one of onComplete/onError. Falls back only if no chunk reached the handler yet.
     */
    public static void stream(HttpSettings settings, AgentRequest request, AgentStreamHandler handler, StreamingCall call) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        boolean[] emitted = {false};
        AgentReply reply;
        try {
            reply = call.stream(request, chunk -> {
                if (!chunk.isEmpty()) {
                    emitted[0] = true;
                    handler.onToken(chunk);
                }
            });
        } catch (AgentException e) {
            AgentAdapter fallback = settings.fallback();
            if (fallback != null && !emitted[0]) {
                log.warn("Agent {} failed before streaming ({}); using fallback agent {}", settings.id(), e.getClass().getSimpleName(), fallback.id());
                fallback.stream(request, handler);
                return;
            }
            handler.onError(e);
            return;
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        logReply(settings, reply);
        handler.onComplete(reply);
    }

    /** Clamps provider counts so that odd values (negative, missing) become "unknown". */
    public static TokenUsage usage(Integer input, Integer output) {
        int in = input == null || input < 0 ? -1 : input;
        int out = output == null || output < 0 ? -1 : output;
        return TokenUsage.of(in, out);
    }

    private static void logReply(HttpSettings settings, AgentReply reply) {
        if (log.isDebugEnabled()) {
            log.debug("Agent {} answered in {} ms: model {}, tokens {}/{}, {} tool calls, finish {}", settings.id(), reply.latency().toMillis(),
                    reply.model(), reply.usage().inputTokens(), reply.usage().outputTokens(), reply.toolCalls().size(), reply.finishReason());
        }
    }
}
