package io.promethios.governance.adapters.internal;

import io.promethios.governance.adapters.HttpAgentAdapterBuilder;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.ProviderConfig;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies {@code agent.<provider>.*} keys of a {@link ProviderConfig} to an adapter builder.
 * Every bad value becomes a {@link GovernanceConfigurationException} naming the key.
 */
public final class ProviderConfigs {
    private ProviderConfigs() {
    }

    /**
     * Applies the common keys: {@code model}, {@code base-url}, {@code api-key}, {@code id},
     * {@code timeout}, {@code connect-timeout}, {@code read-timeout}, {@code max-attempts},
     * {@code log-http}.
     */
    public static void applyCommon(HttpAgentAdapterBuilder<?, ?> b, ProviderConfig config, String provider) {
        String p = "agent." + provider + ".";
        apply(p + "model", config.get(p + "model"), b::model);
        apply(p + "base-url", config.get(p + "base-url"), b::baseUrl);
        apply(p + "api-key", config.get(p + "api-key"), b::apiKey);
        apply(p + "id", config.get(p + "id"), b::id);
        apply(p + "timeout", config.get(p + "timeout"), v -> b.timeout(duration(p + "timeout", v)));
        apply(p + "connect-timeout", config.get(p + "connect-timeout"), v -> b.connectTimeout(duration(p + "connect-timeout", v)));
        apply(p + "read-timeout", config.get(p + "read-timeout"), v -> b.readTimeout(duration(p + "read-timeout", v)));
        apply(p + "max-attempts", config.get(p + "max-attempts"), v -> b.maxAttempts(integer(p + "max-attempts", v)));
        apply(p + "log-http", config.get(p + "log-http"), v -> b.logHttp(bool(p + "log-http", v)));
    }

    /** Applies one value, turning a rejected value into a configuration error naming {@code key}. */
    public static void apply(String key, Optional<String> value, Function<String, ?> setter) {
        if (value.isEmpty()) {
            return;
        }
        try {
            setter.apply(value.get().strip());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GovernanceConfigurationException("Invalid " + key + ": " + e.getMessage(), e);
        }
    }

    /** Builds, turning a missing model or key into a configuration error naming the keys. */
    public static <A extends AgentAdapter> A build(String provider, Supplier<A> build) {
        try {
            return build.get();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new GovernanceConfigurationException("Cannot create the " + provider + " agent adapter: " + e.getMessage()
                    + " (configure agent." + provider + ".model and friends)", e);
        }
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, or ISO-8601 ({@code PT30S}). */
    public static Duration duration(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("-pt")) {
                return Duration.parse(value.strip());
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new GovernanceConfigurationException(key + " must be a duration such as 30s, 500ms, 2m or PT30S, but was '" + value + "'", e);
        }
    }

    public static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new GovernanceConfigurationException(key + " must be an integer, but was '" + value + "'", e);
        }
    }

    public static boolean bool(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new GovernanceConfigurationException(key + " must be true or false, but was '" + value + "'");
    }
}
