package io.promethios.governance.adapters.internal;

import io.promethios.governance.adapters.RetryConfig;
import io.promethios.governance.adapters.ToolDefinition;
import io.promethios.governance.core.spi.AgentAdapter;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.util.List;
import java.util.Optional;

/**
 * What every HTTP adapter is built from, after the builder validated it.
 *
 * @param provider provider name ({@code "openai"})
 * @param id       the adapter id
 * @param model    the model, or {@code ""} when the endpoint decides (Azure deployments)
 * @param baseUrl  the API base URL
 * @param apiKey   the key, when the provider needs one
 * @param client   the configured client (timeouts set, OkHttp's own retries off)
 * @param retry    the retry policy
 * @param fallback adapter used when this one fails, or {@code null}
 * @param tools    tool definitions sent with every request
 */
public record HttpSettings(String provider, String id, String model, HttpUrl baseUrl, Optional<Secret> apiKey,
                           OkHttpClient client, RetryConfig retry, AgentAdapter fallback, List<ToolDefinition> tools) {

    public HttpSettings {
        tools = List.copyOf(tools);
    }

    public AgentErrors errors() {
        return new AgentErrors(id, apiKey);
    }

    @Override
    public String toString() {
        return "HttpSettings[provider=" + provider + ", id=" + id + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey.isPresent() ? "****" : "none") + ", retry=" + retry
                + ", fallback=" + (fallback == null ? "none" : fallback.id()) + ", tools=" + tools.size() + "]";
    }
}
