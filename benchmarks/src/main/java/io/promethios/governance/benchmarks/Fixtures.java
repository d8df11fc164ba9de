package io.promethios.governance.benchmarks;

import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.audit.AuditSink;
import io.promethios.governance.core.session.InMemorySessionStore;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.Policy;

import java.util.List;

/** Shared set-up: the 1 KB texts and a pipeline with everything default except what a benchmark varies. */
final class Fixtures {

    /** 1 KB of user text. */
    static final String IN_1K = Texts.prose(1024, 1);
    /** 1 KB of agent answer. */
    static final String OUT_1K = Texts.prose(1024, 2);

    private Fixtures() {
    }

    /**
     * A pipeline with the given agent and policies, the default trust scorer and rule observer,
     * a default (Caffeine) session store the caller can reach, and {@code sink} as audit sink.
     * Message and history bounds are raised just enough for the largest benchmark input.
     */
    static GovernancePipeline pipeline(AgentAdapter agent, List<Policy> policies, AuditSink sink, InMemorySessionStore store,
                                       int maxMessageChars) {
        GovernancePipeline.Builder b = GovernancePipeline.builder()
                .agent(agent)
                .addPolicies(policies)
                .auditSink(sink)
                .sessionStore(store);
        if (maxMessageChars > GovernancePipeline.Builder.DEFAULT_MAX_MESSAGE_CHARS) {
            b.maxMessageChars(maxMessageChars);
        }
        return b.build();
    }

    /** The full default turn: the default policy set, 1 KB answer, chain-only audit. */
    static GovernancePipeline defaultPipeline(InMemorySessionStore store) {
        return pipeline(new StubAgent("stub", OUT_1K), DefaultPolicies.create(), new RetentionFreeAuditSink(), store, 0);
    }
}
