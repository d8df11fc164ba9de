package io.promethios.governance.core.spi;

/**
 * Tokens an agent call consumed, as the provider reported them; {@code -1} when unknown.
 *
 * @since 0.1
 */
public record TokenUsage(int inputTokens, int outputTokens) {

    private static final TokenUsage UNKNOWN = new TokenUsage(-1, -1);

    public TokenUsage {
        if (inputTokens < -1 || outputTokens < -1) {
            throw new IllegalArgumentException("token counts must be >= 0 or -1 for unknown, but were " + inputTokens + ", " + outputTokens);
        }
    }

    public static TokenUsage of(int inputTokens, int outputTokens) {
        return new TokenUsage(inputTokens, outputTokens);
    }

    public static TokenUsage unknown() {
        return UNKNOWN;
    }
}
