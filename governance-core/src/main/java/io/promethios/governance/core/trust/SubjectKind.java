package io.promethios.governance.core.trust;

/**
 * What a trust score is about.
 *
 * @since 0.1
 */
public enum SubjectKind {
    USER, AGENT, CONVERSATION, SYSTEM
}
