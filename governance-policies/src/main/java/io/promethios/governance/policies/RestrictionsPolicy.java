package io.promethios.governance.policies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Enforces the agent's own system prompt at INPUT: each turn it reads the session's prompt
 * ({@code context.session().governanceSettings().systemPrompt()}) and runs the
 * {@linkplain Detectors#restrictions(String) restrictions detector} for that prompt on the text, so
 * a question about a topic the prompt forbids, or a request for a secret or personal data it
 * protects, is blocked (or warned about, and so on) before it reaches the agent.
 *
 * <pre>{@code
 * Policy own = RestrictionsPolicy.builder("restrictions").action(Action.BLOCK).build();   // or Policies.restrictionsBlock()
 * }</pre>
 *
 * <p>A session without a system prompt, or with one that states no restriction the detector can
 * check, is allowed. Otherwise the decision is what a {@link DetectorPolicy} with the same settings
 * over {@code Detectors.restrictions(prompt)} decides. Parsed prompts and their policies are cached
 * per prompt string (up to 1,024), so a pipeline does not parse the prompt on every turn.
 *
 * <p>Immutable and thread-safe: create once, share.
 *
 * <p><b>Limitations.</b> The detector is a word test (see the module README): it misses
 * paraphrases and most other languages, cannot check scope-only prompts ("only sort numbers"), and
 * flags a benign text that shares a restricted phrase's words. Not part of {@link Policies#defaults()}.
 *
 * @since 0.1
 */
public final class RestrictionsPolicy implements Policy {

    private final Builder settings;
    private final Cache<String, DetectorPolicy> byPrompt = Caffeine.newBuilder().maximumSize(1_024).build();

    private RestrictionsPolicy(Builder b) {
        this.settings = b.copy();
    }

    /** Starts a builder for a policy with {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public String id() {
        return settings.id;
    }

    @Override
    public String version() {
        return settings.version;
    }

    @Override
    public Set<EnforcementPoint> enforcementPoints() {
        return Set.copyOf(settings.points);
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.ofNullable(settings.timeout);
    }

    @Override
    public Optional<FailureMode> failureMode() {
        return Optional.ofNullable(settings.failureMode);
    }

    /** The action taken on findings. */
    public Action action() {
        return settings.action;
    }

    @Override
    public PolicyDecision evaluate(PolicyContext context) {
        String prompt = context.session().governanceSettings().systemPrompt();
        if (prompt.isBlank() || RestrictionsDetector.forSystemPrompt(prompt).isEmpty()) {
            return allow();
        }
        return byPrompt.get(prompt, this::policyFor).evaluate(context);
    }

    private DetectorPolicy policyFor(String prompt) {
        DetectorPolicy.Builder b = DetectorPolicy.builder(settings.id, Detectors.restrictions(prompt))
                .version(settings.version).action(settings.action).enforcementPoints(settings.points).scope(settings.scope)
                .minSeverity(settings.minSeverity).minConfidence(settings.minConfidence);
        if (settings.timeout != null) {
            b.timeout(settings.timeout);
        }
        if (settings.failureMode != null) {
            b.failureMode(settings.failureMode);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "RestrictionsPolicy[" + settings.id + " v" + settings.version + ", restrictions(session prompt) -> " + settings.action + ", "
                + settings.points + "]";
    }

    /**
     * Builds a {@link RestrictionsPolicy}. Defaults as {@link DetectorPolicy.Builder}: version
     * {@code "1"}, action {@link Action#BLOCK}, points INPUT, scope everyone, min severity LOW, min
     * confidence 0, the pipeline's timeout and failure mode.
     */
    public static final class Builder {
        private final String id;
        private String version = "1";
        private Action action = Action.BLOCK;
        private Set<EnforcementPoint> points = EnumSet.of(EnforcementPoint.INPUT);
        private PolicyScope scope = PolicyScope.everyone();
        private Severity minSeverity = Severity.LOW;
        private double minConfidence = 0.0;
        private Duration timeout;
        private FailureMode failureMode;

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            this.id = id;
        }

        private Builder copy() {
            Builder c = new Builder(id);
            c.version = version;
            c.action = action;
            c.points = EnumSet.copyOf(points);
            c.scope = scope;
            c.minSeverity = minSeverity;
            c.minConfidence = minConfidence;
            c.timeout = timeout;
            c.failureMode = failureMode;
            return c;
        }

        /** Version recorded in every decision. Default {@code "1"}. */
        public Builder version(String version) {
            Objects.requireNonNull(version, "version");
            if (version.isBlank()) {
                throw new IllegalArgumentException("version must not be blank");
            }
            this.version = version;
            return this;
        }

        /** What to do on findings. Default {@link Action#BLOCK}. */
        public Builder action(Action action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /** Where the policy applies. Default INPUT. */
        public Builder enforcementPoints(EnforcementPoint first, EnforcementPoint... more) {
            this.points = EnumSet.of(Objects.requireNonNull(first, "first"), more);
            return this;
        }

        /** Who the policy applies to. Default everyone. */
        public Builder scope(PolicyScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** Ignore findings below this severity. Default LOW. */
        public Builder minSeverity(Severity minSeverity) {
            this.minSeverity = Objects.requireNonNull(minSeverity, "minSeverity");
            return this;
        }

        /** Ignore findings below this confidence, in [0,1]. Default 0. */
        public Builder minConfidence(double minConfidence) {
            if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
                throw new IllegalArgumentException("minConfidence must be in [0,1], but was " + minConfidence);
            }
            this.minConfidence = minConfidence;
            return this;
        }

        /** This policy's time budget, in (0, 60 s]. Default: the pipeline's. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("timeout must be in (0, 60s], but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** What a failure turns into. Default: the pipeline's. */
        public Builder failureMode(FailureMode failureMode) {
            this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
            return this;
        }

        /** Builds the policy; the builder can be reused. */
        public RestrictionsPolicy build() {
            if (action == Action.REASK && !points.equals(EnumSet.of(EnforcementPoint.OUTPUT))) {
                throw new IllegalStateException("policy '" + id + "': action REASK is only valid at OUTPUT, but points are " + points);
            }
            return new RestrictionsPolicy(this);
        }
    }
}
