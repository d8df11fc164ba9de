package io.promethios.governance.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTest {

    private static final String JSON = """
            [ { "benchmark": "io.promethios.governance.benchmarks.FloorBenchmark.countDigits", "mode": "avgt", "jdkVersion": "17",
                "primaryMetric": { "score": 0.5, "scoreError": 0.01, "scoreUnit": "us/op" }, "secondaryMetrics": {} },
              { "benchmark": "io.promethios.governance.benchmarks.TurnBenchmark.defaultTurn", "mode": "avgt",
                "primaryMetric": { "score": 20.0, "scoreError": 1.0, "scoreUnit": "us/op" },
                "secondaryMetrics": { "gc.alloc.rate.norm": { "score": 8192.0, "scoreUnit": "B/op" } } },
              { "benchmark": "io.promethios.governance.benchmarks.HistoryBenchmark.turn", "mode": "avgt", "params": { "historyTurns": "1000" },
                "primaryMetric": { "score": 30.0, "scoreError": "NaN", "scoreUnit": "us/op" }, "secondaryMetrics": {} } ]
            """;

    @Test
    void readsScoresParamsAndSecondaryMetrics() throws Exception {
        Results r = new Results(Results.parse(JSON));

        assertThat(r.score("FloorBenchmark.countDigits")).contains(0.5);
        assertThat(r.score("HistoryBenchmark.turn", "historyTurns", "1000")).contains(30.0);
        assertThat(r.score("HistoryBenchmark.turn", "historyTurns", "10")).isEmpty();
        assertThat(r.secondary("TurnBenchmark.defaultTurn", "gc.alloc.rate.norm")).contains(8192.0);
    }

    @Test
    void reportsTargetsAsMetOrMissedByHowMuch() throws Exception {
        String md = new Results(Results.parse(JSON)).markdown("test", Map.of("CPU", "test"));

        assertThat(Results.atMost(Optional.of(20.0), 10)).isEqualTo("**missed** by 2.00×");
        assertThat(Results.atLeast(Optional.of(40.0), 30)).isEqualTo("**met**");
        assertThat(md).contains("| default turn / floor | 40.0× |").contains("| ≤ 4 KB allocated per turn | 8.00 KB | **missed** by 2.00× |");
    }
}
