package io.promethios.governance.core;

import java.util.Objects;

/**
 * Time spent in one stage of a turn, excluding the stages it called (self time), in nanoseconds.
 * The routing stage's time includes the agent call.
 *
 * @since 0.1
 */
public record StageTiming(String stage, long nanos) {
    public StageTiming {
        Objects.requireNonNull(stage, "stage");
    }
}
