package io.promethios.governance.policies;

import java.util.List;

/**
 * Finds things in text: PII, secrets, injection attempts, harmful requests, keywords and so on.
 * Obtain the built-in ones from {@link Detectors}; wrap one in a {@link DetectorPolicy} to act on
 * what it finds.
 *
 * <p><b>Contract.</b> {@link #detect(String)} never throws for any input, including binary data
 * and unpaired surrogates, and never returns {@code null}. Spans of the returned detections refer
 * to the text as given (detectors normalize internally against evasion and map back). Detectors
 * are immutable and thread-safe, do not block, and never log the text above TRACE.
 *
 * @since 0.1
 */
public interface Detector {

    /** The detector's name as used in configuration, for example {@code pii}. */
    String name();

    /** Scans {@code text}; returns what was found, in order of start offset where there are spans. */
    List<Detection> detect(String text);

    /**
     * Scans {@code text} once for both what {@link #detect} returns and a risk estimate. The
     * default returns {@code detect(text)} with the highest confidence among its detections as
     * the risk (0 when nothing is found). Detectors with a built-in classifier ({@code injection},
     * {@code harmful}) return, when nothing is found, the classifier's probability, which is below
     * its threshold but tells how close the text came. {@link DetectorPolicy} passes the risk on in
     * {@link io.promethios.governance.core.PolicyDecision#risk()}, where it discounts the trust a
     * clean turn earns.
     *
     * @since 0.1
     */
    default Assessment assess(String text) {
        List<Detection> found = detect(text);
        return found.isEmpty() ? Assessment.NOTHING : new Assessment(found, Assessment.highestConfidence(found));
    }

    /**
     * What one scan found, and how likely the text is what the detector looks for.
     *
     * @param detections what {@link #detect} returns for the text
     * @param risk       in [0,1]: the highest confidence among the detections, or a classifier's
     *                   probability when there are none (0 without a classifier)
     * @since 0.1
     */
    record Assessment(List<Detection> detections, double risk) {

        /** Nothing found, no risk. */
        public static final Assessment NOTHING = new Assessment(List.of(), 0.0);

        public Assessment {
            detections = List.copyOf(detections);
            if (!(risk >= 0.0 && risk <= 1.0)) {
                throw new IllegalArgumentException("risk must be in [0,1], but was " + risk);
            }
        }

        /** The highest confidence in {@code found}; 0 when empty. */
        static double highestConfidence(List<Detection> found) {
            double max = 0.0;
            for (Detection d : found) {
                max = Math.max(max, d.confidence());
            }
            return max;
        }
    }
}
