package io.promethios.governance.trust.policy;

import io.promethios.governance.core.EnforcementPoint;
import io.promethios.governance.core.PolicyDecision;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustSubject;
import io.promethios.governance.trust.EvidenceTrustScorer;
import io.promethios.governance.trust.TrustBands;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Escalates conversations by trust, and flags those whose trust is <i>falling fast</i> before
 * they cross the threshold (predictive assessment). Evaluated at INPUT with the conversation
 * trust of the turn's snapshot:
 * <ul>
 *   <li>score below {@code escalateBelow} (default 0.4, the top of the default LOW band):
 *       ESCALATE ("conversation trust 0.31 is below 0.40");</li>
 *   <li>otherwise, when the conversation's trend ({@link EvidenceTrustScorer#trend}) is at or
 *       below {@code -fallingFastPerTurn} (default 0.05 per turn) and the projection
 *       {@code score + trend × horizonTurns} (default 3 turns) is below {@code escalateBelow}:
 *       {@code fallingVerdict} (WARN by default, or ESCALATE) "trust falling fast".</li>
 * </ul>
 * Its decisions are not trust evidence (see {@link Policy#trustEvidence()}).
 *
 * @since 0.1
 */
public final class ConversationTrustPolicy implements Policy {

    /** Default id. */
    public static final String DEFAULT_ID = "conversation-trust";
    /** Default escalation threshold: the top of the default LOW band. */
    public static final double DEFAULT_ESCALATE_BELOW = TrustBands.DEFAULT_LOW_BELOW;
    /** Default fall per turn that counts as fast. */
    public static final double DEFAULT_FALLING_FAST_PER_TURN = 0.05;
    /** Default projection horizon in turns. */
    public static final int DEFAULT_HORIZON_TURNS = 3;

    private final String id;
    private final EvidenceTrustScorer scorer;
    private final double escalateBelow;
    private final double fallingFastPerTurn;
    private final int horizonTurns;
    private final Verdict fallingVerdict;

    private ConversationTrustPolicy(Builder b) {
        this.id = b.id;
        this.scorer = b.scorer;
        this.escalateBelow = b.escalateBelow;
        this.fallingFastPerTurn = b.fallingFastPerTurn;
        this.horizonTurns = b.horizonTurns;
        this.fallingVerdict = b.fallingVerdict;
    }

    /** The defaults, reading trends from {@code scorer} (which must be the pipeline's scorer). */
    public static ConversationTrustPolicy create(EvidenceTrustScorer scorer) {
        return builder(scorer).build();
    }

    /** A builder reading trends from {@code scorer} (which must be the pipeline's scorer). */
    public static Builder builder(EvidenceTrustScorer scorer) {
        return new Builder(scorer);
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
        TrustScore conv = context.trust().conversation();
        if (conv.score() < escalateBelow) {
            return decision(Verdict.ESCALATE, String.format(Locale.ROOT, "conversation trust %.2f is below %.2f", conv.score(),
                    escalateBelow));
        }
        double trend = scorer.trend(TrustSubject.conversation(context.session().id()));
        if (trend <= -fallingFastPerTurn) {
            double projected = conv.score() + trend * horizonTurns;
            if (projected < escalateBelow) {
                return decision(fallingVerdict, String.format(Locale.ROOT,
                        "conversation trust falling fast: %.2f, trend %.3f per turn, projected %.2f in %d turns (threshold %.2f)",
                        conv.score(), trend, Math.max(0, projected), horizonTurns, escalateBelow));
            }
        }
        return allow();
    }

    private PolicyDecision decision(Verdict v, String reason) {
        return new PolicyDecision(v, id, "", null, List.of(), List.of(), reason, Duration.ZERO);
    }

    @Override
    public String toString() {
        return "ConversationTrustPolicy[escalateBelow=" + escalateBelow + ", fallingFastPerTurn=" + fallingFastPerTurn
                + ", horizonTurns=" + horizonTurns + ", fallingVerdict=" + fallingVerdict + "]";
    }

    /** Builds a {@link ConversationTrustPolicy}. Not thread-safe. */
    public static final class Builder {
        private final EvidenceTrustScorer scorer;
        private String id = DEFAULT_ID;
        private double escalateBelow = DEFAULT_ESCALATE_BELOW;
        private double fallingFastPerTurn = DEFAULT_FALLING_FAST_PER_TURN;
        private int horizonTurns = DEFAULT_HORIZON_TURNS;
        private Verdict fallingVerdict = Verdict.WARN;

        private Builder(EvidenceTrustScorer scorer) {
            this.scorer = Objects.requireNonNull(scorer, "scorer");
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

        /** Escalate below this conversation trust, in (0,1]; default 0.4. */
        public Builder escalateBelow(double threshold) {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("escalateBelow must be in (0,1], but was " + threshold);
            }
            this.escalateBelow = threshold;
            return this;
        }

        /** A trend at or below minus this counts as falling fast; in (0,1], default 0.05. */
        public Builder fallingFastPerTurn(double perTurn) {
            if (!(perTurn > 0 && perTurn <= 1)) {
                throw new IllegalArgumentException("fallingFastPerTurn must be in (0,1], but was " + perTurn);
            }
            this.fallingFastPerTurn = perTurn;
            return this;
        }

        /** How many turns ahead the trend is projected; >= 1, default 3. */
        public Builder horizonTurns(int turns) {
            if (turns < 1) {
                throw new IllegalArgumentException("horizonTurns must be >= 1, but was " + turns);
            }
            this.horizonTurns = turns;
            return this;
        }

        /** Verdict for a conversation falling fast: WARN (default) or ESCALATE. */
        public Builder fallingVerdict(Verdict verdict) {
            Objects.requireNonNull(verdict, "verdict");
            if (verdict != Verdict.WARN && verdict != Verdict.ESCALATE) {
                throw new IllegalArgumentException("fallingVerdict must be WARN or ESCALATE, but was " + verdict);
            }
            this.fallingVerdict = verdict;
            return this;
        }

        /** The policy. */
        public ConversationTrustPolicy build() {
            return new ConversationTrustPolicy(this);
        }
    }
}
