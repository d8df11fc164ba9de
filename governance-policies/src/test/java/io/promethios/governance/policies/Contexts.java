package io.promethios.governance.policies;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.session.ChatSession;

import java.util.Map;

/** Test helper: a policy context for a text. */
public final class Contexts {

    private Contexts() {
    }

    public static PolicyContext of(String text) {
        return of(text, Map.of(), "acme");
    }

    public static PolicyContext of(String text, Map<String, String> attributes, String org) {
        ChatSession session = ChatSession.builder().id("s-1").userId("u-1").organizationId(org)
                .createdAt(java.time.Instant.EPOCH).lastActivity(java.time.Instant.EPOCH).build();
        return new PolicyContext(EnforcementPoint.INPUT, text, session, "agent-1", null, attributes);
    }
}
