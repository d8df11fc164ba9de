package io.promethios.governance.adapters.ollama;

import io.promethios.governance.adapters.HttpAgentAdapterBuilder;
import io.promethios.governance.adapters.internal.Calls;
import io.promethios.governance.adapters.internal.HttpExecutor;
import io.promethios.governance.adapters.internal.HttpSettings;
import io.promethios.governance.adapters.internal.NdjsonReader;
import io.promethios.governance.adapters.ollama.internal.OllamaWire;
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
 * An {@link AgentAdapter} for Ollama's chat API ({@code POST {baseUrl}/api/chat}).
 *
 * <pre>{@code
 * AgentAdapter llama = OllamaAgentAdapter.builder()
 *     .model("llama3.2")                    // base URL default http://localhost:11434
 *     .build();
 * }</pre>
 *
 * <p><b>Requests.</b> Messages as for OpenAI: system prompt as a {@code system} message,
 * visible history (USER {@code user}, AGENT {@code assistant}, SYSTEM {@code system}), the
 * user message, then re-ask feedback as a {@code system} message. {@code stream} is always sent
 * (Ollama streams by default); temperature and max tokens go in {@code options} as
 * {@code temperature} and {@code num_predict}. Token usage comes from {@code prompt_eval_count}
 * and {@code eval_count}. Streams are NDJSON and end with a {@code "done": true} line; a stream
 * without it fails with {@link io.promethios.governance.core.AgentBadResponseException}.
 *
 * <p><b>Keys.</b> None needed; an {@code apiKey} set on the builder is sent as
 * {@code Authorization: Bearer} (for a server behind an authenticating proxy). No environment
 * variable is read.
 *
 * <p><b>Threading.</b> Immutable and thread-safe: create once, share. Calls block the calling
 * thread; {@code stream} calls the handler on the calling thread and reports failures to
 * {@link AgentStreamHandler#onError} instead of throwing.
 *
 * @since 0.1
 */
public final class OllamaAgentAdapter implements AgentAdapter {

    /** Provider name, also the {@link OllamaAgentAdapterProvider#name()}. */
    public static final String PROVIDER = "ollama";
    /** Default base URL. */
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpSettings settings;
    private final HttpExecutor http;
    private final HttpUrl endpoint;

    private OllamaAgentAdapter(HttpSettings settings) {
        this.settings = settings;
        this.http = new HttpExecutor(settings);
        this.endpoint = settings.baseUrl().newBuilder().addPathSegments("api/chat").build();
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
            return http.execute(httpRequest(r, false), body -> OllamaWire.toReply(body, settings.model(), start, http.errors()));
        });
    }

    @Override
    public void stream(AgentRequest request, AgentStreamHandler handler) {
        Calls.stream(settings, request, handler, this::streamCall);
    }

    private AgentReply streamCall(AgentRequest request, Consumer<String> tokens) {
        long start = System.nanoTime();
        OllamaWire.StreamAccumulator acc = new OllamaWire.StreamAccumulator(http.errors(), settings.model(), start, tokens);
        http.stream(httpRequest(request, true), body -> NdjsonReader.read(body, acc::onLine));
        return acc.finish();
    }

    private Request httpRequest(AgentRequest request, boolean stream) {
        String body = OllamaWire.write(OllamaWire.toRequest(request, settings.model(), stream, settings.tools()));
        Request.Builder b = new Request.Builder().url(endpoint).post(RequestBody.create(body, JSON))
                .header("Accept", stream ? "application/x-ndjson" : "application/json");
        settings.apiKey().ifPresent(key -> b.header("Authorization", "Bearer " + key.reveal()));
        return b.build();
    }

    @Override
    public String toString() {
        return "OllamaAgentAdapter[id=" + settings.id() + ", model=" + settings.model() + ", endpoint=" + endpoint + "]";
    }

    /**
     * Builds an {@link OllamaAgentAdapter}; the common options are documented on
     * {@link HttpAgentAdapterBuilder}. Model required; base URL default {@value #DEFAULT_BASE_URL}.
     */
    public static final class Builder extends HttpAgentAdapterBuilder<Builder, OllamaAgentAdapter> {
        private Builder() {
        }

        @Override
        public OllamaAgentAdapter build() {
            return new OllamaAgentAdapter(settings(PROVIDER, DEFAULT_BASE_URL, List.of(), false, true));
        }
    }
}
