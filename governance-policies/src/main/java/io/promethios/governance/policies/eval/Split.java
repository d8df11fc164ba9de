package io.promethios.governance.policies.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed tuning / reporting split: a row belongs to the reporting half when the first byte of
 * SHA-256(UTF-8 text) is odd, to the tuning half when it is even.
 *
 * @since 0.1
 */
public enum Split {
    TUNING, REPORTING;

    /** The half {@code text} belongs to. */
    public static Split of(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return (d[0] & 1) == 1 ? REPORTING : TUNING;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
