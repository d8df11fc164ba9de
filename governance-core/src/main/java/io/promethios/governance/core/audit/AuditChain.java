package io.promethios.governance.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promethios.governance.core.trust.TrustScore;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hash chain's canonical form, shared by every sink and the verifier.
 *
 * <p><b>Canonical JSON</b>: an object with the record's components as keys in alphabetical
 * order (nested objects too), no whitespace, strings escaped as in RFC 8259 (plus lone
 * surrogates as {@code \\uXXXX} so any Java string round-trips), the timestamp as ISO-8601
 * ({@link Instant#toString()}), and trust scores as integers in millionths, so the same record
 * hashes the same on every JVM. The hash is {@code hex(SHA-256(UTF-8(previousHash + canonical)))}
 * where the canonical form leaves out the {@code hash} key. A JSON-lines file holds one canonical
 * form per line with the {@code hash} key included.
 *
 * @since 0.1
 */
public final class AuditChain {

    /** The {@code previousHash} of each session's first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Set<String> FIELDS = Set.of("actor", "attributes", "content", "contentDigest", "decisions", "hash",
            "organizationId", "previousHash", "sequence", "sessionId", "status", "timestamp", "trust", "turn", "type", "verdict");

    private AuditChain() {
    }

    /** The hash {@code record} should carry, given its {@code previousHash}. */
    public static String hashOf(AuditRecord record) {
        StringBuilder b = new StringBuilder(estimate(record));
        writeHead(b, record);
        writeTail(b, record, record.sequence(), record.previousHash());
        return hash(record.previousHash(), b);
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The canonical JSON of {@code record}, with or without its {@code hash} key. */
    public static String canonicalJson(AuditRecord r, boolean includeHash) {
        StringBuilder b = new StringBuilder(estimate(r) + 80);
        writeHead(b, r);
        if (includeHash) {
            b.append(",\"hash\":");
            appendQuoted(b, r.hash());
        }
        writeTail(b, r, r.sequence(), r.previousHash());
        return b.toString();
    }

    /** A record sealed into its chain, with its line (canonical JSON including the hash) when asked for. */
    record Sealed(AuditRecord record, String line) {
    }

    /**
     * Seals {@code draft} at {@code sequence} after {@code previousHash}: serializes it once,
     * hashes that, and (if {@code withLine}) splices the hash into the same text for the
     * JSON-lines form.
     */
    static Sealed seal(AuditRecord draft, long sequence, String previousHash, boolean withLine) {
        StringBuilder b = new StringBuilder(estimate(draft) + 80);
        writeHead(b, draft);
        int split = b.length();
        writeTail(b, draft, sequence, previousHash);
        String hash = hash(previousHash, b);
        String line = null;
        if (withLine) {
            b.insert(split, ",\"hash\":\"" + hash + '"');
            line = b.toString();
        }
        AuditRecord sealed = new AuditRecord(draft.sessionId(), sequence, draft.type(), draft.timestamp(), draft.actor(),
                draft.organizationId(), draft.turn(), draft.status(), draft.verdict(), draft.content(), draft.contentDigest(),
                draft.decisions(), draft.trust(), draft.attributes(), previousHash, hash);
        return new Sealed(sealed, line);
    }

    static Sealed seal(AuditRecord draft, long sequence, String previousHash) {
        return seal(draft, sequence, previousHash, true);
    }

    private static int estimate(AuditRecord r) {
        return 480 + r.content().length() + 64 * r.decisions().size() + 48 * r.attributes().size();
    }

    private static String hash(String previousHash, CharSequence canonical) {
        MessageDigest sha = DIGEST.get();
        sha.reset();
        sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
        sha.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return hex(sha.digest());
    }

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(AuditChain::sha256);

    /** Keys before {@code hash} in alphabetical order: actor .. decisions. */
    private static void writeHead(StringBuilder b, AuditRecord r) {
        b.append("{\"actor\":");
        appendQuoted(b, r.actor());
        b.append(",\"attributes\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : r.attributes().entrySet()) { // a TreeMap: sorted
            if (!first) {
                b.append(',');
            }
            first = false;
            appendQuoted(b, e.getKey());
            b.append(':');
            appendQuoted(b, e.getValue());
        }
        b.append("},\"content\":");
        appendQuoted(b, r.content());
        b.append(",\"contentDigest\":");
        appendQuoted(b, r.contentDigest());
        b.append(",\"decisions\":[");
        for (int i = 0; i < r.decisions().size(); i++) {
            AuditDecision d = r.decisions().get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"findings\":[");
            for (int j = 0; j < d.findings().size(); j++) {
                if (j > 0) {
                    b.append(',');
                }
                appendQuoted(b, d.findings().get(j));
            }
            b.append("],\"point\":");
            appendQuoted(b, d.point());
            b.append(",\"policyId\":");
            appendQuoted(b, d.policyId());
            b.append(",\"policyVersion\":");
            appendQuoted(b, d.policyVersion());
            b.append(",\"reason\":");
            appendQuoted(b, d.reason());
            b.append(",\"verdict\":");
            appendQuoted(b, d.verdict());
            b.append('}');
        }
        b.append(']');
    }

    /** Keys after {@code hash}: organizationId .. verdict. */
    private static void writeTail(StringBuilder b, AuditRecord r, long sequence, String previousHash) {
        b.append(",\"organizationId\":");
        appendQuoted(b, r.organizationId());
        b.append(",\"previousHash\":");
        appendQuoted(b, previousHash);
        b.append(",\"sequence\":").append(sequence);
        b.append(",\"sessionId\":");
        appendQuoted(b, r.sessionId());
        b.append(",\"status\":");
        appendQuoted(b, r.status());
        b.append(",\"timestamp\":");
        appendQuoted(b, r.timestamp().toString());
        b.append(",\"trust\":{");
        score(b, "agent", r.trust().agent(), true);
        score(b, "conversation", r.trust().conversation(), false);
        score(b, "system", r.trust().system(), false);
        score(b, "user", r.trust().user(), false);
        b.append("},\"turn\":").append(r.turn());
        b.append(",\"type\":");
        appendQuoted(b, r.type().name());
        b.append(",\"verdict\":");
        appendQuoted(b, r.verdict());
        b.append('}');
    }

    /**
     * Parses one line written by {@link #canonicalJson(AuditRecord, boolean)} with the hash.
     *
     * @throws IllegalArgumentException naming the problem if the line is not such a record
     */
    public static AuditRecord parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'");
            }
        }
        Map<String, String> attributes = new HashMap<>();
        JsonNode attrs = field(n, "attributes");
        if (!attrs.isObject()) {
            throw new IllegalArgumentException("field 'attributes' must be an object");
        }
        attrs.fields().forEachRemaining(e -> attributes.put(e.getKey(), text(e.getValue(), "attributes." + e.getKey())));
        JsonNode ds = field(n, "decisions");
        if (!ds.isArray()) {
            throw new IllegalArgumentException("field 'decisions' must be an array");
        }
        List<AuditDecision> decisions = new ArrayList<>();
        for (JsonNode d : ds) {
            List<String> findings = new ArrayList<>();
            for (JsonNode f : field(d, "findings")) {
                findings.add(text(f, "findings[]"));
            }
            decisions.add(new AuditDecision(str(d, "policyId"), str(d, "policyVersion"), str(d, "point"), str(d, "verdict"),
                    str(d, "reason"), findings));
        }
        JsonNode t = field(n, "trust");
        TrustSnapshot trust = new TrustSnapshot(score(t, "user"), score(t, "agent"), score(t, "conversation"), score(t, "system"));
        AuditEventType type;
        try {
            type = AuditEventType.valueOf(str(n, "type"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown record type '" + str(n, "type") + "'");
        }
        Instant ts;
        try {
            ts = Instant.parse(str(n, "timestamp"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'timestamp' is not an ISO-8601 instant");
        }
        return new AuditRecord(str(n, "sessionId"), num(n, "sequence"), type, ts, str(n, "actor"), str(n, "organizationId"),
                num(n, "turn"), str(n, "status"), str(n, "verdict"), str(n, "content"), str(n, "contentDigest"), decisions, trust,
                attributes, str(n, "previousHash"), str(n, "hash"));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    private static void score(StringBuilder b, String key, TrustScore s, boolean first) {
        if (!first) {
            b.append(',');
        }
        b.append('"').append(key).append("\":{\"c\":").append(Math.round(s.confidence() * 1_000_000))
                .append(",\"s\":").append(Math.round(s.score() * 1_000_000)).append('}');
    }

    private static TrustScore score(JsonNode trust, String key) {
        JsonNode s = field(trust, key);
        return new TrustScore(num(s, "s") / 1_000_000.0, num(s, "c") / 1_000_000.0);
    }

    /** Appends {@code s} as a JSON string; text without anything to escape is copied in bulk. */
    static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                break;
            }
            i++;
        }
        if (i == n) {
            b.append(s).append('"');
            return;
        }
        b.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        b.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return v;
    }

    private static String str(JsonNode n, String name) {
        return text(field(n, name), name);
    }

    private static String text(JsonNode v, String name) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string");
        }
        return v.textValue();
    }

    private static long num(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer");
        }
        return v.longValue();
    }
}
