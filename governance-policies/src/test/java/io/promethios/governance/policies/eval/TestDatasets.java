package io.promethios.governance.policies.eval;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finds {@code shared/datasets} for tests: fails when {@code CI=true} and it is missing, skips (saying why) otherwise. */
public final class TestDatasets {

    private TestDatasets() {
    }

    /** The datasets directory above the working directory; never returns without one. */
    public static Path locateOrSkip(String whatIsSkipped) {
        Optional<Path> ds = StandardEvaluation.locateDatasets(Path.of(""));
        if (ds.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("shared/datasets not found above " + Path.of("").toAbsolutePath() + " and CI=true");
            }
            assumeTrue(false, "shared/datasets not found; skipping " + whatIsSkipped + " outside CI");
        }
        return ds.get();
    }
}
