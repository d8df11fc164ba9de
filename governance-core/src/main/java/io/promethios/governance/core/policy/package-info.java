/**
 * A few small, dependency-free policies for getting started and for tests:
 * {@link io.promethios.governance.core.policy.KeywordPolicy},
 * {@link io.promethios.governance.core.policy.MaxLengthPolicy} and
 * {@link io.promethios.governance.core.policy.RegexRedactionPolicy}. The validated detectors
 * (PII, secrets, injection, ...) live in the {@code governance-policies} module.
 */
package io.promethios.governance.core.policy;
