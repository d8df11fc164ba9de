/**
 * {@link io.promethios.governance.core.spi.PolicyProvider}s registered in
 * {@code META-INF/services/io.promethios.governance.core.spi.PolicyProvider}, found when the
 * pipeline builder's {@code discoverProviders()} is set. Each creates one default policy
 * (see {@link io.promethios.governance.policies.Policies}) and reads optional properties
 * {@code <name>.action}, {@code <name>.redaction}, {@code <name>.min-severity} and
 * {@code <name>.points}; {@code policy-documents} loads a directory named by
 * {@code policy-documents.directory}.
 */
package io.promethios.governance.policies.provider;
