package io.promethios.governance.examples;

import io.promethios.governance.examples.cli.PromethiosCli;
import io.promethios.governance.examples.quickstart.QuickStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromethiosCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return PromethiosCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoShowsABlockARedactionATrustChangeAndAVerifiedChain(@TempDir Path dir) throws Exception {
        assertThat(run("demo", "--audit-dir", dir.toString())).isZero();
        String o = out();
        assertThat(o).contains("OFFLINE and deterministic");
        assertThat(o).contains("verdict BLOCK, status BLOCKED").contains("agent not called");
        assertThat(o).contains("verdict TRANSFORM, status TRANSFORMED").contains("stored user message: My email is [EMAIL]");
        assertThat(o).containsPattern("trust user:demo-user +0\\.667 -> 0\\.333 \\(POLICY_VIOLATION\\)");
        assertThat(o).contains("Audit verification: OK");
        Path audit = dir.resolve("audit.jsonl");
        assertThat(Files.readString(audit)).doesNotContain("jane.doe@example.com").doesNotContain("4111 1111 1111 1111");

        assertThat(run("verify-audit", audit.toString())).isZero();
        assertThat(out()).contains("OK:");

        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(audit));
        lines.set(6, lines.get(6).replaceFirst("\"turn\":\\d+", "\"turn\":99"));
        Files.write(audit, lines);
        assertThat(run("verify-audit", audit.toString())).isEqualTo(1);
        assertThat(err()).contains("BROKEN at record 7").contains("altered");
    }

    @Test
    void tornTailIsReported(@TempDir Path dir) throws Exception {
        assertThat(run("demo", "--audit-dir", dir.toString())).isZero();
        Path audit = dir.resolve("audit.jsonl");
        Files.writeString(audit, Files.readString(audit) + "{\"actor\":\"x\",\"attri", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(run("verify-audit", audit.toString())).isEqualTo(1);
        assertThat(err()).contains("TORN last line");
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() {
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(err()).contains("unknown command").contains("Usage:");
        assertThat(run("demo", "--bogus")).isEqualTo(2);
        assertThat(run("demo", "--audit-dir")).isEqualTo(2);
        assertThat(run("verify-audit")).isEqualTo(2);
        assertThat(run("verify-audit", "/no/such/file.jsonl")).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("verify-audit").contains("demo");
    }

    @Test
    void quickStartRuns() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String o = captured.toString(StandardCharsets.UTF_8);
        assertThat(o).contains("TRANSFORMED").contains("[EMAIL]").contains("BLOCKED by blocklist").contains("OK: 8 records verify");
    }
}
