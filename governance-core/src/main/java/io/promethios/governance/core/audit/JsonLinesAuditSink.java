package io.promethios.governance.core.audit;

import io.promethios.governance.core.AuditException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An append-only JSON-lines file, one record per line in the canonical form of
 * {@link AuditChain}: the embedded default.
 *
 * <p><b>Durability.</b> Each {@link #append} writes all its lines in one write; with
 * {@link FsyncPolicy#EVERY_APPEND} (the default) it also forces them to the device before
 * returning. If a write fails, the file is cut back to where it was, so a failed append leaves
 * nothing behind. After a crash during a write the last line may be torn (incomplete): such a
 * line was never acknowledged, so on opening the sink cuts it off and logs a WARN
 * ({@link #recoveredTornTailBytes()} tells how many bytes); every earlier record still verifies.
 * Any other unreadable line makes opening fail: run {@link AuditVerifier} on the file.
 *
 * <p>One sink instance per file: two processes appending to one file would fork chains.
 *
 * @since 0.1
 */
public final class JsonLinesAuditSink implements AuditSink {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    private final Path file;
    private final FsyncPolicy fsync;
    private final FileChannel channel;
    private final ChainHeads heads = new ChainHeads();
    private final long recoveredTornTailBytes;
    private long size;
    private boolean closed;

    private JsonLinesAuditSink(Path file, FsyncPolicy fsync) throws IOException {
        this.file = file;
        this.fsync = fsync;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long torn = 0;
        try {
            long length = channel.size();
            long lastNewline = recoverHeads();
            if (lastNewline < length) {
                torn = length - lastNewline;
                channel.truncate(lastNewline);
                channel.force(true);
                log.warn("Audit file {} ended with a torn line of {} bytes (an unacknowledged write interrupted by a crash); "
                        + "it was cut off, earlier records are intact", file, torn);
            }
            this.size = lastNewline;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.recoveredTornTailBytes = torn;
    }

    /** Opens (or creates) {@code file} with {@link FsyncPolicy#EVERY_APPEND}. */
    public static JsonLinesAuditSink open(Path file) {
        return open(file, FsyncPolicy.EVERY_APPEND);
    }

    /**
     * Opens (or creates) {@code file}.
     *
     * @throws AuditException if the file cannot be opened or holds an unreadable record
     */
    public static JsonLinesAuditSink open(Path file, FsyncPolicy fsync) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fsync, "fsync");
        try {
            return new JsonLinesAuditSink(file, fsync);
        } catch (IOException e) {
            throw new AuditException("Cannot open audit file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the complete lines, rebuilding chain heads; returns the offset after the last newline. */
    private long recoverHeads() throws IOException {
        long offset = 0;
        long lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = r.read()) != -1) {
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                lineNo++;
                String text = line.toString();
                offset += text.getBytes(StandardCharsets.UTF_8).length + 1;
                line.setLength(0);
                AuditRecord rec;
                try {
                    rec = AuditChain.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new AuditException("Audit file " + file + " is unreadable at line " + lineNo + ": " + e.getMessage()
                            + "; run the audit verifier on it", e);
                }
                heads.advance(rec);
            }
        }
        return offset;
    }

    @Override
    public List<AuditRecord> append(List<AuditRecord> drafts) {
        Objects.requireNonNull(drafts, "drafts");
        if (drafts.isEmpty()) {
            return List.of();
        }
        // sealing (serializing and hashing) happens under the sessions' locks only; the file lock
        // covers the write, so sessions hash in parallel and a session's lines stay in order
        List<AuditChain.Sealed> sealed = heads.append(drafts, true, this::write);
        List<AuditRecord> out = new ArrayList<>(sealed.size());
        for (AuditChain.Sealed s : sealed) {
            out.add(s.record());
        }
        return out;
    }

    private synchronized void write(List<AuditChain.Sealed> sealed) {
        if (closed) {
            throw new IllegalStateException("audit sink for " + file + " is closed");
        }
        StringBuilder lines = new StringBuilder(600 * sealed.size());
        for (AuditChain.Sealed s : sealed) {
            lines.append(s.line()).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        long start = size;
        try {
            long pos = start;
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            if (fsync == FsyncPolicy.EVERY_APPEND) {
                channel.force(false);
            }
            size = pos;
        } catch (IOException e) {
            try {
                channel.truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new AuditException("Cannot append to audit file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<AuditRecord> records(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        List<AuditRecord> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                AuditRecord rec = AuditChain.parse(line);
                if (rec.sessionId().equals(sessionId)) {
                    out.add(rec);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The file this sink appends to. */
    public Path file() {
        return file;
    }

    /** Bytes of a torn last line cut off when the file was opened; 0 if the file was clean. */
    public long recoveredTornTailBytes() {
        return recoveredTornTailBytes;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            throw new AuditException("Cannot close audit file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonLinesAuditSink[file=" + file + ", fsync=" + fsync + "]";
    }
}
