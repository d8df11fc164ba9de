/**
 * Trust values: {@link io.promethios.governance.core.trust.TrustScore},
 * {@link io.promethios.governance.core.trust.TrustSnapshot} and the
 * {@link io.promethios.governance.core.trust.Evidence} trust is learnt from. Start with
 * {@link io.promethios.governance.core.trust.BetaTrustScorer}, the default scorer; the
 * {@code governance-trust} module adds richer scorers and stores.
 */
package io.promethios.governance.core.trust;
