package io.promethios.governance.core.spi;

/**
 * Registers a {@link Policy} through {@code META-INF/services/io.promethios.governance.core.spi.PolicyProvider}.
 *
 * @since 0.1
 */
public interface PolicyProvider extends GovernanceProvider<Policy> {
}
