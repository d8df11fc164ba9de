package io.promethios.governance.core.spi;

import io.promethios.governance.core.event.GovernanceListener;

/**
 * Registers a {@link GovernanceListener} through
 * {@code META-INF/services/io.promethios.governance.core.spi.GovernanceListenerProvider}.
 *
 * @since 0.1
 */
public interface GovernanceListenerProvider extends GovernanceProvider<GovernanceListener> {
}
