/**
 * The public API. Start with {@link io.promethios.governance.core.GovernancePipeline#builder()};
 * a turn is a {@link io.promethios.governance.core.ChatRequest} in and a
 * {@link io.promethios.governance.core.GovernedResponse} out, with every
 * {@link io.promethios.governance.core.PolicyDecision} and its
 * {@link io.promethios.governance.core.Verdict}.
 *
 * <p>Design records: {@link io.promethios.governance.core.Verdict} is an enum (its order is the
 * combining rule); bad arguments use JDK exceptions, everything else extends
 * {@link io.promethios.governance.core.GovernanceException}.
 */
package io.promethios.governance.core;
