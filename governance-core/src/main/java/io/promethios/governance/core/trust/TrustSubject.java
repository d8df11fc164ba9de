package io.promethios.governance.core.trust;

import java.util.Objects;

/**
 * A subject of trust: a user, an agent, a conversation (session) or the system as a whole.
 *
 * @since 0.1
 */
public record TrustSubject(SubjectKind kind, String id) {

    private static final TrustSubject SYSTEM = new TrustSubject(SubjectKind.SYSTEM, "system");

    public TrustSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("trust subject id must not be blank");
        }
    }

    public static TrustSubject user(String id) {
        return new TrustSubject(SubjectKind.USER, id);
    }

    public static TrustSubject agent(String id) {
        return new TrustSubject(SubjectKind.AGENT, id);
    }

    public static TrustSubject conversation(String sessionId) {
        return new TrustSubject(SubjectKind.CONVERSATION, sessionId);
    }

    public static TrustSubject system() {
        return SYSTEM;
    }

    // Written out rather than generated: a trust store hashes and compares the subject on every
    // read and update (several per turn). The generated methods hash the kind by identity and go
    // through Objects.equals; these use the kind's ordinal and compare the kind by reference.
    @Override
    public int hashCode() {
        return 31 * kind.ordinal() + id.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TrustSubject other && kind == other.kind && id.equals(other.id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
