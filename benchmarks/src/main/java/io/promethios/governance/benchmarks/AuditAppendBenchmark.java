package io.promethios.governance.benchmarks;

import io.promethios.governance.core.audit.AuditEventType;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.audit.AuditSink;
import io.promethios.governance.core.audit.FsyncPolicy;
import io.promethios.governance.core.audit.InMemoryAuditSink;
import io.promethios.governance.core.audit.JsonLinesAuditSink;
import io.promethios.governance.core.trust.TrustSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Appending one turn's audit records (user message 1 KB, agent message 1 KB, trust update) to the
 * real sinks: in memory, and a JSON-lines file without and with fsync per append. A fresh sink
 * (and file, in a temporary directory on the working directory's file system) per iteration,
 * so the in-memory sink's retained records and the file size stay bounded. The fsync number
 * depends entirely on the device.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class AuditAppendBenchmark {

    @Param({"memory", "file", "file-fsync"})
    public String sink;

    private Path dir;
    private AuditSink target;
    private List<AuditRecord> drafts;
    private int iteration;

    @Setup(Level.Trial)
    public void setUpTrial() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "audit-bench");
        Instant now = Instant.now();
        TrustSnapshot t = TrustSnapshot.unknown();
        drafts = List.of(
                AuditRecord.draft("bench-audit", AuditEventType.USER_MESSAGE, now, "bench-user", "default", 1, "DELIVERED", "ALLOW",
                        Fixtures.IN_1K, "0".repeat(64), List.of(), t, Map.of()),
                AuditRecord.draft("bench-audit", AuditEventType.AGENT_MESSAGE, now, "stub", "default", 1, "DELIVERED", "ALLOW",
                        Fixtures.OUT_1K, "0".repeat(64), List.of(), t, Map.of("model", "stub", "turnStatus", "DELIVERED")),
                AuditRecord.draft("bench-audit", AuditEventType.TRUST_UPDATE, now, "system", "default", 1, "", "", "", "", List.of(), t,
                        Map.of("USER:bench-user", "0.500000->0.550000 CLEAN_TURN w=1.00")));
    }

    @Setup(Level.Iteration)
    public void open() {
        iteration++;
        target = switch (sink) {
            case "memory" -> new InMemoryAuditSink();
            case "file" -> JsonLinesAuditSink.open(dir.resolve("audit-" + iteration + ".jsonl"), FsyncPolicy.NEVER);
            case "file-fsync" -> JsonLinesAuditSink.open(dir.resolve("audit-" + iteration + ".jsonl"), FsyncPolicy.EVERY_APPEND);
            default -> throw new IllegalArgumentException("unknown sink " + sink);
        };
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        target.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        Files.deleteIfExists(dir);
    }

    /** One append of a turn's three records. */
    @Benchmark
    public List<AuditRecord> append() {
        return target.append(drafts);
    }
}
