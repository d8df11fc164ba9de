/**
 * Trust that drives the pipeline, as plug-ins for core's SPIs. Start with
 * {@link io.promethios.governance.trust.policy.TrustAwarePolicy} (a stricter policy variant for
 * low trust bands), {@link io.promethios.governance.trust.policy.TrustGatePolicy} (hold the
 * lowest band for approval), {@link io.promethios.governance.trust.policy.ConversationTrustPolicy}
 * (escalate low or fast-falling conversations) and
 * {@link io.promethios.governance.trust.policy.TrustRouter} (skip low-trust agents for a fallback).
 */
package io.promethios.governance.trust.policy;
