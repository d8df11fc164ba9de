/**
 * Where trust state lives: {@link io.promethios.governance.trust.store.InMemoryTrustStore}
 * (Caffeine, bounded) implements core's {@link io.promethios.governance.core.trust.TrustStore}
 * SPI. Start there; a JDBC store comes with persistence. New stores prove the contract by
 * extending {@code TrustStoreContractTest} from this module's test-jar.
 */
package io.promethios.governance.trust.store;
