package io.promethios.governance.adapters;

import io.promethios.governance.adapters.internal.HttpSettings;
import io.promethios.governance.adapters.internal.HttpTraceLogger;
import io.promethios.governance.adapters.internal.Secret;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.spi.AgentAdapter;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Options shared by the HTTP adapters' builders ({@code OpenAiAgentAdapter.builder()},
 * {@code AnthropicAgentAdapter.builder()}, {@code OllamaAgentAdapter.builder()}).
 *
 * <p>Setters check their value at once and name it in the exception
 * ({@link IllegalArgumentException}); setting an option twice is an
 * {@link IllegalStateException}. {@link #build()} checks the rest (model, API key) and fails
 * with a {@link GovernanceConfigurationException} naming the missing environment variable, so a
 * misconfigured adapter fails when it is built, never at its first call. {@code build()} does not
 * change the builder. Builders are not thread-safe; the adapters they build are.
 *
 * @param <B> the concrete builder
 * @param <A> the adapter it builds
 * @since 0.1
 */
public abstract class HttpAgentAdapterBuilder<B extends HttpAgentAdapterBuilder<B, A>, A extends AgentAdapter> {

    /** Default connect timeout: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read timeout (longest silence between bytes, also between streamed chunks): 60 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Default call timeout (one whole attempt, including reading the answer or the stream): 120 s. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);

    private static final Logger log = LoggerFactory.getLogger(HttpAgentAdapterBuilder.class);

    /** One client for all adapters; each adapter derives its own with {@code newBuilder()}, sharing pool and threads. */
    private static final class SharedClient {
        static final OkHttpClient INSTANCE = new OkHttpClient();
    }

    private String id;
    private Secret apiKey;
    private String model;
    private HttpUrl baseUrl;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private Integer maxAttempts;
    private RetryConfig retryConfig;
    private OkHttpClient httpClient;
    private AgentAdapter fallback;
    private final List<ToolDefinition> tools = new ArrayList<>();
    private Boolean logHttp;
    private Function<String, String> environment;

    protected HttpAgentAdapterBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    private static void requireUnset(Object current, String name) {
        if (current != null) {
            throw new IllegalStateException(name + " was already set");
        }
    }

    /** Adapter id for routing, trust and audit. Default {@code provider:model}, e.g. {@code openai:gpt-4o-mini}. */
    public B id(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        requireUnset(this.id, "id");
        this.id = id;
        return self();
    }

    /**
     * The API key. Default: read from the provider's environment variable at {@link #build()}.
     * The key is never logged, printed by {@code toString()} or put in exception messages.
     */
    public B apiKey(String apiKey) {
        Secret key = Secret.of(apiKey, "apiKey");
        requireUnset(this.apiKey, "apiKey");
        this.apiKey = key;
        return self();
    }

    /** The model id, e.g. {@code gpt-4o-mini}. Required unless the adapter says otherwise. */
    public B model(String model) {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        requireUnset(this.model, "model");
        this.model = model.strip();
        return self();
    }

    /**
     * The API base URL, to reach a compatible server or a proxy. Default: the provider's public API.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL
     */
    public B baseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        HttpUrl url = HttpUrl.parse(baseUrl.strip());
        if (url == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, but was '" + baseUrl + "'");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or fragment, but was '" + url.newBuilder().query(null).fragment(null).build() + "?...'");
        }
        requireUnset(this.baseUrl, "baseUrl");
        this.baseUrl = url;
        return self();
    }

    /** Connect timeout, &gt; 0. Default 10 s. */
    public B connectTimeout(Duration connectTimeout) {
        requireUnset(this.connectTimeout, "connectTimeout");
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return self();
    }

    /** Read timeout: longest silence between bytes (and between streamed chunks), &gt; 0. Default 60 s. */
    public B readTimeout(Duration readTimeout) {
        requireUnset(this.readTimeout, "readTimeout");
        this.readTimeout = positive(readTimeout, "readTimeout");
        return self();
    }

    /**
     * Call timeout: the limit for one whole attempt, from connecting to the last byte of the
     * answer or stream, &gt; 0. Retries get a fresh timeout each. Default 120 s.
     */
    public B timeout(Duration timeout) {
        requireUnset(this.callTimeout, "timeout");
        this.callTimeout = positive(timeout, "timeout");
        return self();
    }

    /**
     * Attempts including the first call, &gt;= 1 (1 disables retries). Default
     * {@value RetryConfig#DEFAULT_MAX_ATTEMPTS}. A shortcut for {@link #retryConfig} with the
     * other defaults; the two can't be combined.
     */
    public B maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, but was " + maxAttempts);
        }
        requireUnset(this.maxAttempts, "maxAttempts");
        if (retryConfig != null) {
            throw new IllegalStateException("maxAttempts can't be combined with retryConfig; use RetryConfig.maxAttempts");
        }
        this.maxAttempts = maxAttempts;
        return self();
    }

    /** The retry policy. Default {@link RetryConfig#ofDefaults()}. */
    public B retryConfig(RetryConfig retryConfig) {
        Objects.requireNonNull(retryConfig, "retryConfig");
        requireUnset(this.retryConfig, "retryConfig");
        if (maxAttempts != null) {
            throw new IllegalStateException("retryConfig can't be combined with maxAttempts; use RetryConfig.maxAttempts");
        }
        this.retryConfig = retryConfig;
        return self();
    }

    /**
     * The OkHttp client to derive this adapter's client from (its connection pool, dispatcher,
     * proxy and interceptors are kept; timeouts are set from this builder and OkHttp's own silent
     * retries are turned off so that the retry policy counts every attempt). Default: a client
     * shared by all adapters.
     */
    public B httpClient(OkHttpClient httpClient) {
        Objects.requireNonNull(httpClient, "httpClient");
        requireUnset(this.httpClient, "httpClient");
        this.httpClient = httpClient;
        return self();
    }

    /**
     * An adapter to ask when this one fails with an {@code AgentException} after its retries (for a
     * stream: only if nothing was streamed yet). Default none.
     */
    public B fallback(AgentAdapter fallback) {
        Objects.requireNonNull(fallback, "fallback");
        requireUnset(this.fallback, "fallback");
        this.fallback = fallback;
        return self();
    }

    /** Adds a tool the model may ask to call; sent with every request. */
    public B addTool(ToolDefinition tool) {
        Objects.requireNonNull(tool, "tool");
        if (tools.stream().anyMatch(t -> t.name().equals(tool.name()))) {
            throw new IllegalStateException("tool '" + tool.name() + "' was already added");
        }
        tools.add(tool);
        return self();
    }

    /**
     * Whether to log HTTP requests and responses, bodies included, at TRACE on logger
     * {@code io.promethios.governance.adapters.http} (credential headers redacted). Default
     * {@code false}. <b>Bodies contain prompts and answers</b>; enable only where that is allowed.
     */
    public B logHttp(boolean logHttp) {
        requireUnset(this.logHttp, "logHttp");
        this.logHttp = logHttp;
        return self();
    }

    /**
     * Where environment variables are read from (API keys). Default {@link System#getenv(String)};
     * useful for tests, or to read keys from a secrets manager.
     */
    public B environment(Function<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        requireUnset(this.environment, "environment");
        this.environment = environment;
        return self();
    }

    /**
     * Builds the adapter.
     *
     * @throws IllegalStateException            if a required option (model) is missing
     * @throws GovernanceConfigurationException if the API key is required but neither set nor in the environment
     */
    public abstract A build();

    /** Whether a model was set. */
    protected final boolean hasModel() {
        return model != null;
    }

    /** The base URL that was set, if any. */
    protected final Optional<HttpUrl> configuredBaseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /**
     * Validates and resolves the common options. For subclasses.
     *
     * @param provider       provider name, used in the default id and in messages
     * @param defaultBaseUrl base URL when none was set
     * @param keyEnvVars     environment variables to read the key from, in order
     * @param keyRequired    whether a missing key fails the build
     * @param modelRequired  whether a missing model fails the build
     */
    protected final HttpSettings settings(String provider, String defaultBaseUrl, List<String> keyEnvVars, boolean keyRequired, boolean modelRequired) {
        if (modelRequired && model == null) {
            throw new IllegalStateException("model must be set for the " + provider + " adapter");
        }
        HttpUrl url = baseUrl != null ? baseUrl : HttpUrl.get(defaultBaseUrl);
        Optional<Secret> key = Optional.ofNullable(apiKey);
        Function<String, String> env = environment != null ? environment : System::getenv;
        for (String var : keyEnvVars) {
            if (key.isPresent()) {
                break;
            }
            String value = env.apply(var);
            if (value != null && !value.isBlank()) {
                key = Optional.of(Secret.of(value, var));
            }
        }
        if (keyRequired && key.isEmpty()) {
            throw new GovernanceConfigurationException("No API key for the " + provider + " adapter: set the environment variable "
                    + String.join(" or ", keyEnvVars) + ", or call apiKey(...) on the builder");
        }
        if (key.isPresent() && !url.isHttps() && !isLoopback(url.host())) {
            log.warn("Agent adapter {} sends its API key over plain HTTP to {}", provider, url.host());
        }
        String m = model == null ? "" : model;
        String adapterId = id != null ? id : (m.isEmpty() ? provider : provider + ":" + m);
        RetryConfig retry = retryConfig != null ? retryConfig
                : maxAttempts != null ? RetryConfig.custom().maxAttempts(maxAttempts).build() : RetryConfig.ofDefaults();
        OkHttpClient.Builder cb = (httpClient != null ? httpClient : SharedClient.INSTANCE).newBuilder()
                .connectTimeout(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT)
                .readTimeout(readTimeout != null ? readTimeout : DEFAULT_READ_TIMEOUT)
                .callTimeout(callTimeout != null ? callTimeout : DEFAULT_CALL_TIMEOUT)
                .retryOnConnectionFailure(false);
        if (Boolean.TRUE.equals(logHttp)) {
            cb.addInterceptor(new HttpTraceLogger());
        }
        return new HttpSettings(provider, adapterId, m, url, key, cb.build(), retry, fallback, tools);
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // Only literal addresses are checked; no DNS lookups at build time.
            return (Character.isDigit(host.charAt(0)) || host.contains(":")) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, but was " + d);
        }
        return d;
    }

    /** Prints only the options that were set; never the API key. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('{');
        append(sb, "id", id);
        append(sb, "apiKey", apiKey == null ? null : "****");
        append(sb, "model", model);
        append(sb, "baseUrl", baseUrl);
        append(sb, "connectTimeout", connectTimeout);
        append(sb, "readTimeout", readTimeout);
        append(sb, "timeout", callTimeout);
        append(sb, "maxAttempts", maxAttempts);
        append(sb, "retryConfig", retryConfig);
        append(sb, "fallback", fallback == null ? null : fallback.id());
        append(sb, "tools", tools.isEmpty() ? null : tools.size());
        append(sb, "logHttp", logHttp);
        if (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 2);
        }
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(name).append('=').append(value).append(", ");
        }
    }
}
