package io.promethios.governance.adapters.internal;

import java.util.Objects;

/**
 * An API key. {@link #toString()} never shows it; {@link #scrub(String)} removes it from text that
 * might echo it (provider error messages).
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException if {@code value} is blank (the message never contains the value)
     */
    public static Secret of(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return new Secret(value.strip());
    }

    /** The key itself, for the one header that carries it. */
    public String reveal() {
        return value;
    }

    /** {@code text} with this key and anything that looks like a provider key masked. */
    public String scrub(String text) {
        return scrubKeys(text.replace(value, "****"));
    }

    /** Masks strings that look like OpenAI or Anthropic keys. */
    public static String scrubKeys(String text) {
        return text.replaceAll("sk-[A-Za-z0-9_\\-*.]{4,}", "sk-****");
    }

    @Override
    public String toString() {
        return "****";
    }
}
