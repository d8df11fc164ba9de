package io.promethios.governance.trust.policy;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.trust.SubjectKind;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.trust.TrustBand;
import io.promethios.governance.trust.TrustBands;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Gates turns by trust alone: when the subject's trust (USER by default) is in the lowest band,
 * the turn gets {@code verdict} (REQUIRE_APPROVAL by default: a human approves before anything is
 * delivered). Evaluated at INPUT.
 *
 * <pre>{@code
 * Policy gate = TrustGatePolicy.requireApprovalAtLowestBand(TrustBands.ofDefaults());
 * }</pre>
 *
 * <p>Its decisions are <b>not trust evidence</b> ({@link #trustEvidence()} is false): a turn held
 * because trust is low must not lower trust further, or the user could never recover. Clean
 * turns still raise trust, and so does a reviewer clearing a hold
 * ({@link io.promethios.governance.core.trust.EvidenceKind#REVIEW_CLEARED}).
 *
 * @since 0.1
 */
public final class TrustGatePolicy implements Policy {

    /** Default id. */
    public static final String DEFAULT_ID = "trust-gate";

    private final String id;
    private final TrustBands bands;
    private final SubjectKind subject;
    private final Verdict verdict;
    private final double minimumConfidence;

    private TrustGatePolicy(String id, TrustBands bands, SubjectKind subject, Verdict verdict, double minimumConfidence) {
        this.id = id;
        this.bands = bands;
        this.subject = subject;
        this.verdict = verdict;
        this.minimumConfidence = minimumConfidence;
    }

    /** REQUIRE_APPROVAL for users in the lowest band of {@code bands}. */
    public static TrustGatePolicy requireApprovalAtLowestBand(TrustBands bands) {
        return builder(bands).build();
    }

    /** A builder over {@code bands}. */
    public static Builder builder(TrustBands bands) {
        return new Builder(bands);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<EnforcementPoint> enforcementPoints() {
        return EnumSet.of(EnforcementPoint.INPUT);
    }

    @Override
    public boolean trustEvidence() {
        return false;
    }

    @Override
    public PolicyDecision evaluate(PolicyContext context) {
        TrustScore s = context.trust().get(subject);
        TrustBand band = bands.bandOf(s);
        if (!band.isLowest() || s.confidence() < minimumConfidence) {
            return allow();
        }
        String reason = String.format(Locale.ROOT, "%s trust %.2f is in band %s", subject.name().toLowerCase(Locale.ROOT),
                s.score(), band.name());
        return new PolicyDecision(verdict, id, "", null, List.of(), List.of(), reason, Duration.ZERO);
    }

    @Override
    public String toString() {
        return "TrustGatePolicy[" + id + ": " + subject + " in " + bands.lowest().name() + " -> " + verdict + "]";
    }

    /** Builds a {@link TrustGatePolicy}. Not thread-safe. */
    public static final class Builder {
        private final TrustBands bands;
        private String id = DEFAULT_ID;
        private SubjectKind subject = SubjectKind.USER;
        private Verdict verdict = Verdict.REQUIRE_APPROVAL;
        private double minimumConfidence;

        private Builder(TrustBands bands) {
            this.bands = Objects.requireNonNull(bands, "bands");
        }

        /** Policy id; default {@value #DEFAULT_ID}. */
        public Builder id(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            this.id = id;
            return this;
        }

        /** Whose trust is gated; default USER. */
        public Builder subject(SubjectKind subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /**
         * The verdict at the lowest band: WARN, ESCALATE, REQUIRE_APPROVAL (default) or BLOCK.
         *
         * @throws IllegalArgumentException for ALLOW, TRANSFORM or REASK
         */
        public Builder verdict(Verdict verdict) {
            Objects.requireNonNull(verdict, "verdict");
            if (verdict == Verdict.ALLOW || verdict == Verdict.TRANSFORM || verdict == Verdict.REASK) {
                throw new IllegalArgumentException("verdict must be WARN, ESCALATE, REQUIRE_APPROVAL or BLOCK, but was " + verdict);
            }
            this.verdict = verdict;
            return this;
        }

        /** Gate only once trust has at least this confidence, in [0,1]; default 0. */
        public Builder minimumConfidence(double confidence) {
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("minimumConfidence must be in [0,1], but was " + confidence);
            }
            this.minimumConfidence = confidence;
            return this;
        }

        /** The policy. */
        public TrustGatePolicy build() {
            return new TrustGatePolicy(id, bands, subject, verdict, minimumConfidence);
        }
    }
}
