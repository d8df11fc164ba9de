package io.promethios.governance.adapters.openai;

import io.promethios.governance.adapters.HttpAgentAdapterBuilder;
import io.promethios.governance.adapters.internal.Calls;
import io.promethios.governance.adapters.internal.HttpExecutor;
import io.promethios.governance.adapters.internal.HttpSettings;
import io.promethios.governance.adapters.internal.SseReader;
import io.promethios.governance.adapters.openai.internal.OpenAiWire;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.AgentStreamHandler;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An {@link AgentAdapter} for the OpenAI Chat Completions API ({@code POST {baseUrl}/chat/completions})
 * and OpenAI-compatible servers.
 *
 * <pre>{@code
 * AgentAdapter gpt = OpenAiAgentAdapter.builder()
 *     .model("gpt-4o-mini")                 // key from OPENAI_API_KEY
 *     .timeout(Duration.ofSeconds(60))
 *     .maxAttempts(3)
 *     .build();
 *
 * AgentAdapter local = OpenAiAgentAdapter.builder()   // vLLM, llama.cpp server, LM Studio
 *     .baseUrl("http://localhost:8000/v1").model("Qwen/Qwen2.5-7B-Instruct").build();
 *
 * AgentAdapter azure = OpenAiAgentAdapter.builder()   // api-key header, ?api-version=
 *     .baseUrl("https://my-resource.openai.azure.com/openai/deployments/my-gpt4o")
 *     .azureApiVersion("2024-10-21").build();          // key from AZURE_OPENAI_API_KEY or OPENAI_API_KEY
 * }</pre>
 *
 * <p><b>Requests.</b> The system prompt is the first {@code system} message, visible history
 * follows (USER as {@code user}, AGENT as {@code assistant}, SYSTEM as {@code system}), then the
 * user message. Re-ask feedback ({@link AgentRequest#feedback()}) is sent as one more
 * {@code system} message after the user message, listing the reasons. Temperature and max
 * tokens are sent when set ({@code max_tokens}, or {@code max_completion_tokens} with
 * {@link Builder#useMaxCompletionTokens}). Streams ask for {@code stream_options.include_usage}
 * and end at {@code data: [DONE]}; a stream without it fails with
 * {@link io.promethios.governance.core.AgentBadResponseException}.
 *
 * <p><b>Keys.</b> Sent as {@code Authorization: Bearer}, or as {@code api-key} for Azure. Read
 * from {@value #API_KEY_ENV} (Azure: {@value #AZURE_API_KEY_ENV} first) unless set on the builder;
 * required for the default base URL and Azure, optional for other servers.
 *
 * <p><b>Threading.</b> Immutable and thread-safe: create once, share. {@link #respond} and
 * {@link #stream} block the calling thread; {@code stream} calls the handler on the calling thread.
 * Failures are {@link io.promethios.governance.core.AgentException}s (see
 * {@link io.promethios.governance.adapters.RetryConfig} for what is retried); {@code stream}
 * reports them to {@link AgentStreamHandler#onError} instead of throwing.
 *
 * @since 0.1
 */
public final class OpenAiAgentAdapter implements AgentAdapter {

    /** Provider name, also the {@link OpenAiAgentAdapterProvider#name()}. */
    public static final String PROVIDER = "openai";
    /** Default base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** Environment variable holding the API key. */
    public static final String API_KEY_ENV = "OPENAI_API_KEY";
    /** Environment variable read first for Azure OpenAI. */
    public static final String AZURE_API_KEY_ENV = "AZURE_OPENAI_API_KEY";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpSettings settings;
    private final HttpExecutor http;
    private final HttpUrl endpoint;
    private final String azureApiVersion;
    private final boolean useMaxCompletionTokens;

    private OpenAiAgentAdapter(HttpSettings settings, String azureApiVersion, boolean useMaxCompletionTokens) {
        this.settings = settings;
        this.http = new HttpExecutor(settings);
        this.azureApiVersion = azureApiVersion;
        this.useMaxCompletionTokens = useMaxCompletionTokens;
        HttpUrl.Builder url = settings.baseUrl().newBuilder().addPathSegments("chat/completions");
        if (azureApiVersion != null) {
            url.addQueryParameter("api-version", azureApiVersion);
        }
        this.endpoint = url.build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return settings.id();
    }

    /** The configured model, or {@code ""} for an Azure deployment without one. */
    public String model() {
        return settings.model();
    }

    @Override
    public AgentReply respond(AgentRequest request) {
        return Calls.respond(settings, request, r -> {
            long start = System.nanoTime();
            return http.execute(httpRequest(r, false), body -> OpenAiWire.toReply(body, settings.model(), start, http.errors()));
        });
    }

    @Override
    public void stream(AgentRequest request, AgentStreamHandler handler) {
        Calls.stream(settings, request, handler, this::streamCall);
    }

    private AgentReply streamCall(AgentRequest request, Consumer<String> tokens) {
        long start = System.nanoTime();
        OpenAiWire.StreamAccumulator acc = new OpenAiWire.StreamAccumulator(http.errors(), settings.model(), start, tokens);
        http.stream(httpRequest(request, true), body -> SseReader.read(body, (event, data) -> acc.onEvent(data)));
        return acc.finish();
    }

    private Request httpRequest(AgentRequest request, boolean stream) {
        String body = OpenAiWire.write(OpenAiWire.toRequest(request, settings.model(), stream, useMaxCompletionTokens, settings.tools()));
        Request.Builder b = new Request.Builder().url(endpoint).post(RequestBody.create(body, JSON))
                .header("Accept", stream ? "text/event-stream" : "application/json");
        settings.apiKey().ifPresent(key -> {
            if (azureApiVersion != null) {
                b.header("api-key", key.reveal());
            } else {
                b.header("Authorization", "Bearer " + key.reveal());
            }
        });
        return b.build();
    }

    @Override
    public String toString() {
        return "OpenAiAgentAdapter[id=" + settings.id() + ", model=" + settings.model() + ", endpoint=" + endpoint + "]";
    }

    /**
     * Builds an {@link OpenAiAgentAdapter}; the common options are documented on
     * {@link HttpAgentAdapterBuilder}. Defaults: base URL {@value #DEFAULT_BASE_URL}, key from
     * {@value #API_KEY_ENV}.
     */
    public static final class Builder extends HttpAgentAdapterBuilder<Builder, OpenAiAgentAdapter> {
        private String azureApiVersion;
        private Boolean useMaxCompletionTokens;

        private Builder() {
        }

        /**
         * Talks to an Azure OpenAI deployment: adds {@code ?api-version=} to every call and sends the
         * key as {@code api-key}. The base URL (required) is the deployment URL,
         * {@code https://{resource}.openai.azure.com/openai/deployments/{deployment}}; the model
         * becomes optional.
         */
        public Builder azureApiVersion(String apiVersion) {
            Objects.requireNonNull(apiVersion, "apiVersion");
            if (apiVersion.isBlank()) {
                throw new IllegalArgumentException("apiVersion must not be blank");
            }
            if (this.azureApiVersion != null) {
                throw new IllegalStateException("azureApiVersion was already set");
            }
            this.azureApiVersion = apiVersion.strip();
            return this;
        }

        /**
         * Sends the length limit as {@code max_completion_tokens} (required by OpenAI's reasoning
         * models) instead of {@code max_tokens} (understood by all compatible servers). Default {@code false}.
         */
        public Builder useMaxCompletionTokens(boolean use) {
            if (this.useMaxCompletionTokens != null) {
                throw new IllegalStateException("useMaxCompletionTokens was already set");
            }
            this.useMaxCompletionTokens = use;
            return this;
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalStateException if no model is set (except for Azure), or Azure is set without a base URL
         */
        @Override
        public OpenAiAgentAdapter build() {
            boolean azure = azureApiVersion != null;
            if (azure && configuredBaseUrl().isEmpty()) {
                throw new IllegalStateException("azureApiVersion needs baseUrl, the deployment URL https://{resource}.openai.azure.com/openai/deployments/{deployment}");
            }
            boolean defaultHost = configuredBaseUrl().map(u -> u.host().equals("api.openai.com")).orElse(true);
            List<String> envVars = azure ? List.of(AZURE_API_KEY_ENV, API_KEY_ENV) : List.of(API_KEY_ENV);
            HttpSettings s = settings(PROVIDER, DEFAULT_BASE_URL, envVars, azure || defaultHost, !azure);
            return new OpenAiAgentAdapter(s, azureApiVersion, Boolean.TRUE.equals(useMaxCompletionTokens));
        }
    }
}
