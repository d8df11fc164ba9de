package io.promethios.governance.trust.policy;

import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentRouter;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Routes around low-trust agents: when the planned agent's trust is below
 * {@code minimumTrust} (and its confidence at least {@code minimumConfidence}), the turn goes to
 * the first configured fallback whose trust is at or above the threshold; if none is, to the
 * one (planned agent included) with the highest trust. Set it with the pipeline builder's
 * {@code agentRouter(...)}.
 *
 * <pre>{@code
 * GovernancePipeline.builder()
 *     .agent(primary).addAgent(backup)
 *     .agentRouter(TrustRouter.builder().minimumTrust(0.4).fallback("backup").build())
 * }</pre>
 *
 * <p>Thread-safe. A fallback id the pipeline does not have fails the turn with a
 * {@link GovernanceConfigurationException} listing the pipeline's agents.
 *
 * @since 0.1
 */
public final class TrustRouter implements AgentRouter {

    private static final Logger log = LoggerFactory.getLogger(TrustRouter.class);

    /** Default threshold: the top of the default LOW band. */
    public static final double DEFAULT_MINIMUM_TRUST = 0.4;

    private final double minimumTrust;
    private final double minimumConfidence;
    private final List<String> fallbacks;

    private TrustRouter(Builder b) {
        this.minimumTrust = b.minimumTrust;
        this.minimumConfidence = b.minimumConfidence;
        this.fallbacks = List.copyOf(b.fallbacks);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AgentAdapter route(Context context) {
        AgentAdapter planned = context.planned();
        TrustScore s = context.trust().score(TrustSubject.agent(planned.id()));
        if (s.score() >= minimumTrust || s.confidence() < minimumConfidence) {
            return planned;
        }
        AgentAdapter best = planned;
        double bestScore = s.score();
        for (String id : fallbacks) {
            if (id.equals(planned.id())) {
                continue;
            }
            AgentAdapter a = context.agents().get(id);
            if (a == null) {
                throw new GovernanceConfigurationException("TrustRouter fallback agent '" + id + "' is not one of this pipeline's agents "
                        + new java.util.TreeSet<>(context.agents().keySet()));
            }
            double fs = context.trust().score(TrustSubject.agent(id)).score();
            if (fs >= minimumTrust) {
                log.debug("Agent '{}' trust {} below {}; routing session {} to '{}'", planned.id(), s.score(), minimumTrust,
                        context.session().id(), id);
                return a;
            }
            if (fs > bestScore) {
                best = a;
                bestScore = fs;
            }
        }
        log.debug("Agent '{}' trust {} below {} and no fallback above it; routing session {} to '{}'", planned.id(), s.score(),
                minimumTrust, context.session().id(), best.id());
        return best;
    }

    @Override
    public String toString() {
        return "TrustRouter[minimumTrust=" + minimumTrust + ", minimumConfidence=" + minimumConfidence + ", fallbacks=" + fallbacks + "]";
    }

    /** Builds a {@link TrustRouter}. Not thread-safe. */
    public static final class Builder {
        private double minimumTrust = DEFAULT_MINIMUM_TRUST;
        private double minimumConfidence;
        private final List<String> fallbacks = new ArrayList<>();

        private Builder() {
        }

        /** Skip agents whose trust is below this, in (0,1]; default 0.4. */
        public Builder minimumTrust(double threshold) {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("minimumTrust must be in (0,1], but was " + threshold);
            }
            this.minimumTrust = threshold;
            return this;
        }

        /** Only skip an agent once its trust has this confidence, in [0,1]; default 0. */
        public Builder minimumConfidence(double confidence) {
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("minimumConfidence must be in [0,1], but was " + confidence);
            }
            this.minimumConfidence = confidence;
            return this;
        }

        /** Adds a fallback agent id, tried in the order added. */
        public Builder fallback(String agentId) {
            Objects.requireNonNull(agentId, "agentId");
            if (agentId.isBlank()) {
                throw new IllegalArgumentException("agentId must not be blank");
            }
            if (fallbacks.contains(agentId)) {
                throw new IllegalStateException("fallback '" + agentId + "' was already added");
            }
            fallbacks.add(agentId);
            return this;
        }

        /**
         * The router.
         *
         * @throws IllegalStateException if no fallback was added
         */
        public TrustRouter build() {
            if (fallbacks.isEmpty()) {
                throw new IllegalStateException("TrustRouter needs at least one fallback agent");
            }
            return new TrustRouter(this);
        }
    }
}
