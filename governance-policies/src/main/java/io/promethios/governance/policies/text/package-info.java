/**
 * Evasion-resistant text normalization. Start with {@link io.promethios.governance.policies.text.TextNormalizer#normalize(String)}:
 * it returns a {@link io.promethios.governance.policies.text.NormalizedText} whose
 * {@code toOriginal(start, end)} maps a span of the normalized text back to the original, so
 * findings always point at what the user actually sent.
 */
package io.promethios.governance.policies.text;
