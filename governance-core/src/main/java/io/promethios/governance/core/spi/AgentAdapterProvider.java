package io.promethios.governance.core.spi;

/**
 * Registers a {@link AgentAdapter} through {@code META-INF/services/io.promethios.governance.core.spi.AgentAdapterProvider}.
 *
 * @since 0.1
 */
public interface AgentAdapterProvider extends GovernanceProvider<AgentAdapter> {
}
