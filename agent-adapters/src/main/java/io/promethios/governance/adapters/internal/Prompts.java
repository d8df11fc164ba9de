package io.promethios.governance.adapters.internal;

import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.spi.AgentRequest;

import java.util.List;
import java.util.stream.Collectors;

/** Wording shared by the adapters. */
public final class Prompts {
    private Prompts() {
    }

    /**
     * The note that carries re-ask feedback to the model, or {@code ""} when there is none.
     * Adapters place it right after the user's message (OpenAI and Ollama: a {@code system}
     * message; Anthropic: a second text block of the last user turn).
     */
    public static String feedbackNote(List<String> feedback) {
        if (feedback.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Your previous answer to this message was rejected by governance policy for these reasons:\n");
        for (int i = 0; i < feedback.size(); i++) {
            sb.append(i + 1).append(". ").append(feedback.get(i)).append('\n');
        }
        sb.append("Answer the user's message again and address every reason above. Do not mention this note.");
        return sb.toString();
    }

    /** The history messages that may go to a provider: visible and non-empty. */
    public static List<Message> visibleHistory(AgentRequest request) {
        return request.history().stream()
                .filter(Message::isVisible)
                .filter(m -> !m.content().isEmpty())
                .collect(Collectors.toList());
    }
}
