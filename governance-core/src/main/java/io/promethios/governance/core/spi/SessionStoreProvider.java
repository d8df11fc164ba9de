package io.promethios.governance.core.spi;

import io.promethios.governance.core.session.SessionStore;

/**
 * Registers a {@link SessionStore} through
 * {@code META-INF/services/io.promethios.governance.core.spi.SessionStoreProvider}.
 *
 * @since 0.1
 */
public interface SessionStoreProvider extends GovernanceProvider<SessionStore> {
}
