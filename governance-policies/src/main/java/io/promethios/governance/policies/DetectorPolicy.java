package io.promethios.governance.policies;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.Finding;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Replacement;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Policy} that runs one {@link Detector} and acts on what it finds: warn, redact (a
 * TRANSFORM with one {@link Replacement} per finding), block, escalate and so on.
 *
 * <pre>{@code
 * Policy pii = DetectorPolicy.builder("pii-redaction", Detectors.pii())
 *     .action(Action.REDACT)
 *     .redaction(RedactionOperator.keepLast(4))
 *     .enforcementPoints(EnforcementPoint.INPUT, EnforcementPoint.OUTPUT)
 *     .scope(new PolicyScope(Set.of(), Set.of(), Set.of(), Set.of("compliance-officer")))
 *     .build();
 * }</pre>
 *
 * <p>Findings below {@code minSeverity} or {@code minConfidence} are ignored. When nothing is
 * left, the decision is ALLOW with the detector's {@linkplain Detector#assess risk estimate}
 * (except under {@link Action#REDACT}), which discounts the trust a clean turn earns. Under
 * {@link Action#REDACT}, findings without a span (a whole-text judgement) cannot be rewritten and
 * turn the decision into a WARN. The decision reason names the detector and the finding types,
 * never the matched text.
 *
 * <p>Immutable and thread-safe: create once, share.
 *
 * <p><b>Limitations.</b> The policy is only as good as its detector; see each detector's
 * limitations in the module README.
 *
 * @since 0.1
 */
public final class DetectorPolicy implements Policy {

    private static final Logger log = LoggerFactory.getLogger(DetectorPolicy.class);

    private final String id;
    private final String version;
    private final Detector detector;
    private final Action action;
    private final RedactionOperator redaction;
    private final Set<EnforcementPoint> points;
    private final PolicyScope scope;
    private final Severity minSeverity;
    private final double minConfidence;
    private final Duration timeout;
    private final FailureMode failureMode;

    private DetectorPolicy(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.detector = b.detector;
        this.action = b.action;
        this.redaction = b.redaction;
        this.points = Set.copyOf(b.points);
        this.scope = b.scope;
        this.minSeverity = b.minSeverity;
        this.minConfidence = b.minConfidence;
        this.timeout = b.timeout;
        this.failureMode = b.failureMode;
    }

    /** Starts a builder for a policy with {@code id} running {@code detector}. */
    public static Builder builder(String id, Detector detector) {
        return new Builder(id, detector);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<EnforcementPoint> enforcementPoints() {
        return points;
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public Optional<FailureMode> failureMode() {
        return Optional.ofNullable(failureMode);
    }

    /** The detector this policy runs. */
    public Detector detector() {
        return detector;
    }

    /** The action taken on findings. */
    public Action action() {
        return action;
    }

    /** Who this policy applies to. */
    public PolicyScope scope() {
        return scope;
    }

    @Override
    public PolicyDecision evaluate(PolicyContext context) {
        if (!scope.appliesTo(context)) {
            return allow();
        }
        String text = context.text();
        Detector.Assessment assessment = assess(text);
        List<Detection> hits = new ArrayList<>();
        for (Detection d : assessment.detections()) {
            if (d.severity().atLeast(minSeverity) && d.confidence() >= minConfidence) {
                hits.add(d);
            }
        }
        if (hits.isEmpty()) {
            // a redaction protects data and says nothing about the sender: no risk estimate
            return action == Action.REDACT || assessment.risk() == 0.0 ? allow() : PolicyDecision.allow(id, assessment.risk());
        }
        List<Finding> findings = hits.stream().map(Detection::toFinding).toList();
        Set<String> types = new LinkedHashSet<>();
        hits.forEach(h -> types.add(h.type()));
        String reason = detector.name() + ": " + hits.size() + " finding(s) " + types;
        if (log.isDebugEnabled()) {
            log.debug("Policy '{}' v{} found {} in session {}", id, version, types, context.session().id());
        }
        if (action == Action.REDACT) {
            List<Replacement> reps = new ArrayList<>();
            int lastEnd = -1;
            for (Detection d : hits) {
                if (!d.hasSpan() || d.start() < lastEnd || d.end() > text.length()) {
                    continue;
                }
                String original = text.substring(d.start(), d.end());
                reps.add(Replacement.of(d.start(), d.end(), redaction.replace(d.type(), original, context.session().id())));
                lastEnd = d.end();
            }
            if (reps.isEmpty()) {
                return warn(reason, findings);
            }
            return PolicyDecision.transform(id, reason, findings, reps);
        }
        return PolicyDecision.of(action.verdict(), id, reason, findings);
    }

    /**
     * {@code detector.assess(text)}, or the assessment this thread just made for the same detector
     * and the very same text object: the default policies run the {@code harmful} detector twice
     * (block at HIGH, warn at MEDIUM) on the text the engine hands both, and detectors are pure.
     */
    private Detector.Assessment assess(String text) {
        LastScan last = LAST_SCAN.get();
        if (last.detector == detector && last.text.get() == text) {
            return last.assessment;
        }
        Detector.Assessment a = detector.assess(text);
        last.detector = detector;
        last.text = new WeakReference<>(text); // never keeps a user's text alive after its turn
        last.assessment = a;
        return a;
    }

    /** The last scan made on a thread (findings carry no text). */
    private static final class LastScan {
        Detector detector;
        WeakReference<String> text = new WeakReference<>(null);
        Detector.Assessment assessment;
    }

    private static final ThreadLocal<LastScan> LAST_SCAN = ThreadLocal.withInitial(LastScan::new);

    @Override
    public String toString() {
        return "DetectorPolicy[" + id + " v" + version + ", " + detector.name() + " -> " + action + ", " + points + "]";
    }

    /**
     * Builds a {@link DetectorPolicy}. Defaults: version {@code "1"}, action {@link Action#BLOCK},
     * redaction {@link RedactionOperator#typeTag()}, points INPUT, scope everyone, min severity LOW,
     * min confidence 0, the pipeline's timeout and failure mode.
     */
    public static final class Builder {
        private final String id;
        private final Detector detector;
        private String version = "1";
        private Action action = Action.BLOCK;
        private RedactionOperator redaction = RedactionOperator.typeTag();
        private Set<EnforcementPoint> points = EnumSet.of(EnforcementPoint.INPUT);
        private PolicyScope scope = PolicyScope.everyone();
        private Severity minSeverity = Severity.LOW;
        private double minConfidence = 0.0;
        private Duration timeout;
        private FailureMode failureMode;

        private Builder(String id, Detector detector) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            this.id = id;
            this.detector = Objects.requireNonNull(detector, "detector");
        }

        /** A copy of these settings for {@code other} (RestrictionsPolicy builds one per system prompt). */
        Builder withDetector(Detector other) {
            Builder c = new Builder(id, other);
            c.version = version;
            c.action = action;
            c.redaction = redaction;
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

        /** How to rewrite findings under {@link Action#REDACT}. Default {@link RedactionOperator#typeTag()}. */
        public Builder redaction(RedactionOperator redaction) {
            this.redaction = Objects.requireNonNull(redaction, "redaction");
            return this;
        }

        /** Where the policy applies. Default INPUT. */
        public Builder enforcementPoints(EnforcementPoint first, EnforcementPoint... more) {
            this.points = EnumSet.of(Objects.requireNonNull(first, "first"), more);
            return this;
        }

        /** Where the policy applies; must not be empty. */
        public Builder enforcementPoints(Set<EnforcementPoint> points) {
            if (points.isEmpty()) {
                throw new IllegalArgumentException("enforcementPoints must not be empty");
            }
            this.points = EnumSet.copyOf(points);
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
        public DetectorPolicy build() {
            if (action == Action.REASK && !points.equals(EnumSet.of(EnforcementPoint.OUTPUT))) {
                throw new IllegalStateException("policy '" + id + "': action REASK is only valid at OUTPUT, but points are " + points);
            }
            return new DetectorPolicy(this);
        }
    }
}
