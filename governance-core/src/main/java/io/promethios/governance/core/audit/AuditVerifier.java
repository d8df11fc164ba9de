package io.promethios.governance.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies audit chains and names the first broken record.
 *
 * <p>For every record, in order: its hash must equal the hash recomputed from its content (else
 * it was <b>altered</b>); its sequence must follow its session's previous record (a gap means a
 * record was <b>deleted</b>, a repeat or step back means records were <b>inserted</b> or
 * <b>reordered</b>); its {@code previousHash} must be the hash of that previous record.
 *
 * <p><b>Limitations.</b> The chain is not keyed: someone who rewrites a record <i>and</i>
 * recomputes every later hash, or who cuts off a session's last records, is only caught
 * against an anchor kept elsewhere. Pass the last hashes you kept (for example from
 * {@link io.promethios.governance.core.AuditReference}) as {@code anchors}.
 *
 * @since 0.1
 */
public final class AuditVerifier {

    private AuditVerifier() {
    }

    /** Verifies records in the order given (interleaved sessions allowed). */
    public static AuditVerification verify(List<AuditRecord> records) {
        return verify(records, Map.of());
    }

    /**
     * Verifies records, and that each session in {@code anchors} ends with the given hash.
     */
    public static AuditVerification verify(List<AuditRecord> records, Map<String, String> anchors) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(anchors, "anchors");
        Checker checker = new Checker();
        long pos = 0;
        for (AuditRecord r : records) {
            pos++;
            Optional<AuditVerification.BrokenRecord> broken = checker.check(pos, r);
            if (broken.isPresent()) {
                return new AuditVerification(pos - 1, broken, false, 0);
            }
        }
        return checker.finish(pos, anchors, false, 0);
    }

    /** Verifies a JSON-lines audit file as written by {@link JsonLinesAuditSink}. */
    public static AuditVerification verifyFile(Path file) {
        return verifyFile(file, Map.of());
    }

    /**
     * Verifies a JSON-lines audit file; a last line without its newline that cannot be read is
     * reported as a torn tail, not as tampering.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    public static AuditVerification verifyFile(Path file, Map<String, String> anchors) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read audit file " + file, e);
        }
        Checker checker = new Checker();
        long lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            boolean complete = nl >= 0;
            String line = complete ? text.substring(start, nl) : text.substring(start);
            start = complete ? nl + 1 : text.length();
            lineNo++;
            AuditRecord r;
            try {
                r = AuditChain.parse(line);
            } catch (IllegalArgumentException e) {
                if (!complete) {
                    return checker.finish(lineNo - 1, anchors, true, lineNo);
                }
                return new AuditVerification(lineNo - 1,
                        Optional.of(new AuditVerification.BrokenRecord(lineNo, "", -1, "unreadable record: " + e.getMessage())), false, 0);
            }
            Optional<AuditVerification.BrokenRecord> broken = checker.check(lineNo, r);
            if (broken.isPresent()) {
                return new AuditVerification(lineNo - 1, broken, false, 0);
            }
            if (!complete) {
                // a readable last line that lost only its newline: the record is whole
                return checker.finish(lineNo, anchors, true, lineNo);
            }
        }
        return checker.finish(lineNo, anchors, false, 0);
    }

    private static final class Checker {
        private final Map<String, Long> lastSeq = new HashMap<>();
        private final Map<String, String> lastHash = new HashMap<>();
        private final Map<String, Long> lastPos = new HashMap<>();

        Optional<AuditVerification.BrokenRecord> check(long pos, AuditRecord r) {
            String sid = r.sessionId();
            long expectedSeq = lastSeq.getOrDefault(sid, 0L) + 1;
            String expectedPrev = lastHash.getOrDefault(sid, AuditChain.GENESIS);
            String recomputed = AuditChain.hashOf(r);
            if (!recomputed.equals(r.hash())) {
                return broken(pos, r, "hash does not match the record's content: the record was altered");
            }
            if (r.sequence() > expectedSeq) {
                return broken(pos, r, "sequence " + r.sequence() + " follows " + (expectedSeq - 1) + ": "
                        + (r.sequence() - expectedSeq == 1 ? "record " + expectedSeq + " is" : "records " + expectedSeq + ".." + (r.sequence() - 1) + " are")
                        + " missing (deleted or reordered)");
            }
            if (r.sequence() < expectedSeq) {
                return broken(pos, r, "sequence " + r.sequence() + " repeats or goes back after " + (expectedSeq - 1)
                        + ": a record was inserted, duplicated or reordered");
            }
            if (!expectedPrev.equals(r.previousHash())) {
                return broken(pos, r, "previousHash does not match the hash of sequence " + (expectedSeq - 1)
                        + ": a record was inserted or replaced");
            }
            lastSeq.put(sid, r.sequence());
            lastHash.put(sid, r.hash());
            lastPos.put(sid, pos);
            return Optional.empty();
        }

        AuditVerification finish(long checked, Map<String, String> anchors, boolean torn, long tornLine) {
            for (Map.Entry<String, String> a : anchors.entrySet()) {
                String sid = a.getKey();
                String actual = lastHash.get(sid);
                if (actual == null) {
                    return new AuditVerification(checked, Optional.of(new AuditVerification.BrokenRecord(checked, sid, -1,
                            "no records for anchored session: its chain was removed")), torn, tornLine);
                }
                if (!actual.equals(a.getValue())) {
                    return new AuditVerification(checked, Optional.of(new AuditVerification.BrokenRecord(lastPos.get(sid), sid,
                            lastSeq.get(sid), "the chain ends here but the anchor names a later hash: records after it were removed")),
                            torn, tornLine);
                }
            }
            return new AuditVerification(checked, Optional.empty(), torn, tornLine);
        }

        private static Optional<AuditVerification.BrokenRecord> broken(long pos, AuditRecord r, String problem) {
            return Optional.of(new AuditVerification.BrokenRecord(pos, r.sessionId(), r.sequence(), problem));
        }
    }
}
