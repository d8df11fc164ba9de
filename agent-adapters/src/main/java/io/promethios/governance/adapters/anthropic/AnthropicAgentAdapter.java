package io.promethios.governance.adapters.anthropic;

import io.promethios.governance.adapters.HttpAgentAdapterBuilder;
import io.promethios.governance.adapters.anthropic.internal.AnthropicWire;
import io.promethios.governance.adapters.internal.Calls;
import io.promethios.governance.adapters.internal.HttpExecutor;
import io.promethios.governance.adapters.internal.HttpSettings;
import io.promethios.governance.adapters.internal.SseReader;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.AgentStreamHandler;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link AgentAdapter} for the Anthropic Messages API ({@code POST {baseUrl}/v1/messages}).
 *
 * <pre>{@code
 * AgentAdapter claude = AnthropicAgentAdapter.builder()
 *     .model("claude-3-5-haiku-latest")     // key from ANTHROPIC_API_KEY
 *     .defaultMaxTokens(1024)
 *     .build();
 * }</pre>
 *
 * <p><b>Requests.</b> Headers {@code x-api-key} and {@code anthropic-version: }{@value #API_VERSION}.
 * The system prompt and visible SYSTEM history messages form the top-level {@code system} field;
 * USER and AGENT history become {@code user} and {@code assistant} messages (consecutive messages
 * of one role are merged, since the API expects alternating roles). {@code max_tokens} is
 * required by the API: the request's limit, else {@link Builder#defaultMaxTokens}. Re-ask
 * feedback ({@link AgentRequest#feedback()}) is sent as a second text block of the last user
 * message, listing the reasons. Streams follow the event types {@code message_start},
 * {@code content_block_start/delta/stop}, {@code message_delta} and {@code message_stop}; a
 * stream without {@code message_stop} fails with
 * {@link io.promethios.governance.core.AgentBadResponseException}, an {@code error} event is
 * mapped like the equivalent HTTP status (for example {@code overloaded_error} as unavailable).
 *
 * <p><b>Threading.</b> Immutable and thread-safe: create once, share. {@link #respond} and
 * {@link #stream} block the calling thread; {@code stream} calls the handler on the calling
 * thread and reports failures to {@link AgentStreamHandler#onError} instead of throwing.
 *
 * @since 0.1
 */
public final class AnthropicAgentAdapter implements AgentAdapter {

    /** Provider name, also the {@link AnthropicAgentAdapterProvider#name()}. */
    public static final String PROVIDER = "anthropic";
    /** Default base URL; the adapter appends {@code /v1/messages}. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** Environment variable holding the API key. */
    public static final String API_KEY_ENV = "ANTHROPIC_API_KEY";
    /** The {@code anthropic-version} header sent. */
    public static final String API_VERSION = "2023-06-01";
    /** Default {@code max_tokens} when a request sets none: 1024. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpSettings settings;
    private final HttpExecutor http;
    private final HttpUrl endpoint;
    private final int defaultMaxTokens;

    private AnthropicAgentAdapter(HttpSettings settings, int defaultMaxTokens) {
        this.settings = settings;
        this.http = new HttpExecutor(settings);
        this.endpoint = settings.baseUrl().newBuilder().addPathSegments("v1/messages").build();
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return settings.id();
    }

    /** The configured model. */
    public String model() {
        return settings.model();
    }

    @Override
    public AgentReply respond(AgentRequest request) {
        return Calls.respond(settings, request, r -> {
            long start = System.nanoTime();
            return http.execute(httpRequest(r, false), body -> AnthropicWire.toReply(body, settings.model(), start, http.errors()));
        });
    }

    @Override
    public void stream(AgentRequest request, AgentStreamHandler handler) {
        Calls.stream(settings, request, handler, this::streamCall);
    }

    private AgentReply streamCall(AgentRequest request, Consumer<String> tokens) {
        long start = System.nanoTime();
        AnthropicWire.StreamAccumulator acc = new AnthropicWire.StreamAccumulator(http.errors(), settings.model(), start, tokens);
        http.stream(httpRequest(request, true), body -> SseReader.read(body, (event, data) -> acc.onEvent(data)));
        return acc.finish();
    }

    private Request httpRequest(AgentRequest request, boolean stream) {
        String body = AnthropicWire.write(AnthropicWire.toRequest(request, settings.model(), defaultMaxTokens, stream, settings.tools()));
        Request.Builder b = new Request.Builder().url(endpoint).post(RequestBody.create(body, JSON))
                .header("anthropic-version", API_VERSION)
                .header("Accept", stream ? "text/event-stream" : "application/json");
        settings.apiKey().ifPresent(key -> b.header("x-api-key", key.reveal()));
        return b.build();
    }

    @Override
    public String toString() {
        return "AnthropicAgentAdapter[id=" + settings.id() + ", model=" + settings.model() + ", endpoint=" + endpoint + "]";
    }

    /**
     * Builds an {@link AnthropicAgentAdapter}; the common options are documented on
     * {@link HttpAgentAdapterBuilder}. Model required; key from {@value #API_KEY_ENV} unless set.
     */
    public static final class Builder extends HttpAgentAdapterBuilder<Builder, AnthropicAgentAdapter> {
        private Integer defaultMaxTokens;

        private Builder() {
        }

        /** {@code max_tokens} for requests that set no limit, &gt; 0. Default {@value #DEFAULT_MAX_TOKENS}. */
        public Builder defaultMaxTokens(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("defaultMaxTokens must be > 0, but was " + maxTokens);
            }
            if (this.defaultMaxTokens != null) {
                throw new IllegalStateException("defaultMaxTokens was already set");
            }
            this.defaultMaxTokens = maxTokens;
            return this;
        }

        @Override
        public AnthropicAgentAdapter build() {
            HttpSettings s = settings(PROVIDER, DEFAULT_BASE_URL, List.of(API_KEY_ENV), true, true);
            return new AnthropicAgentAdapter(s, defaultMaxTokens == null ? DEFAULT_MAX_TOKENS : defaultMaxTokens);
        }
    }
}
