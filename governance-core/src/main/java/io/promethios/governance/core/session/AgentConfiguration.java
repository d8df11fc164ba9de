package io.promethios.governance.core.session;

import java.util.List;
import java.util.Objects;

/**
 * Which agents serve a session. Single-agent sessions name one agent (or none, meaning the
 * pipeline's default agent); multi-agent sessions name several and a coordination strategy.
 *
 * @param mode     single or multi
 * @param agentIds agent ids; empty means the pipeline's default agent (single mode only)
 * @param strategy for multi mode: {@code sequential}, {@code parallel}, {@code hierarchical} or
 *                 {@code collaborative}; {@code ""} for single mode
 * @since 0.1
 */
public record AgentConfiguration(Mode mode, List<String> agentIds, String strategy) {

    /** Single or multi-agent. */
    public enum Mode { SINGLE, MULTI }

    private static final AgentConfiguration DEFAULT = new AgentConfiguration(Mode.SINGLE, List.of(), "");

    public AgentConfiguration {
        Objects.requireNonNull(mode, "mode");
        agentIds = List.copyOf(agentIds);
        strategy = strategy == null ? "" : strategy;
        if (mode == Mode.SINGLE && agentIds.size() > 1) {
            throw new IllegalArgumentException("a single-agent configuration names at most one agent, but named " + agentIds);
        }
        if (mode == Mode.MULTI && agentIds.size() < 2) {
            throw new IllegalArgumentException("a multi-agent configuration names at least two agents, but named " + agentIds);
        }
    }

    /** The pipeline's default agent. */
    public static AgentConfiguration defaultAgent() {
        return DEFAULT;
    }

    public static AgentConfiguration single(String agentId) {
        return new AgentConfiguration(Mode.SINGLE, List.of(agentId), "");
    }

    public static AgentConfiguration multi(String strategy, List<String> agentIds) {
        return new AgentConfiguration(Mode.MULTI, agentIds, strategy);
    }
}
