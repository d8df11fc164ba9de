package io.promethios.governance.policies;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;

import java.time.Duration;
import java.util.List;
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

    /** Stands in for the per-prompt detector in the settings template; never scans anything. */
    private static final Detector NO_PROMPT = new Detector() {
        @Override
        public String name() {
            return "restrictions";
        }

        @Override
        public List<Detection> detect(String text) {
            return List.of();
        }
    };

    private final DetectorPolicy.Builder settings;
    private final DetectorPolicy shape; // the settings, validated and readable
    private final Cache<String, DetectorPolicy> byPrompt = Caffeine.newBuilder().maximumSize(1_024).build();

    private RestrictionsPolicy(Builder b) {
        this.settings = b.template.withDetector(NO_PROMPT);
        this.shape = settings.build();
    }

    /** Starts a builder for a policy with {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public String id() {
        return shape.id();
    }

    @Override
    public String version() {
        return shape.version();
    }

    @Override
    public Set<EnforcementPoint> enforcementPoints() {
        return shape.enforcementPoints();
    }

    @Override
    public Optional<Duration> timeout() {
        return shape.timeout();
    }

    @Override
    public Optional<FailureMode> failureMode() {
        return shape.failureMode();
    }

    /** The action taken on findings. */
    public Action action() {
        return shape.action();
    }

    @Override
    public PolicyDecision evaluate(PolicyContext context) {
        String prompt = context.session().governanceSettings().systemPrompt();
        if (prompt.isBlank() || RestrictionsDetector.forSystemPrompt(prompt).isEmpty()) {
            return allow();
        }
        return byPrompt.get(prompt, p -> settings.withDetector(Detectors.restrictions(p)).build()).evaluate(context);
    }

    @Override
    public String toString() {
        return "RestrictionsPolicy[" + shape.id() + " v" + shape.version() + ", restrictions(session prompt) -> " + shape.action() + ", "
                + shape.enforcementPoints() + "]";
    }

    /**
     * Builds a {@link RestrictionsPolicy}. The settings and their defaults and checks are those of
     * {@link DetectorPolicy.Builder}: version {@code "1"}, action {@link Action#BLOCK}, points
     * INPUT, scope everyone, min severity LOW, min confidence 0, the pipeline's timeout and failure
     * mode.
     */
    public static final class Builder {
        private final DetectorPolicy.Builder template;

        private Builder(String id) {
            this.template = DetectorPolicy.builder(id, NO_PROMPT);
        }

        /** Version recorded in every decision. Default {@code "1"}. */
        public Builder version(String version) {
            template.version(version);
            return this;
        }

        /** What to do on findings. Default {@link Action#BLOCK}. */
        public Builder action(Action action) {
            template.action(action);
            return this;
        }

        /** Where the policy applies. Default INPUT. */
        public Builder enforcementPoints(EnforcementPoint first, EnforcementPoint... more) {
            template.enforcementPoints(first, more);
            return this;
        }

        /** Who the policy applies to. Default everyone. */
        public Builder scope(PolicyScope scope) {
            template.scope(scope);
            return this;
        }

        /** Ignore findings below this severity. Default LOW. */
        public Builder minSeverity(Severity minSeverity) {
            template.minSeverity(minSeverity);
            return this;
        }

        /** Ignore findings below this confidence, in [0,1]. Default 0. */
        public Builder minConfidence(double minConfidence) {
            template.minConfidence(minConfidence);
            return this;
        }

        /** This policy's time budget, in (0, 60 s]. Default: the pipeline's. */
        public Builder timeout(Duration timeout) {
            template.timeout(timeout);
            return this;
        }

        /** What a failure turns into. Default: the pipeline's. */
        public Builder failureMode(FailureMode failureMode) {
            template.failureMode(failureMode);
            return this;
        }

        /** Builds the policy; the builder can be reused. */
        public RestrictionsPolicy build() {
            return new RestrictionsPolicy(this);
        }
    }
}
