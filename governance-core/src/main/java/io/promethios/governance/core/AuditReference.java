package io.promethios.governance.core;

import java.util.Objects;

/**
 * Where a turn landed in its session's audit chain: the sequence numbers of its records and the
 * hash of the last one. Keep it as an anchor: a verifier given the last hash detects a chain
 * whose tail was cut off.
 *
 * @since 0.1
 */
public record AuditReference(String sessionId, long firstSequence, long lastSequence, String lastHash) {
    public AuditReference {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(lastHash, "lastHash");
    }
}
