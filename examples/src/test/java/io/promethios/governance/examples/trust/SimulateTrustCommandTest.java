package io.promethios.governance.examples.trust;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SimulateTrustCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SimulateTrustCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitWith2AndPrintUsage() {
        assertThat(run("--users", "1")).isEqualTo(2);
        assertThat(run("--seed")).isEqualTo(2);
        assertThat(run("--adversarial-share", "1.5")).isEqualTo(2);
        assertThat(run("--attack-rate", "NaN")).isEqualTo(2);
        assertThat(run("--turns", "x")).isEqualTo(2);
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(run("--risk-discount", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(SimulateTrustCommand.USAGE)
                .contains("--risk-discount must be in [0,1), but was 1.0");
    }

    @Test
    void missingDatasetsExitWith1() {
        assertThat(run("--datasets", "/nonexistent/datasets")).isEqualTo(1);
    }

    @Test
    void smallSeededRunIsReproducibleJson() {
        Path datasets = SimulateTrustCommand.findDatasets(Path.of("").toAbsolutePath());
        if (datasets == null && "true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("shared/datasets is required on CI");
        }
        assumeTrue(datasets != null, "shared/datasets not found");
        assertThat(run("--seed", "3", "--users", "20", "--turns", "3", "--json")).isZero();
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();
        assertThat(run("--seed", "3", "--users", "20", "--turns", "3", "--json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(first).contains("\"auc_1\":", "\"auc_3\":", "\"auc_5\":null", "\"recovery_controlled_max\":");
    }
}
