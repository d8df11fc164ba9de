package io.promethios.governance.core.session;

/** Who wrote a message. @since 0.1 */
public enum MessageRole {
    USER, AGENT, SYSTEM
}
