package io.promethios.governance.policies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a {@link DetectorPolicy} with {@link Action#REDACT} rewrites a finding. Obtain operators
 * from the static factories; they are immutable and thread-safe.
 *
 * <pre>{@code
 * RedactionOperator.mask()          // "4111 1111 1111 1111" -> "*******************"
 * RedactionOperator.typeTag()       // -> "[CREDIT_CARD]"
 * RedactionOperator.keepLast(4)     // -> "***************1111" (at most half of a short value)
 * RedactionOperator.hash("salt")    // -> "[CREDIT_CARD:9f2c1a0b7d3e]"
 * RedactionOperator.tokenize(vault) // -> "[[CREDIT_CARD_1]]", restorable with vault.restore(answer)
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RedactionOperator {

    /**
     * The replacement for {@code original}, a finding of {@code type}.
     *
     * @param type     finding type, for example {@code EMAIL_ADDRESS}
     * @param original the matched original text
     * @param scope    a key that groups tokens (the session id); may be {@code ""}
     */
    String replace(String type, String original, String scope);

    /** Replaces every char with {@code '*'} (keeps the length). */
    static RedactionOperator mask() {
        return (type, original, scope) -> "*".repeat(original.length());
    }

    /** Replaces the finding with {@code [TYPE]}. The default. */
    static RedactionOperator typeTag() {
        return (type, original, scope) -> "[" + type + "]";
    }

    /**
     * Masks all but the last {@code n} letters or digits; separators are kept, except backslashes (a value found inside
     * JSON string escapes stays valid JSON). Never more than half of them stay
     * visible: a short value (a 6-char password under keep-last-4) keeps at most {@code count / 2}.
     */
    static RedactionOperator keepLast(int n) {
        if (n < 0 || n > 64) {
            throw new IllegalArgumentException("keepLast n must be in [0, 64], but was " + n);
        }
        return (type, original, scope) -> {
            char[] cs = original.toCharArray();
            int count = 0;
            for (char c : cs) {
                count += Character.isLetterOrDigit(c) ? 1 : 0;
            }
            int keep = Math.min(n, count / 2);
            int kept = 0;
            for (int i = cs.length - 1; i >= 0; i--) {
                if (Character.isLetterOrDigit(cs[i])) {
                    if (kept < keep) {
                        kept++;
                    } else {
                        cs[i] = '*';
                    }
                } else if (cs[i] == '\\') {
                    cs[i] = '*'; // an escape in JSON text ("\\u0020"): a lone backslash before '*' would break the JSON
                }
            }
            return new String(cs);
        };
    }

    /**
     * Replaces the finding with {@code [TYPE:first 12 hex of SHA-256(salt + value)]}: equal values give equal tags, also
     * when one is written with escapes, character references or fullwidth chars (the value is normalized first). The salt
     * must be a non-empty secret: phone numbers, SSNs and card numbers are few enough that an unsalted (or publicly salted)
     * hash is reversed by hashing every candidate.
     *
     * @throws IllegalArgumentException if {@code salt} is empty
     */
    static RedactionOperator hash(String salt) {
        Objects.requireNonNull(salt, "salt");
        if (salt.isEmpty()) {
            throw new IllegalArgumentException("hash redaction needs a non-empty secret salt: an unsalted hash of a phone number, SSN or "
                    + "card number is reversed by hashing every candidate (load documents with PolicyDocuments.loader(vault, hashSalt))");
        }
        return (type, original, scope) -> {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update(salt.getBytes(StandardCharsets.UTF_8));
                // the value as the detectors read it: written with escapes, references or fullwidth chars it is the same value
                String value = io.promethios.governance.policies.text.TextNormalizer.normalize(original).normalized();
                byte[] d = md.digest(value.getBytes(StandardCharsets.UTF_8));
                return "[" + type + ":" + HexFormat.of().formatHex(d, 0, 6) + "]";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 not available", e);
            }
        };
    }

    /** Reversible tokenization: the original goes into {@code vault}, the text gets a token. */
    static RedactionOperator tokenize(TokenVault vault) {
        Objects.requireNonNull(vault, "vault");
        return (type, original, scope) -> vault.tokenize(scope, type, original);
    }

    /**
     * Parses a configured operator name: {@code mask}, {@code type}, {@code keep-last-4}
     * ({@code keep-last-N}), {@code hash}, {@code tokenize}.
     *
     * @param vault used for {@code tokenize}; may be null otherwise
     * @throws IllegalArgumentException for an unknown name
     */
    static RedactionOperator parse(String name, TokenVault vault, String salt) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("mask")) {
            return mask();
        }
        if (n.equals("type") || n.equals("type-tag") || n.equals("tag")) {
            return typeTag();
        }
        if (n.startsWith("keep-last-")) {
            try {
                return keepLast(Integer.parseInt(n.substring("keep-last-".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad redaction operator '" + name + "', expected keep-last-N");
            }
        }
        if (n.equals("hash")) {
            return hash(salt == null ? "" : salt);
        }
        if (n.equals("tokenize")) {
            if (vault == null) {
                throw new IllegalArgumentException("redaction operator 'tokenize' needs a TokenVault");
            }
            return tokenize(vault);
        }
        throw new IllegalArgumentException("unknown redaction operator '" + name + "', expected one of mask, type, keep-last-N, hash, tokenize");
    }
}
