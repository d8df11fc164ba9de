package io.promethios.governance.benchmarks;

import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;

import java.util.Objects;

/** An agent that returns one fixed answer at once: the model call costs nothing, so all that is measured is governance. */
final class StubAgent implements AgentAdapter {

    private final String id;
    private final AgentReply reply;

    StubAgent(String id, String answer) {
        this.id = Objects.requireNonNull(id, "id");
        this.reply = AgentReply.of(answer);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public AgentReply respond(AgentRequest request) {
        return reply;
    }
}
