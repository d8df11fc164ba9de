package io.promethios.governance.examples;

import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.session.MessageRole;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.TokenUsage;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * An offline, deterministic stand-in for a model: it answers from the (governed) message and
 * history it is given, with no network and no randomness. Its answers say so.
 */
public final class OfflineAgent implements AgentAdapter {

    public static final String ID = "offline-agent";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public AgentReply respond(AgentRequest request) {
        String m = request.message();
        String lower = m.toLowerCase(Locale.ROOT);
        String answer;
        if (lower.contains("summar")) {
            List<Message> users = request.history().stream().filter(x -> x.role() == MessageRole.USER).toList();
            StringBuilder b = new StringBuilder("[offline agent] Here is what I was shown of our conversation (")
                    .append(users.size()).append(" earlier messages):");
            for (Message u : users) {
                b.append("\n  - ").append(u.content());
            }
            answer = b.toString();
        } else if (lower.contains("contact")) {
            answer = "[offline agent] You can reach our support desk at help@promethios.example.";
        } else {
            answer = "[offline agent] I received " + m.length() + " characters: \"" + m + "\"";
        }
        int words = m.split("\\s+").length;
        return new AgentReply(answer, "offline-deterministic", TokenUsage.of(words, answer.split("\\s+").length), Duration.ZERO,
                List.of(), "stop");
    }
}
