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
        assertThat(o).contains("verdict TRANSFORM, status TRANSFORMED").contains("stored user message: My email is [EMAIL_ADDRESS]");
        assertThat(o).containsPattern("trust user:demo-user +0\\.666 -> 0\\.332 \\(POLICY_VIOLATION\\)");
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
    void demoUsesARealProviderWhenAsked(@TempDir Path dir) throws Exception {
        try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer()) {
            for (int i = 0; i < 5; i++) {
                server.enqueue(new okhttp3.mockwebserver.MockResponse().setHeader("Content-Type", "application/json").setBody(
                        "{\"model\":\"llama3.2:1b\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                                + "\"content\":\"A served answer " + i + "\"},\"done\":true,\"done_reason\":\"stop\","
                                + "\"prompt_eval_count\":12,\"eval_count\":5}"));
            }
            server.start();
            int code = run("demo", "--audit-dir", dir.toString(), "--provider", "ollama", "--model", "llama3.2:1b", "--base-url",
                    server.url("/").toString());
            assertThat(code).as(err()).isZero();
            assertThat(out()).contains("provider ollama, model llama3.2:1b").contains("answered by provider ollama, model llama3.2:1b")
                    .contains("A served answer");
            // the blocked turn never reached the server; the redacted one did, redacted
            assertThat(server.getRequestCount()).isEqualTo(4);
            server.takeRequest();
            String second = server.takeRequest().getBody().readUtf8();
            assertThat(second).contains("[EMAIL_ADDRESS]").doesNotContain("jane.doe@example.com");
        }
    }

    @Test
    void providerErrorsAreUsageErrors() {
        assertThat(run("demo", "--provider", "nosuch", "--model", "m")).isEqualTo(2);
        assertThat(err()).contains("Known providers");
        assertThat(run("demo", "--provider", "ollama")).isEqualTo(2);
        assertThat(err()).contains("--provider needs --model");
        assertThat(run("demo", "--provider", "ollama", "--model", "m", "--base-url", "not a url")).isEqualTo(2);
        assertThat(run("demo", "--model", "m")).isEqualTo(2);
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
