package io.promethios.governance.core;

/**
 * Where a {@link io.promethios.governance.core.spi.Policy} is applied.
 *
 * @since 0.1
 */
public enum EnforcementPoint {
    /** The user's message, before any agent sees it. */
    INPUT,
    /** Each agent call, and each tool call an agent asks for (text = the tool arguments). */
    PROCESSING,
    /** Each agent answer, before the user or a synthesizer sees it. */
    OUTPUT,
    /** Conversation level: agent-to-agent messages, turn patterns, rates. */
    INTERACTION
}
