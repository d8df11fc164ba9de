package io.promethios.governance.core.internal;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.GovernanceContext;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.StageTiming;
import io.promethios.governance.core.spi.Stage;


/** The chain as seen by the stage at {@code index}; {@link #proceed} runs stage {@code index}. */
final class RealStageChain implements Stage.Chain {

    private final Stage[] stages;
    private final String[] names;
    private final int index;
    private final TurnState state;
    private final ChatRequest request;
    private boolean proceeded;
    private long nestedNanos;

    RealStageChain(Stage[] stages, String[] names, int index, TurnState state, ChatRequest request) {
        this.stages = stages;
        this.names = names;
        this.index = index;
        this.state = state;
        this.request = request;
    }

    @Override
    public ChatRequest request() {
        return request;
    }

    @Override
    public GovernanceContext context() {
        return state;
    }

    @Override
    public GovernedResponse proceed(ChatRequest next) {
        if (next == null) {
            throw new NullPointerException(caller() + " passed a null request to proceed()");
        }
        if (proceeded) {
            throw new IllegalStateException(caller() + " must call proceed() at most once");
        }
        proceeded = true;
        if (index >= stages.length) {
            throw new IllegalStateException("the chain ended without an answer: the routing stage must be last");
        }
        if (!next.sessionId().equals(state.session.id())) {
            throw new IllegalStateException(caller() + " changed the session id of the request");
        }
        RealStageChain downstream = new RealStageChain(stages, names, index + 1, state, next);
        long t0 = System.nanoTime();
        GovernedResponse response = stages[index].apply(downstream);
        long total = System.nanoTime() - t0;
        nestedNanos = total;
        state.timings.add(new StageTiming(names[index], total - downstream.nestedNanos));
        if (response == null) {
            throw new IllegalStateException("stage " + names[index] + " returned null");
        }
        return response;
    }

    private String caller() {
        return index == 0 ? "pipeline" : "stage " + names[index - 1];
    }
}
