package io.promethios.governance.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesAuditSinkTest extends AuditSinkContractTest {

    @TempDir
    Path dir;
    private int n;

    @Override
    protected AuditSink newSink() {
        return JsonLinesAuditSink.open(dir.resolve("audit-" + (n++) + ".jsonl"), FsyncPolicy.NEVER);
    }

    private Path fileWith(int sessions, int perSession) {
        Path f = dir.resolve("chain.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(f)) {
            for (int i = 0; i < perSession; i++) {
                List<AuditRecord> batch = new ArrayList<>();
                for (int s = 0; s < sessions; s++) {
                    batch.add(draft("s" + s, "message " + i + " with \"quotes\", \\ and \u2028 \u00e9 \ud83d\ude00"));
                }
                sink.append(batch);
            }
        }
        return f;
    }

    private static List<String> lines(Path f) throws Exception {
        return new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
    }

    private static void write(Path f, List<String> lines) throws Exception {
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void untouchedFileVerifiesAndReopensWhereItLeftOff() throws Exception {
        Path f = fileWith(2, 5);
        assertThat(AuditVerifier.verifyFile(f).intact()).isTrue();
        assertThat(AuditVerifier.verifyFile(f).recordsChecked()).isEqualTo(10);
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(f)) {
            AuditRecord next = sink.append(List.of(draft("s0", "after reopen"))).get(0);
            assertThat(next.sequence()).isEqualTo(6);
        }
        assertThat(AuditVerifier.verifyFile(f).intact()).isTrue();
    }

    @Test
    void alteringARecordIsDetectedAtThatRecord() throws Exception {
        Path f = fileWith(2, 5);
        List<String> l = lines(f);
        l.set(4, l.get(4).replace("message 2", "message X"));
        write(f, l);
        AuditVerification v = AuditVerifier.verifyFile(f);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken().orElseThrow().position()).isEqualTo(5);
        assertThat(v.firstBroken().orElseThrow().problem()).contains("altered");
        assertThat(v.recordsChecked()).isEqualTo(4);
    }

    @Test
    void alteringTheHashToMatchIsCaughtByTheNextRecord() throws Exception {
        Path f = fileWith(1, 5);
        List<String> l = lines(f);
        AuditRecord r = AuditChain.parse(l.get(1));
        AuditRecord forged = new AuditRecord(r.sessionId(), r.sequence(), r.type(), r.timestamp(), r.actor(), r.organizationId(), r.turn(),
                r.status(), r.verdict(), "forged", r.contentDigest(), r.decisions(), r.trust(), r.attributes(), r.previousHash(), "")
                .seal(r.sequence(), r.previousHash());
        l.set(1, AuditChain.canonicalJson(forged, true));
        write(f, l);
        AuditVerification v = AuditVerifier.verifyFile(f);
        assertThat(v.firstBroken().orElseThrow().position()).isEqualTo(3);
        assertThat(v.firstBroken().orElseThrow().problem()).contains("previousHash");
    }

    @Test
    void deletingARecordIsDetectedAtTheGap() throws Exception {
        Path f = fileWith(1, 5);
        List<String> l = lines(f);
        l.remove(2); // sequence 3
        write(f, l);
        AuditVerification v = AuditVerifier.verifyFile(f);
        assertThat(v.firstBroken().orElseThrow().sequence()).isEqualTo(4);
        assertThat(v.firstBroken().orElseThrow().position()).isEqualTo(3);
        assertThat(v.firstBroken().orElseThrow().problem()).contains("record 3 is missing");
    }

    @Test
    void insertingARecordIsDetectedAtTheInsertedRecord() throws Exception {
        Path f = fileWith(1, 5);
        List<String> l = lines(f);
        l.add(2, l.get(0)); // a copy of sequence 1 between 2 and 3
        write(f, l);
        AuditVerification v = AuditVerifier.verifyFile(f);
        assertThat(v.firstBroken().orElseThrow().position()).isEqualTo(3);
        assertThat(v.firstBroken().orElseThrow().problem()).contains("inserted");
        // a fresh record sealed onto the same predecessor is caught too
        Path g = fileWith(1, 5);
        List<String> m = lines(g);
        AuditRecord two = AuditChain.parse(m.get(1));
        AuditRecord fake = draft("s0", "injected").seal(3, two.hash());
        m.add(2, AuditChain.canonicalJson(fake, true));
        write(g, m);
        AuditVerification w = AuditVerifier.verifyFile(g);
        assertThat(w.firstBroken().orElseThrow().position()).isEqualTo(4);
    }

    @Test
    void reorderingRecordsIsDetectedAtTheFirstMovedRecord() throws Exception {
        Path f = fileWith(1, 5);
        List<String> l = lines(f);
        String tmp = l.get(1);
        l.set(1, l.get(3));
        l.set(3, tmp);
        write(f, l);
        AuditVerification v = AuditVerifier.verifyFile(f);
        assertThat(v.firstBroken().orElseThrow().position()).isEqualTo(2);
        assertThat(v.firstBroken().orElseThrow().sequence()).isEqualTo(4);
    }

    @Test
    void cuttingTheTailIsDetectedAgainstAnAnchor() throws Exception {
        Path f = fileWith(1, 5);
        List<String> l = lines(f);
        String anchor = AuditChain.parse(l.get(4)).hash();
        l.remove(4);
        write(f, l);
        assertThat(AuditVerifier.verifyFile(f).intact()).isTrue(); // the documented limit without an anchor
        AuditVerification v = AuditVerifier.verifyFile(f, Map.of("s0", anchor));
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken().orElseThrow().problem()).contains("removed");
    }

    @Test
    void tornLastLineIsReportedAndEarlierRecordsVerify() throws Exception {
        Path f = fileWith(1, 5);
        String whole = Files.readString(f, StandardCharsets.UTF_8);
        AuditRecord extra = draft("s0", "never acknowledged").seal(6, AuditChain.parse(lines(f).get(4)).hash());
        String line = AuditChain.canonicalJson(extra, true);
        Files.writeString(f, whole + line.substring(0, line.length() / 2), StandardCharsets.UTF_8);

        AuditVerification v = AuditVerifier.verifyFile(f);
        assertThat(v.tornTail()).isTrue();
        assertThat(v.tornTailLine()).isEqualTo(6);
        assertThat(v.firstBroken()).isEmpty();
        assertThat(v.recordsChecked()).isEqualTo(5);
        assertThat(v.describe()).contains("TORN");

        // reopening cuts the torn, unacknowledged line off and the chain goes on
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(f)) {
            assertThat(sink.recoveredTornTailBytes()).isPositive();
            assertThat(sink.append(List.of(draft("s0", "next"))).get(0).sequence()).isEqualTo(6);
        }
        assertThat(AuditVerifier.verifyFile(f).intact()).isTrue();
    }

    @Test
    void garbageInTheMiddleIsNamedAndRefusedOnOpen() throws Exception {
        Path f = fileWith(1, 3);
        List<String> l = lines(f);
        l.set(1, "{not json");
        write(f, l);
        assertThat(AuditVerifier.verifyFile(f).firstBroken().orElseThrow().position()).isEqualTo(2);
        assertThatThrownBy(() -> JsonLinesAuditSink.open(f)).hasMessageContaining("line 2");
    }

    @Test
    void everyRecordRoundTripsThroughItsCanonicalForm() throws Exception {
        Path f = fileWith(1, 1);
        Files.writeString(f, "", StandardOpenOption.APPEND);
        AuditRecord r = AuditChain.parse(lines(f).get(0));
        assertThat(AuditChain.canonicalJson(r, true)).isEqualTo(lines(f).get(0));
        assertThat(AuditChain.hashOf(r)).isEqualTo(r.hash());
        String lone = "a\ud800b";
        AuditRecord odd = draft("s9", lone).seal(1, AuditChain.GENESIS);
        assertThat(AuditChain.parse(AuditChain.canonicalJson(odd, true))).isEqualTo(odd);
    }
}
