package io.promethios.governance.core.trust;

import java.util.Objects;

/**
 * The trust a turn was governed under: one score per subject kind.
 *
 * @since 0.1
 */
public record TrustSnapshot(TrustScore user, TrustScore agent, TrustScore conversation, TrustScore system) {

    private static final TrustSnapshot UNKNOWN =
            new TrustSnapshot(TrustScore.unknown(), TrustScore.unknown(), TrustScore.unknown(), TrustScore.unknown());

    public TrustSnapshot {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(system, "system");
    }

    /** Every score unknown. */
    public static TrustSnapshot unknown() {
        return UNKNOWN;
    }

    public TrustScore get(SubjectKind kind) {
        switch (kind) {
            case USER: return user;
            case AGENT: return agent;
            case CONVERSATION: return conversation;
            case SYSTEM: return system;
            default: throw new IllegalArgumentException("unknown subject kind " + kind);
        }
    }
}
