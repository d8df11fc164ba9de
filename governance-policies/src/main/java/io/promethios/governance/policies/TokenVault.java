package io.promethios.governance.policies;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the originals of tokenized findings so that an answer can be restored where policy
 * allows: the model sees {@code [[EMAIL_ADDRESS_1]]}, the user sees their address again.
 *
 * <p>Tokens are scoped (by session id): {@link #restore(String, String)} only restores tokens of
 * the same scope, and the same value in a scope always gets the same token. The in-memory vault
 * is bounded by {@code maxEntries} per vault; when full, tokenization fails (a policy failure,
 * fail-closed by default) rather than dropping originals silently.
 *
 * <p>Thread-safe. Originals stay in memory: clear a scope with {@link #clear(String)} when a
 * session ends.
 *
 * @since 0.1
 */
public final class TokenVault {

    private static final Pattern TOKEN = Pattern.compile("\\[\\[([A-Z0-9_]+)_(\\d+)]]");

    private final int maxEntries;
    private final Map<String, String> byToken = new ConcurrentHashMap<>();   // scope|token -> original
    private final Map<String, String> byValue = new ConcurrentHashMap<>();   // scope|type|value -> token
    private final AtomicLong counter = new AtomicLong();

    private TokenVault(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** A vault holding at most {@code maxEntries} originals. */
    public static TokenVault inMemory(int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be > 0, but was " + maxEntries);
        }
        return new TokenVault(maxEntries);
    }

    /** A vault holding at most 100,000 originals. */
    public static TokenVault inMemory() {
        return inMemory(100_000);
    }

    /** Stores {@code original} and returns its token, {@code [[TYPE_n]]}. */
    public String tokenize(String scope, String type, String original) {
        Objects.requireNonNull(original, "original");
        String sc = scope == null ? "" : scope;
        String t = type.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return byValue.computeIfAbsent(sc + '\u0000' + t + '\u0000' + original, k -> {
            if (byToken.size() >= maxEntries) {
                throw new IllegalStateException("token vault is full (" + maxEntries + " entries)");
            }
            String token = "[[" + t + "_" + counter.incrementAndGet() + "]]";
            byToken.put(sc + '\u0000' + token, original);
            return token;
        });
    }

    /** Replaces every token of {@code scope} in {@code text} by its original; unknown tokens stay. */
    public String restore(String scope, String text) {
        String sc = scope == null ? "" : scope;
        Matcher m = TOKEN.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String original = byToken.get(sc + '\u0000' + m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(original != null ? original : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Forgets every original of {@code scope}. */
    public void clear(String scope) {
        String prefix = (scope == null ? "" : scope) + '\u0000';
        byToken.keySet().removeIf(k -> k.startsWith(prefix));
        byValue.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Number of originals held. */
    public int size() {
        return byToken.size();
    }

    @Override
    public String toString() {
        return "TokenVault[" + byToken.size() + "/" + maxEntries + " entries]";
    }
}
