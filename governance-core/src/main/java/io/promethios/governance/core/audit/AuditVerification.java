package io.promethios.governance.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of {@link AuditVerifier}.
 *
 * @param recordsChecked records read and found intact before the first problem
 * @param firstBroken    the first record that breaks a chain, if any
 * @param tornTail       whether the file's last line is incomplete (a write interrupted by a crash)
 * @param tornTailLine   1-based line number of the torn line, 0 if none
 * @since 0.1
 */
public record AuditVerification(long recordsChecked, Optional<BrokenRecord> firstBroken, boolean tornTail, long tornTailLine) {

    public AuditVerification {
        Objects.requireNonNull(firstBroken, "firstBroken");
    }

    /** Whether every record verified and nothing was torn. */
    public boolean intact() {
        return firstBroken.isEmpty() && !tornTail;
    }

    /** One line for people: what was checked and the first problem. */
    public String describe() {
        if (firstBroken.isPresent()) {
            BrokenRecord b = firstBroken.get();
            return "BROKEN at record " + b.position() + " (session " + b.sessionId() + ", sequence " + b.sequence() + "): "
                    + b.problem() + "; " + recordsChecked + " records before it verify";
        }
        if (tornTail) {
            return "TORN last line " + tornTailLine + " (incomplete write); the " + recordsChecked + " records before it verify";
        }
        return "OK: " + recordsChecked + " records verify";
    }

    /**
     * The first record that breaks a chain.
     *
     * @param position  1-based position in the checked sequence (the line number for a file)
     * @param sessionId the record's session, or {@code ""} if it could not be read
     * @param sequence  the record's sequence, or -1 if it could not be read
     * @param problem   what is wrong
     */
    public record BrokenRecord(long position, String sessionId, long sequence, String problem) {
        public BrokenRecord {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
