package io.promethios.governance.core.spi;

import io.promethios.governance.core.session.ChatSession;

import java.util.Map;
import java.util.Objects;

/**
 * Chooses the agent that answers a turn, once per turn before anything is evaluated. The
 * default keeps the agent the session names (or the pipeline's default agent); the
 * {@code governance-trust} module routes by trust (a low-trust agent is replaced by a fallback).
 *
 * <p><b>Threading.</b> Shared by all turns; must be thread-safe and fast. <b>Exceptions</b> fail
 * the turn.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AgentRouter {

    /** Keeps the planned agent. */
    AgentRouter PLANNED = context -> context.planned();

    /** The agent for this turn; must be one of {@code context.agents()}. */
    AgentAdapter route(Context context);

    /**
     * What a router decides from.
     *
     * @param session the session at the start of the turn
     * @param planned the agent the session names, or the default agent
     * @param agents  every agent of the pipeline, by id
     * @param trust   the pipeline's trust scorer
     */
    record Context(ChatSession session, AgentAdapter planned, Map<String, AgentAdapter> agents, TrustScorer trust) {
        public Context {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(planned, "planned");
            agents = Map.copyOf(agents);
            Objects.requireNonNull(trust, "trust");
        }
    }
}
