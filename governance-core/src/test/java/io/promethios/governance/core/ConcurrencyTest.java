package io.promethios.governance.core;

import io.promethios.governance.core.audit.AuditEventType;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.audit.AuditVerifier;
import io.promethios.governance.core.audit.JsonLinesAuditSink;
import io.promethios.governance.core.audit.FsyncPolicy;
import io.promethios.governance.core.policy.RegexRedactionPolicy;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.session.MessageRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** 8 threads x 500 turns, on one session and on different sessions. */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int TURNS = 500;

    @Test
    void oneSharedSession(@TempDir Path dir) throws Exception {
        run(dir, true);
    }

    @Test
    void oneSessionPerThread(@TempDir Path dir) throws Exception {
        run(dir, false);
    }

    private void run(Path dir, boolean shared) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (GovernancePipeline p = GovernancePipeline.builder()
                .agent(TestAgents.answering("a", r -> "ack " + r.message()))
                .auditSink(JsonLinesAuditSink.open(file, FsyncPolicy.NEVER))
                .addPolicy(RegexRedactionPolicy.emails())
                .maxHistoryMessages(2 * THREADS * TURNS + 2)
                // this test is about lost or mixed-up turns, not time: a GC pause on a loaded 2-core
                // machine must not turn a turn into a fail-closed timeout block
                .policyTimeout(java.time.Duration.ofSeconds(30))
                .build()) {
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < (shared ? 1 : THREADS); t++) {
                ids.add(p.sessions().create(SessionSpec.forUser("u" + t)).id());
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                fs.add(pool.submit(() -> {
                    start.await();
                    String sid = ids.get(shared ? 0 : thread);
                    for (int i = 0; i < TURNS; i++) {
                        GovernedResponse r = p.chat(ChatRequest.of(sid, "t" + thread + "-" + i + " mail x" + i + "@example.com"));
                        assertThat(r.isDelivered()).isTrue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : fs) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            Set<String> seen = new HashSet<>();
            int userMessages = 0;
            for (String sid : ids) {
                ChatSession s = p.sessions().get(sid);
                long seq = 0;
                for (Message m : s.history()) {
                    assertThat(m.sequence()).isEqualTo(++seq);
                    if (m.role() == MessageRole.USER) {
                        userMessages++;
                        assertThat(seen.add(m.content())).as("duplicate %s", m.content()).isTrue();
                        assertThat(m.content()).contains("[EMAIL]").doesNotContain("@example.com");
                    }
                }
                List<AuditRecord> chain = p.auditSink().records(sid);
                assertThat(AuditVerifier.verify(chain).intact()).isTrue();
                assertThat(chain.stream().filter(r -> r.type() == AuditEventType.USER_MESSAGE).count())
                        .isEqualTo(s.history().stream().filter(m -> m.role() == MessageRole.USER).count());
            }
            assertThat(userMessages).isEqualTo(THREADS * TURNS);
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < TURNS; i++) {
                    assertThat(seen).contains("t" + t + "-" + i + " mail [EMAIL]");
                }
            }
            assertThat(AuditVerifier.verifyFile(file).intact()).isTrue();
        }
    }
}
