package io.promethios.governance.core.session;

import java.util.Map;
import java.util.Objects;

/**
 * Per-session governance settings.
 *
 * @param systemPrompt     system prompt given to agents, or {@code ""}
 * @param observerEnabled  whether the observer reviews this session's turns
 * @param attributes       further settings, visible to policies through the session
 * @since 0.1
 */
public record GovernanceSettings(String systemPrompt, boolean observerEnabled, Map<String, String> attributes) {

    private static final GovernanceSettings DEFAULTS = new GovernanceSettings("", true, Map.of());

    public GovernanceSettings {
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** No system prompt, observer on. */
    public static GovernanceSettings defaults() {
        return DEFAULTS;
    }

    public GovernanceSettings withSystemPrompt(String prompt) {
        return new GovernanceSettings(Objects.requireNonNull(prompt, "prompt"), observerEnabled, attributes);
    }

    public GovernanceSettings withObserverEnabled(boolean enabled) {
        return new GovernanceSettings(systemPrompt, enabled, attributes);
    }
}
