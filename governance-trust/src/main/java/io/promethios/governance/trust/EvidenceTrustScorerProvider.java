package io.promethios.governance.trust;

import io.promethios.governance.core.spi.ProviderConfig;
import io.promethios.governance.core.spi.TrustScorer;
import io.promethios.governance.core.spi.TrustScorerProvider;

/**
 * Registers {@link EvidenceTrustScorer} under the name {@code "evidence"} through
 * {@code META-INF/services/io.promethios.governance.core.spi.TrustScorerProvider}. The scorer is
 * configured from the pipeline's provider properties ({@code trust.*}, see
 * {@link TrustConfig#fromProperties}) and keeps its state in memory.
 *
 * @since 0.1
 */
public final class EvidenceTrustScorerProvider implements TrustScorerProvider {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public EvidenceTrustScorerProvider() {
    }

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public TrustScorer create(ProviderConfig config) {
        return EvidenceTrustScorer.create(TrustConfig.fromProperties(config.asMap()));
    }
}
