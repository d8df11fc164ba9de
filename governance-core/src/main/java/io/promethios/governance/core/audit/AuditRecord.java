package io.promethios.governance.core.audit;

import io.promethios.governance.core.trust.TrustSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One append-only audit record, chained per session:
 * {@code hash = SHA-256(previousHash || canonical JSON of the record without its hash)}.
 *
 * <p>Records hold governed (redacted) content only, plus the SHA-256 digest of the raw content,
 * so an auditor holding the original can prove what was said without the trail storing it.
 *
 * <p>A record is a <i>draft</i> (sequence 0, empty hashes) until an {@link AuditSink} seals it.
 *
 * @param sessionId      the session
 * @param sequence       1-based position in the session's chain; 0 for a draft
 * @param type           what happened
 * @param timestamp      when
 * @param actor          who: a user id, an agent id, {@code observer} or {@code system}
 * @param organizationId the organization
 * @param turn           the turn, 0 for session-level records
 * @param status         content status name, or {@code ""}
 * @param verdict        verdict name, or {@code ""}
 * @param content        governed content, or {@code ""}
 * @param contentDigest  hex SHA-256 of the raw content, or {@code ""}
 * @param decisions      policy decisions with versions
 * @param trust          the trust snapshot the event happened under
 * @param attributes     further facts (trust deltas, intervention kind, agent model...)
 * @param previousHash   hash of the previous record of the session ({@link AuditChain#GENESIS} first)
 * @param hash           this record's hash
 * @since 0.1
 */
public record AuditRecord(
        String sessionId,
        long sequence,
        AuditEventType type,
        Instant timestamp,
        String actor,
        String organizationId,
        long turn,
        String status,
        String verdict,
        String content,
        String contentDigest,
        List<AuditDecision> decisions,
        TrustSnapshot trust,
        Map<String, String> attributes,
        String previousHash,
        String hash) {

    public AuditRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(organizationId, "organizationId");
        status = status == null ? "" : status;
        verdict = verdict == null ? "" : verdict;
        content = content == null ? "" : content;
        contentDigest = contentDigest == null ? "" : contentDigest;
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        trust = trust == null ? TrustSnapshot.unknown() : trust;
        attributes = sortedCopy(attributes);
        previousHash = previousHash == null ? "" : previousHash;
        hash = hash == null ? "" : hash;
        if (sequence < 0 || turn < 0) {
            throw new IllegalArgumentException("sequence and turn must be >= 0");
        }
    }

    private static final Class<?> SORTED_VIEW = java.util.Collections.unmodifiableSortedMap(new TreeMap<String, String>()).getClass();

    /** An unmodifiable naturally sorted copy, or the map itself if it already is one (sealing copies records). */
    private static Map<String, String> sortedCopy(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        if (attributes.getClass() == SORTED_VIEW && ((java.util.SortedMap<String, String>) attributes).comparator() == null) {
            return attributes;
        }
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** A draft to be sealed by a sink. */
    public static AuditRecord draft(String sessionId, AuditEventType type, Instant timestamp, String actor, String organizationId,
                                    long turn, String status, String verdict, String content, String contentDigest,
                                    List<AuditDecision> decisions, TrustSnapshot trust, Map<String, String> attributes) {
        return new AuditRecord(sessionId, 0, type, timestamp, actor, organizationId, turn, status, verdict, content, contentDigest,
                decisions, trust, attributes, "", "");
    }

    /** Whether this record has been sealed into a chain. */
    public boolean isSealed() {
        return sequence > 0 && !hash.isEmpty();
    }

    /** A copy placed at {@code sequence} after {@code previousHash}, with its hash computed. */
    public AuditRecord seal(long sequence, String previousHash) {
        return AuditChain.seal(this, sequence, previousHash).record();
    }

    @Override
    public String toString() {
        return "AuditRecord[sessionId=" + sessionId + ", sequence=" + sequence + ", type=" + type + ", turn=" + turn
                + ", verdict=" + verdict + ", content=<" + content.length() + " chars>, hash=" + hash + "]";
    }
}
