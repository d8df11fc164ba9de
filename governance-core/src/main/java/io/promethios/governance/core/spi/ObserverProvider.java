package io.promethios.governance.core.spi;

/**
 * Registers a {@link Observer} through {@code META-INF/services/io.promethios.governance.core.spi.ObserverProvider}.
 *
 * @since 0.1
 */
public interface ObserverProvider extends GovernanceProvider<Observer> {
}
