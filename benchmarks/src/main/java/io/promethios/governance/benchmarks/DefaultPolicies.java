package io.promethios.governance.benchmarks;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.policies.Action;
import io.promethios.governance.policies.DetectorPolicy;
import io.promethios.governance.policies.Detectors;
import io.promethios.governance.policies.Policies;
import io.promethios.governance.core.spi.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "default policy set" of the default-turn benchmarks: the governance-policies detectors
 * for PII (redaction at INPUT, PROCESSING and OUTPUT) and prompt injection (block at INPUT and
 * PROCESSING), each with its evasion normalization. The peers do the same checks the way their
 * users write them, with the e-mail and card patterns and the injection phrases below (ours
 * check more: phones, IBANs, SSNs and IPs, and far more injection forms).
 */
public final class DefaultPolicies {

    /** E-mail addresses: the same pattern as core's {@code RegexRedactionPolicy.emails()}. */
    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    /** Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes. */
    public static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

    /** Prompt-injection phrases (lower case, matched case-insensitively as whole words). */
    public static final List<String> INJECTION_PHRASES = List.of(
            "ignore previous instructions", "ignore all previous instructions", "disregard the above",
            "disregard previous instructions", "forget your instructions", "you are now", "act as dan",
            "developer mode", "reveal your system prompt", "print your system prompt", "show me your instructions",
            "jailbreak", "do anything now", "bypass your rules", "override your guidelines", "pretend you have no restrictions",
            "without any restrictions", "system prompt:", "new instructions:", "begin admin mode");

    private DefaultPolicies() {
    }

    /** A fresh default set, in evaluation order. */
    public static List<Policy> create() {
        return List.of(Policies.piiRedaction(), Policies.injectionBlock());
    }

    /**
     * {@code n} policies cycling through the default kinds, each with its own id (so the engine
     * evaluates every one): for the number-of-policies benchmark.
     */
    static List<Policy> many(int n) {
        List<Policy> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            switch (i % 2) {
                case 0 -> out.add(DetectorPolicy.builder("pii-" + i, Detectors.pii()).action(Action.REDACT)
                        .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT).build());
                default -> out.add(DetectorPolicy.builder("injection-" + i, Detectors.injection()).action(Action.BLOCK)
                        .enforcementPoints(EnforcementPoint.INPUT).build());
            }
        }
        return out;
    }
}
