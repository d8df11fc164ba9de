package io.promethios.governance.trust.policy;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.trust.SubjectKind;
import io.promethios.governance.trust.TrustBand;
import io.promethios.governance.trust.TrustBands;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a variant of a policy by trust band: typically a detector with a lower threshold for
 * low-trust users. The band is taken from the turn's trust snapshot ({@code context.trust()})
 * for the configured subject kind (USER by default).
 *
 * <pre>{@code
 * Policy injection = TrustAwarePolicy.builder("injection", TrustBands.ofDefaults())
 *         .defaultPolicy(new InjectionPolicy(0.8))      // MEDIUM and HIGH
 *         .policyForBand("LOW", new InjectionPolicy(0.5)) // stricter when trust is low
 *         .build();
 * }</pre>
 *
 * <p>Decisions are the chosen variant's, re-issued under this policy's id (the engine requires
 * it), with the band in the reason. They are trust evidence like any detector's; holding a
 * low-trust user's turns for approval is {@link TrustGatePolicy}'s job, which is not evidence.
 * A variant is only evaluated at the enforcement points it declares.
 *
 * <p>Thread-safe if the variants are.
 *
 * @since 0.1
 */
public final class TrustAwarePolicy implements Policy {

    private final String id;
    private final TrustBands bands;
    private final SubjectKind subject;
    private final Policy[] byRank;
    private final Set<EnforcementPoint> points;
    private final Optional<Duration> timeout;
    private final boolean mayBlock;

    private TrustAwarePolicy(Builder b) {
        this.id = b.id;
        this.bands = b.bands;
        this.subject = b.subject;
        this.byRank = new Policy[bands.bands().size()];
        EnumSet<EnforcementPoint> pts = EnumSet.noneOf(EnforcementPoint.class);
        Duration max = null;
        boolean blocks = false;
        for (TrustBand band : bands.bands()) {
            Policy p = b.variants.getOrDefault(band.name(), b.defaultPolicy);
            if (p == null) {
                throw new IllegalStateException("no policy for trust band " + band.name() + " and no defaultPolicy");
            }
            byRank[band.rank()] = p;
            pts.addAll(p.enforcementPoints());
            if (p.timeout().isPresent() && (max == null || p.timeout().get().compareTo(max) > 0)) {
                max = p.timeout().get();
            }
            blocks |= p.mayBlock();
        }
        this.points = java.util.Collections.unmodifiableSet(pts);
        this.timeout = Optional.ofNullable(max);
        this.mayBlock = blocks;
    }

    /** A builder for a policy with id {@code id} over {@code bands}. */
    public static Builder builder(String id, TrustBands bands) {
        return new Builder(id, bands);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<EnforcementPoint> enforcementPoints() {
        return points;
    }

    @Override
    public Optional<Duration> timeout() {
        return timeout;
    }

    @Override
    public boolean mayBlock() {
        return mayBlock;
    }

    /** The variant used for {@code band}. */
    public Policy variantFor(TrustBand band) {
        return byRank[Objects.requireNonNull(band, "band").rank()];
    }

    @Override
    public PolicyDecision evaluate(PolicyContext context) {
        TrustBand band = bands.bandOf(context.trust().get(subject));
        Policy variant = byRank[band.rank()];
        if (!variant.enforcementPoints().contains(context.point())) {
            return allow();
        }
        PolicyDecision d = variant.evaluate(context);
        if (d == null) {
            return null; // the engine treats it as a failure of this policy
        }
        String reason = d.reason().isEmpty() ? "" : d.reason() + " (" + subject.name().toLowerCase(java.util.Locale.ROOT)
                + " trust band " + band.name() + ")";
        return new PolicyDecision(d.verdict(), id, "", null, d.findings(), d.replacements(), reason, Duration.ZERO, d.risk());
    }

    @Override
    public String toString() {
        return "TrustAwarePolicy[" + id + ", " + subject + " " + bands + "]";
    }

    /** Builds a {@link TrustAwarePolicy}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final TrustBands bands;
        private final Map<String, Policy> variants = new HashMap<>();
        private SubjectKind subject = SubjectKind.USER;
        private Policy defaultPolicy;

        private Builder(String id, TrustBands bands) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            this.id = id;
            this.bands = Objects.requireNonNull(bands, "bands");
        }

        /** Whose trust selects the band; default USER. */
        public Builder subject(SubjectKind subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /** The variant for bands without their own. */
        public Builder defaultPolicy(Policy policy) {
            Objects.requireNonNull(policy, "policy");
            if (defaultPolicy != null) {
                throw new IllegalStateException("defaultPolicy was already set");
            }
            this.defaultPolicy = policy;
            return this;
        }

        /**
         * The variant for the band called {@code band}.
         *
         * @throws IllegalArgumentException if there is no such band (the message lists them)
         * @throws IllegalStateException    if that band has a variant already
         */
        public Builder policyForBand(String band, Policy policy) {
            Objects.requireNonNull(policy, "policy");
            bands.require(band);
            if (variants.putIfAbsent(band, policy) != null) {
                throw new IllegalStateException("trust band " + band + " already has a policy");
            }
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalStateException if a band has no variant and there is no default
         */
        public TrustAwarePolicy build() {
            return new TrustAwarePolicy(this);
        }
    }
}
