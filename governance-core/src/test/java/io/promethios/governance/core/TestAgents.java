package io.promethios.governance.core;

import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Agents for tests: they record every request they get. */
public final class TestAgents {
    private TestAgents() {
    }

    /** An agent answering with {@code answer.apply(request)}. */
    public static Recording answering(String id, Function<AgentRequest, String> answer) {
        return new Recording(id, answer);
    }

    /** An agent echoing the message it was given. */
    public static Recording echo() {
        return answering("echo", r -> "echo: " + r.message());
    }

    public static final class Recording implements AgentAdapter {
        private final String id;
        private final Function<AgentRequest, String> answer;
        public final List<AgentRequest> requests = new CopyOnWriteArrayList<>();

        Recording(String id, Function<AgentRequest, String> answer) {
            this.id = id;
            this.answer = answer;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public AgentReply respond(AgentRequest request) {
            requests.add(request);
            return AgentReply.of(answer.apply(request));
        }
    }
}
