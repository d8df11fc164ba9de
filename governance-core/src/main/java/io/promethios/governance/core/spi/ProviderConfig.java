package io.promethios.governance.core.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * String properties handed to providers found through {@link java.util.ServiceLoader}, set with
 * {@code GovernancePipeline.Builder.providerProperty(key, value)} (or from Spring properties).
 *
 * @since 0.1
 */
public final class ProviderConfig {

    private static final ProviderConfig EMPTY = new ProviderConfig(Map.of());

    private final Map<String, String> properties;

    private ProviderConfig(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    public static ProviderConfig of(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        return properties.isEmpty() ? EMPTY : new ProviderConfig(properties);
    }

    public static ProviderConfig empty() {
        return EMPTY;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    public Map<String, String> asMap() {
        return properties;
    }

    @Override
    public String toString() {
        return "ProviderConfig" + properties.keySet();
    }
}
