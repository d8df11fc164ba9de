package io.promethios.governance.core.trust;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustSubjectTest {

    @Test
    void subjectsAreEqualByKindAndId() {
        TrustSubject alice = TrustSubject.user("alice");
        assertThat(alice).isEqualTo(TrustSubject.user(new String("alice"))).hasSameHashCodeAs(TrustSubject.user("alice"));
        assertThat(alice).isEqualTo(alice);
        assertThat(alice).isNotEqualTo(TrustSubject.agent("alice"));
        assertThat(alice).isNotEqualTo(TrustSubject.conversation("alice"));
        assertThat(alice).isNotEqualTo(TrustSubject.user("bob"));
        assertThat(alice).isNotEqualTo(null);
        assertThat(alice).isNotEqualTo("user:alice");
        assertThat(TrustSubject.system()).isEqualTo(new TrustSubject(SubjectKind.SYSTEM, "system"));
    }

    @Test
    void hashCodeDoesNotDependOnTheRun() {
        // the kind's ordinal, not its identity hash: the same in every JVM
        assertThat(TrustSubject.user("alice").hashCode()).isEqualTo(31 * 0 + "alice".hashCode());
        assertThat(TrustSubject.conversation("s1").hashCode()).isEqualTo(31 * 2 + "s1".hashCode());
    }
}
