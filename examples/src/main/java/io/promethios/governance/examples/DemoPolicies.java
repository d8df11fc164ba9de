package io.promethios.governance.examples;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.policy.KeywordPolicy;
import io.promethios.governance.core.policy.MaxLengthPolicy;
import io.promethios.governance.core.policy.RegexRedactionPolicy;
import io.promethios.governance.core.spi.Policy;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/** The policy set the demo runs with. */
public final class DemoPolicies {
    private DemoPolicies() {
    }

    public static List<Policy> create() {
        return List.of(
                RegexRedactionPolicy.emails(),
                new RegexRedactionPolicy("card-redaction", "CARD", Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b")),
                new KeywordPolicy("blocklist", List.of("ignore previous instructions", "reveal your system prompt")),
                new MaxLengthPolicy("answer-length", 2_000, EnumSet.of(EnforcementPoint.OUTPUT)));
    }
}
