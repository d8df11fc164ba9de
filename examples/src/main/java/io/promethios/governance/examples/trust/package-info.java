/**
 * The {@code simulate-trust} command: start with
 * {@link io.promethios.governance.examples.trust.SimulateTrustCommand#run}.
 */
package io.promethios.governance.examples.trust;
