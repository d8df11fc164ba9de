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
}
