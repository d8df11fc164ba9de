/**
 * Built-in detectors and policies. Where to start: {@link io.promethios.governance.policies.Detectors}
 * for detectors by name ({@code pii}, {@code secrets}, {@code injection}, {@code harmful},
 * {@code topic}, {@code keywords}, {@code length}, {@code language}, {@code url}, {@code restrictions}),
 * {@link io.promethios.governance.policies.DetectorPolicy} to act on what a detector finds,
 * {@link io.promethios.governance.policies.RestrictionsPolicy} to enforce each session's own system
 * prompt,
 * {@link io.promethios.governance.policies.Policies#defaults()} for a sensible default set, and
 * {@link io.promethios.governance.policies.doc.PolicyDocuments} for JSON policy documents.
 *
 * <p>Detectors never log the text they scan above TRACE, and findings never carry matched text.
 */
package io.promethios.governance.policies;
