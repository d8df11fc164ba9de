package io.promethios.governance.trust;

import io.promethios.governance.core.trust.EvidenceKind;
import io.promethios.governance.core.trust.SubjectKind;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Parameters of {@link EvidenceTrustScorer}, in the style of resilience4j's configs:
 * {@link #ofDefaults()}, {@link #custom()}, {@link #from(TrustConfig)} and
 * {@link #fromProperties(Map)}. Immutable and thread-safe.
 *
 * <p>The model these parameters drive is described in {@link EvidenceTrustScorer}. Defaults:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>parameter</th><th>default</th></tr>
 *   <tr><td>half-life (time decay)</td><td>USER 7 days, AGENT 1 day, CONVERSATION 1 hour</td></tr>
 *   <tr><td>forgetting factor (per piece of evidence)</td><td>USER 0.8, AGENT 0.98, CONVERSATION 0.8</td></tr>
 *   <tr><td>kind weights</td><td>see {@link #DEFAULT_KIND_WEIGHTS}</td></tr>
 *   <tr><td>trend smoothing</td><td>0.3</td></tr>
 *   <tr><td>system window</td><td>last 1,000 outcomes, at most 15 minutes old</td></tr>
 *   <tr><td>system impacts</td><td>violation rate 1.0, agent error rate 2.0</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class TrustConfig {

    /** Default half-life of user evidence: 7 days. */
    public static final Duration DEFAULT_USER_HALF_LIFE = Duration.ofDays(7);
    /** Default half-life of agent evidence: 1 day. */
    public static final Duration DEFAULT_AGENT_HALF_LIFE = Duration.ofDays(1);
    /** Default half-life of conversation evidence: 1 hour. */
    public static final Duration DEFAULT_CONVERSATION_HALF_LIFE = Duration.ofHours(1);
    /** Default forgetting factor for users. */
    public static final double DEFAULT_USER_FORGETTING = 0.8;
    /** Default forgetting factor for agents (they see many turns; remember longer). */
    public static final double DEFAULT_AGENT_FORGETTING = 0.98;
    /** Default forgetting factor for conversations (react fast). */
    public static final double DEFAULT_CONVERSATION_FORGETTING = 0.8;
    /** Default weight of the newest score change in the trend (an EWMA). */
    public static final double DEFAULT_TREND_SMOOTHING = 0.3;
    /** Default number of recent outcomes system trust is computed over. */
    public static final int DEFAULT_SYSTEM_WINDOW_SIZE = 1_000;
    /** Default maximum age of an outcome in the system window. */
    public static final Duration DEFAULT_SYSTEM_WINDOW_DURATION = Duration.ofMinutes(15);
    /** Default impact of the violation rate on system health. */
    public static final double DEFAULT_SYSTEM_VIOLATION_IMPACT = 1.0;
    /** Default impact of the agent error rate on system health. */
    public static final double DEFAULT_SYSTEM_ERROR_IMPACT = 2.0;
    /** Default bound of the default in-memory store. */
    public static final long DEFAULT_MAXIMUM_SUBJECTS = 1_000_000;

    /**
     * Default weight per evidence kind; the mass a piece of evidence adds is
     * {@code kindWeight × evidence.weight()} (the pipeline puts the severity in
     * {@code evidence.weight()}: BLOCK 3, REQUIRE_APPROVAL 2, ESCALATE 1.5, WARN/REASK 1).
     */
    public static final Map<EvidenceKind, Double> DEFAULT_KIND_WEIGHTS = defaultKindWeights();

    private static final TrustConfig DEFAULTS = custom().build();

    private final EnumMap<SubjectKind, Duration> halfLives;
    private final EnumMap<SubjectKind, Double> forgetting;
    private final EnumMap<EvidenceKind, Double> kindWeights;
    private final double trendSmoothing;
    private final int systemWindowSize;
    private final Duration systemWindowDuration;
    private final double systemViolationImpact;
    private final double systemErrorImpact;
    private final long maximumSubjects;

    private TrustConfig(Builder b) {
        this.halfLives = new EnumMap<>(b.halfLives);
        this.forgetting = new EnumMap<>(b.forgetting);
        this.kindWeights = new EnumMap<>(b.kindWeights);
        this.trendSmoothing = b.trendSmoothing;
        this.systemWindowSize = b.systemWindowSize;
        this.systemWindowDuration = b.systemWindowDuration;
        this.systemViolationImpact = b.systemViolationImpact;
        this.systemErrorImpact = b.systemErrorImpact;
        this.maximumSubjects = b.maximumSubjects;
    }

    /** The defaults listed in the class Javadoc. */
    public static TrustConfig ofDefaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from {@code base}. */
    public static Builder from(TrustConfig base) {
        Objects.requireNonNull(base, "base");
        return new Builder(base);
    }

    /**
     * A config from string properties (for {@link EvidenceTrustScorerProvider} and Spring), on top
     * of the defaults. Keys (all optional):
     * <pre>{@code
     * trust.half-life.<user|agent|conversation>   ISO-8601 duration, e.g. PT1H
     * trust.forgetting.<user|agent|conversation>  (0,1]
     * trust.weight.<evidence kind>                >= 0, e.g. trust.weight.policy_violation=1.5
     * trust.trend-smoothing                       (0,1]
     * trust.system.window-size                    > 0
     * trust.system.window-duration                ISO-8601 duration
     * trust.system.violation-impact               >= 0
     * trust.system.error-impact                   >= 0
     * trust.maximum-subjects                      > 0
     * }</pre>
     * Keys not starting with {@code trust.} are ignored.
     *
     * @throws IllegalArgumentException for an unknown {@code trust.*} key, an unknown subject or
     *                                  evidence kind (the message lists the known ones) or a bad value
     */
    public static TrustConfig fromProperties(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        Builder b = custom();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(properties).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("trust.")) {
                continue;
            }
            String v = e.getValue() == null ? "" : e.getValue().trim();
            try {
                if (key.startsWith("trust.half-life.")) {
                    b.halfLife(key.substring("trust.half-life.".length()), Duration.parse(v));
                } else if (key.startsWith("trust.forgetting.")) {
                    b.forgettingFactor(key.substring("trust.forgetting.".length()), Double.parseDouble(v));
                } else if (key.startsWith("trust.weight.")) {
                    b.kindWeight(key.substring("trust.weight.".length()), Double.parseDouble(v));
                } else {
                    switch (key) {
                        case "trust.trend-smoothing": b.trendSmoothing(Double.parseDouble(v)); break;
                        case "trust.system.window-size": b.systemWindowSize(Integer.parseInt(v)); break;
                        case "trust.system.window-duration": b.systemWindowDuration(Duration.parse(v)); break;
                        case "trust.system.violation-impact": b.systemViolationImpact(Double.parseDouble(v)); break;
                        case "trust.system.error-impact": b.systemErrorImpact(Double.parseDouble(v)); break;
                        case "trust.maximum-subjects": b.maximumSubjects(Long.parseLong(v)); break;
                        default:
                            throw new IllegalArgumentException("unknown trust property '" + key + "'; known: trust.half-life.<kind>, "
                                    + "trust.forgetting.<kind>, trust.weight.<evidence kind>, trust.trend-smoothing, "
                                    + "trust.system.window-size, trust.system.window-duration, trust.system.violation-impact, "
                                    + "trust.system.error-impact, trust.maximum-subjects");
                    }
                }
            } catch (NumberFormatException | DateTimeParseException ex) {
                throw new IllegalArgumentException("trust property '" + key + "' has a bad value '" + v + "'", ex);
            }
        }
        return b.build();
    }

    /** Half-life of the time decay for {@code kind} (USER, AGENT or CONVERSATION). */
    public Duration halfLife(SubjectKind kind) {
        return requireDecaying(kind, halfLives);
    }

    /** Per-evidence forgetting factor for {@code kind} (USER, AGENT or CONVERSATION). */
    public double forgettingFactor(SubjectKind kind) {
        return requireDecaying(kind, forgetting);
    }

    /** Weight of {@code kind}; multiplies {@code evidence.weight()}. */
    public double kindWeight(EvidenceKind kind) {
        return kindWeights.get(Objects.requireNonNull(kind, "kind"));
    }

    /** Weight of the newest score change in the trend EWMA. */
    public double trendSmoothing() {
        return trendSmoothing;
    }

    /** Number of recent outcomes system trust is computed over. */
    public int systemWindowSize() {
        return systemWindowSize;
    }

    /** Maximum age of an outcome in the system window. */
    public Duration systemWindowDuration() {
        return systemWindowDuration;
    }

    /** How much the violation rate lowers system health. */
    public double systemViolationImpact() {
        return systemViolationImpact;
    }

    /** How much the agent error (and timeout) rate lowers system health. */
    public double systemErrorImpact() {
        return systemErrorImpact;
    }

    /** Bound of the default in-memory store. */
    public long maximumSubjects() {
        return maximumSubjects;
    }

    private static <V> V requireDecaying(SubjectKind kind, Map<SubjectKind, V> map) {
        Objects.requireNonNull(kind, "kind");
        V v = map.get(kind);
        if (v == null) {
            throw new IllegalArgumentException("subject kind " + kind + " has no evidence decay (system trust uses a sliding window)");
        }
        return v;
    }

    @Override
    public String toString() {
        return "TrustConfig[halfLives=" + halfLives + ", forgetting=" + forgetting + ", kindWeights=" + kindWeights
                + ", trendSmoothing=" + trendSmoothing + ", systemWindow=" + systemWindowSize + "/" + systemWindowDuration
                + ", systemImpacts=" + systemViolationImpact + "/" + systemErrorImpact + "]";
    }

    private static Map<EvidenceKind, Double> defaultKindWeights() {
        EnumMap<EvidenceKind, Double> m = new EnumMap<>(EvidenceKind.class);
        m.put(EvidenceKind.CLEAN_TURN, 1.0);
        m.put(EvidenceKind.POLICY_VIOLATION, 1.0);
        m.put(EvidenceKind.OBSERVER_FINDING, 0.5);
        m.put(EvidenceKind.REVIEW_CLEARED, 1.0);
        m.put(EvidenceKind.REVIEW_CONFIRMED, 2.0);
        m.put(EvidenceKind.FEEDBACK_POSITIVE, 0.5);
        m.put(EvidenceKind.FEEDBACK_NEGATIVE, 1.0);
        m.put(EvidenceKind.AGENT_ERROR, 1.0);
        m.put(EvidenceKind.AGENT_TIMEOUT, 0.5);
        for (EvidenceKind k : EvidenceKind.values()) {
            m.putIfAbsent(k, 1.0); // kinds added to core later count with weight 1
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static SubjectKind subjectKind(String name) {
        Objects.requireNonNull(name, "subject kind");
        for (SubjectKind k : SubjectKind.values()) {
            if (k.name().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown subject kind '" + name + "'; known: " + Arrays.toString(SubjectKind.values()));
    }

    static EvidenceKind evidenceKind(String name) {
        Objects.requireNonNull(name, "evidence kind");
        String n = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (EvidenceKind k : EvidenceKind.values()) {
            if (k.name().equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown evidence kind '" + name + "'; known: " + Arrays.toString(EvidenceKind.values()));
    }

    /** Builds a {@link TrustConfig}; values are checked in the setters. Not thread-safe. */
    public static final class Builder {
        private final EnumMap<SubjectKind, Duration> halfLives = new EnumMap<>(SubjectKind.class);
        private final EnumMap<SubjectKind, Double> forgetting = new EnumMap<>(SubjectKind.class);
        private final EnumMap<EvidenceKind, Double> kindWeights = new EnumMap<>(DEFAULT_KIND_WEIGHTS);
        private double trendSmoothing = DEFAULT_TREND_SMOOTHING;
        private int systemWindowSize = DEFAULT_SYSTEM_WINDOW_SIZE;
        private Duration systemWindowDuration = DEFAULT_SYSTEM_WINDOW_DURATION;
        private double systemViolationImpact = DEFAULT_SYSTEM_VIOLATION_IMPACT;
        private double systemErrorImpact = DEFAULT_SYSTEM_ERROR_IMPACT;
        private long maximumSubjects = DEFAULT_MAXIMUM_SUBJECTS;

        private Builder() {
            halfLives.put(SubjectKind.USER, DEFAULT_USER_HALF_LIFE);
            halfLives.put(SubjectKind.AGENT, DEFAULT_AGENT_HALF_LIFE);
            halfLives.put(SubjectKind.CONVERSATION, DEFAULT_CONVERSATION_HALF_LIFE);
            forgetting.put(SubjectKind.USER, DEFAULT_USER_FORGETTING);
            forgetting.put(SubjectKind.AGENT, DEFAULT_AGENT_FORGETTING);
            forgetting.put(SubjectKind.CONVERSATION, DEFAULT_CONVERSATION_FORGETTING);
        }

        private Builder(TrustConfig base) {
            halfLives.putAll(base.halfLives);
            forgetting.putAll(base.forgetting);
            kindWeights.putAll(base.kindWeights);
            trendSmoothing = base.trendSmoothing;
            systemWindowSize = base.systemWindowSize;
            systemWindowDuration = base.systemWindowDuration;
            systemViolationImpact = base.systemViolationImpact;
            systemErrorImpact = base.systemErrorImpact;
            maximumSubjects = base.maximumSubjects;
        }

        /**
         * Half-life of the time decay of {@code kind}'s evidence: after one half-life, evidence
         * counts half. Defaults: USER 7 days, AGENT 1 day, CONVERSATION 1 hour.
         *
         * @throws IllegalArgumentException if {@code halfLife} is zero or negative, or {@code kind}
         *                                  is SYSTEM (system trust uses a sliding window)
         */
        public Builder halfLife(SubjectKind kind, Duration halfLife) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(halfLife, "halfLife");
            requireNotSystem(kind, "halfLife");
            if (halfLife.isZero() || halfLife.isNegative()) {
                throw new IllegalArgumentException("halfLife of " + kind + " must be > 0, but was " + halfLife);
            }
            halfLives.put(kind, halfLife);
            return this;
        }

        /**
         * Same as {@link #halfLife(SubjectKind, Duration)} with the kind by name (case-insensitive).
         *
         * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
         */
        public Builder halfLife(String kind, Duration halfLife) {
            return halfLife(subjectKind(kind), halfLife);
        }

        /**
         * Forgetting factor {@code λ} of {@code kind}: before each new piece of evidence the masses
         * are multiplied by {@code λ} (Jøsang and Ismail's Beta reputation with forgetting), so
         * at most about {@code 1/(1-λ)} recent observations count and an old mistake fades with
         * every clean turn, whatever the clock says. 1 turns it off. Range (0,1].
         *
         * @throws IllegalArgumentException if {@code factor} is not in (0,1] or {@code kind} is SYSTEM
         */
        public Builder forgettingFactor(SubjectKind kind, double factor) {
            Objects.requireNonNull(kind, "kind");
            requireNotSystem(kind, "forgettingFactor");
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("forgettingFactor of " + kind + " must be in (0,1], but was " + factor);
            }
            forgetting.put(kind, factor);
            return this;
        }

        /** Same as {@link #forgettingFactor(SubjectKind, double)} with the kind by name. */
        public Builder forgettingFactor(String kind, double factor) {
            return forgettingFactor(subjectKind(kind), factor);
        }

        /**
         * Weight of an evidence kind (multiplies {@code evidence.weight()}); 0 ignores the kind.
         * Defaults in {@link #DEFAULT_KIND_WEIGHTS}.
         *
         * @throws IllegalArgumentException if {@code weight} is NaN, infinite or negative
         */
        public Builder kindWeight(EvidenceKind kind, double weight) {
            Objects.requireNonNull(kind, "kind");
            kindWeights.put(kind, requireWeight("weight of " + kind, weight));
            return this;
        }

        /** Same as {@link #kindWeight(EvidenceKind, double)} with the kind by name (case-insensitive, {@code -} or {@code _}). */
        public Builder kindWeight(String kind, double weight) {
            return kindWeight(evidenceKind(kind), weight);
        }

        /**
         * Weight {@code α} of the newest score change in the trend:
         * {@code trend = α·delta + (1-α)·trend}. Range (0,1], default 0.3.
         */
        public Builder trendSmoothing(double alpha) {
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("trendSmoothing must be in (0,1], but was " + alpha);
            }
            this.trendSmoothing = alpha;
            return this;
        }

        /** Number of recent outcomes system trust is computed over; > 0, default 1,000. */
        public Builder systemWindowSize(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("systemWindowSize must be > 0, but was " + size);
            }
            this.systemWindowSize = size;
            return this;
        }

        /** Maximum age of an outcome in the system window; > 0, default 15 minutes. */
        public Builder systemWindowDuration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("systemWindowDuration must be > 0, but was " + duration);
            }
            this.systemWindowDuration = duration;
            return this;
        }

        /** How much the violation rate lowers system health; >= 0, default 1. */
        public Builder systemViolationImpact(double impact) {
            this.systemViolationImpact = requireWeight("systemViolationImpact", impact);
            return this;
        }

        /** How much the agent error rate lowers system health; >= 0, default 2. */
        public Builder systemErrorImpact(double impact) {
            this.systemErrorImpact = requireWeight("systemErrorImpact", impact);
            return this;
        }

        /** Bound of the in-memory store {@link EvidenceTrustScorer#create(TrustConfig)} makes; > 0. */
        public Builder maximumSubjects(long maximumSubjects) {
            if (maximumSubjects <= 0) {
                throw new IllegalArgumentException("maximumSubjects must be > 0, but was " + maximumSubjects);
            }
            this.maximumSubjects = maximumSubjects;
            return this;
        }

        /** An immutable config; the builder can be reused. */
        public TrustConfig build() {
            return new TrustConfig(this);
        }

        private static void requireNotSystem(SubjectKind kind, String what) {
            if (kind == SubjectKind.SYSTEM) {
                throw new IllegalArgumentException(what + " does not apply to SYSTEM: system trust is computed over a sliding window "
                        + "(systemWindowSize, systemWindowDuration); decaying kinds: " + new TreeSet<>(
                        java.util.List.of(SubjectKind.USER.name(), SubjectKind.AGENT.name(), SubjectKind.CONVERSATION.name())));
            }
        }

        private static double requireWeight(String what, double w) {
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException(what + " must be finite and >= 0, but was " + w);
            }
            return w;
        }
    }
}
