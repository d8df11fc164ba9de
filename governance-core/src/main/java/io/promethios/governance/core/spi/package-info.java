/**
 * The service provider interfaces. Start with {@link io.promethios.governance.core.spi.Policy}
 * (a rule), {@link io.promethios.governance.core.spi.AgentAdapter} (a model) and
 * {@link io.promethios.governance.core.spi.Stage} (a step of the chain). Each has a
 * {@code *Provider} factory for {@link java.util.ServiceLoader} discovery; see
 * {@link io.promethios.governance.core.spi.GovernanceProvider} for the rules.
 */
package io.promethios.governance.core.spi;
