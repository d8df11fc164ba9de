/**
 * Governance events and the {@link io.promethios.governance.core.event.GovernanceListener} that
 * receives them. Register listeners with {@code GovernancePipeline.builder().addListener(...)}.
 */
package io.promethios.governance.core.event;
