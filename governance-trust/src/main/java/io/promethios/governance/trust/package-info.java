/**
 * Trust scoring for users, agents, conversations and the system. Start with
 * {@link io.promethios.governance.trust.EvidenceTrustScorer} (Beta reputation with time decay and
 * forgetting, the model is in its Javadoc) configured by
 * {@link io.promethios.governance.trust.TrustConfig}, and
 * {@link io.promethios.governance.trust.TrustBands} to turn scores into bands. Stores are in
 * {@code .store}, pipeline plug-ins in {@code .policy}, calibration in {@code .calibration}.
 */
package io.promethios.governance.trust;
