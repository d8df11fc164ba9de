package io.promethios.governance.core.audit;

import io.promethios.governance.core.trust.TrustSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility kit every {@link AuditSink} passes: extend it and implement {@link #newSink()}.
 * Published in governance-core's test-jar.
 */
public abstract class AuditSinkContractTest {

    /** A new, empty sink. */
    protected abstract AuditSink newSink() throws Exception;

    protected static AuditRecord draft(String session, String content) {
        return AuditRecord.draft(session, AuditEventType.USER_MESSAGE, Instant.parse("2026-01-01T00:00:00Z"), "u1", "org", 1, "DELIVERED",
                "ALLOW", content, AuditChain.sha256Hex(content), List.of(), TrustSnapshot.unknown(), Map.of("k", "v"));
    }

    @Test
    void appendSealsRecordsIntoAChainPerSession() throws Exception {
        try (AuditSink sink = newSink()) {
            List<AuditRecord> a = sink.append(List.of(draft("s1", "a1"), draft("s2", "b1"), draft("s1", "a2")));
            assertThat(a).extracting(AuditRecord::sequence).containsExactly(1L, 1L, 2L);
            assertThat(a.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(a.get(2).previousHash()).isEqualTo(a.get(0).hash());
            sink.append(List.of(draft("s1", "a3")));
            List<AuditRecord> s1 = sink.records("s1");
            assertThat(s1).extracting(AuditRecord::content).containsExactly("a1", "a2", "a3");
            assertThat(AuditVerifier.verify(s1).intact()).isTrue();
            assertThat(sink.records("unknown")).isEmpty();
        }
    }

    @Test
    void concurrentAppendsNeverForkAChain() throws Exception {
        try (AuditSink sink = newSink()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        sink.append(List.of(draft("shared", thread + "-" + i), draft("own-" + thread, "x" + i)));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            List<AuditRecord> shared = sink.records("shared");
            assertThat(shared).hasSize(200);
            assertThat(AuditVerifier.verify(shared).intact()).isTrue();
            for (int t = 0; t < 4; t++) {
                assertThat(AuditVerifier.verify(sink.records("own-" + t)).intact()).isTrue();
            }
        }
    }

    @Test
    void sealedRecordsCannotBeAppendedAgain() throws Exception {
        try (AuditSink sink = newSink()) {
            AuditRecord sealed = sink.append(List.of(draft("s1", "a"))).get(0);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sink.append(List.of(sealed)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(sink.records("s1")).hasSize(1);
        }
    }
}
