package io.promethios.governance.core.spi;

/**
 * Registers a {@link TrustScorer} through {@code META-INF/services/io.promethios.governance.core.spi.TrustScorerProvider}.
 *
 * @since 0.1
 */
public interface TrustScorerProvider extends GovernanceProvider<TrustScorer> {
}
