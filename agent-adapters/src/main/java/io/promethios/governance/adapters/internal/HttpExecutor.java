package io.promethios.governance.adapters.internal;

import io.promethios.governance.adapters.RetryConfig;
import io.promethios.governance.core.AgentException;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Executes adapter HTTP calls with the retry policy and maps every failure through
 * {@link AgentErrors}. Thread-safe; holds no per-call state.
 */
public final class HttpExecutor {
    private static final Logger log = LoggerFactory.getLogger(HttpExecutor.class);
    private static final long MAX_ERROR_BODY = 16 * 1024;

    /** Parses a successful body; throws an {@link AgentException} (usually bad response) if it can't. */
    @FunctionalInterface
    public interface BodyParser<T> {
        T parse(String body);
    }

    private final HttpSettings settings;
    private final AgentErrors errors;
    private final Clock clock;

    public HttpExecutor(HttpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    HttpExecutor(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.errors = settings.errors();
        this.clock = clock;
    }

    public AgentErrors errors() {
        return errors;
    }

    /** Sends {@code request}, reads the whole body and parses it; retries per the policy. */
    public <T> T execute(Request request, BodyParser<T> parser) {
        return withRetries(request, response -> {
            String body;
            try {
                ResponseBody rb = response.body();
                body = rb == null ? "" : rb.string();
            } catch (IOException e) {
                throw errors.fromIOException(e, true);
            } finally {
                response.close();
            }
            return parser.parse(body);
        });
    }

    /**
     * Sends {@code request} and returns the open 2xx response for streaming; retries per the policy
     * until a 2xx arrives. The caller must close the response.
     */
    public Response open(Request request) {
        return withRetries(request, response -> response);
    }

    /** Reads a streamed body (SSE or NDJSON) until it ends. */
    @FunctionalInterface
    public interface StreamReader {
        void read(BufferedSource body) throws IOException;
    }

    /**
     * Sends {@code request}, hands the open 2xx body to {@code reader} and closes it; an I/O
     * failure while streaming becomes an {@link AgentException}, in one place for every adapter.
     */
    public void stream(Request request, StreamReader reader) {
        try (Response response = open(request)) {
            ResponseBody body = response.body();
            if (body == null) {
                throw errors.fromIOException(new IOException("stream response has no body"), true);
            }
            reader.read(body.source());
        } catch (IOException e) {
            throw errors.fromIOException(e, true);
        }
    }

    @FunctionalInterface
    private interface OnSuccess<T> {
        T accept(Response response);
    }

    private <T> T withRetries(Request request, OnSuccess<T> onSuccess) {
        RetryConfig retry = settings.retry();
        int max = retry.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            AgentException failure = null;
            Optional<Duration> retryAfter = Optional.empty();
            Response response;
            try {
                response = settings.client().newCall(request).execute();
            } catch (IOException e) {
                response = null;
                failure = errors.fromIOException(e, false);
            }
            if (response != null) {
                if (response.isSuccessful()) {
                    try {
                        return onSuccess.accept(response);
                    } catch (AgentException e) {
                        // A timeout or reset while reading a whole (non-streamed) body is retried like
                        // any retriable failure; malformed bodies are not retriable and end here.
                        if (!e.isRetriable()) {
                            throw e;
                        }
                        failure = e;
                    }
                } else {
                    try (Response r = response) {
                        failure = errors.fromStatus(r.code(), errorBody(r));
                        retryAfter = RetryAfter.parse(r.header("Retry-After"), clock);
                    }
                }
            }
            log.debug("Agent {} attempt {}/{} failed: {}", settings.id(), attempt, max, failure.getMessage());
            if (!failure.isRetriable() || attempt >= max) {
                throw failure;
            }
            if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                log.debug("Agent {}: Retry-After {} exceeds maxRetryAfter {}; giving up", settings.id(), retryAfter.get(), retry.maxRetryAfter());
                throw failure;
            }
            sleep(retryAfter.isPresent() ? retryAfter.get() : retry.backoff(attempt), attempt, max, failure);
        }
    }

    private void sleep(Duration delay, int attempt, int max, AgentException failure) {
        log.debug("Agent {}: retrying in {} ms (attempt {}/{} next)", settings.id(), delay.toMillis(), attempt + 1, max);
        try {
            settings.retry().sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            AgentException ex = errors.interrupted(e);
            ex.addSuppressed(failure);
            throw ex;
        }
    }

    private static String errorBody(Response response) {
        try {
            ResponseBody body = response.body();
            if (body == null) {
                return "";
            }
            return response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException e) {
            return "";
        }
    }
}
