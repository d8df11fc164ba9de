package io.promethios.governance.benchmarks;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;

import java.util.List;
import java.util.Locale;

/**
 * The same checks as {@link DefaultPolicies} (e-mail and card-number redaction, injection phrase
 * list, on input and output), written the way LangChain4j users write them: input and output
 * guardrail classes with regexes and a phrase list, attached to an {@link AiServices} assistant
 * backed by a stub {@link ChatModel}.
 */
final class LangChain4jPeer {

    /** The AI service interface, as users declare it. */
    interface Assistant {
        String chat(String message);
    }

    /** A chat model answering a fixed text at once. */
    static final class StubChatModel implements ChatModel {
        private final ChatResponse response;

        StubChatModel(String answer) {
            this.response = ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            return response;
        }
    }

    static String redact(String text) {
        String t = DefaultPolicies.EMAIL.matcher(text).replaceAll("[EMAIL]");
        return DefaultPolicies.CARD.matcher(t).replaceAll("[CARD_NUMBER]");
    }

    static String listedPhrase(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : DefaultPolicies.INJECTION_PHRASES) {
            if (lower.contains(phrase)) {
                return phrase;
            }
        }
        return null;
    }

    /** Redacts e-mail addresses and card numbers in the user message. */
    static final class PiiInputGuardrail implements InputGuardrail {
        @Override
        public InputGuardrailResult validate(UserMessage userMessage) {
            String text = userMessage.singleText();
            String redacted = redact(text);
            return redacted.equals(text) ? success() : successWith(redacted);
        }
    }

    /** Rejects a user message containing a listed injection phrase. */
    static final class InjectionInputGuardrail implements InputGuardrail {
        @Override
        public InputGuardrailResult validate(UserMessage userMessage) {
            String phrase = listedPhrase(userMessage.singleText());
            return phrase == null ? success() : fatal("prompt injection detected");
        }
    }

    /** Redacts e-mail addresses and card numbers in the answer. */
    static final class PiiOutputGuardrail implements OutputGuardrail {
        @Override
        public OutputGuardrailResult validate(AiMessage responseFromLLM) {
            String text = responseFromLLM.text();
            String redacted = redact(text);
            return redacted.equals(text) ? success() : successWith(redacted);
        }
    }

    /** Rejects an answer containing a listed phrase. */
    static final class KeywordOutputGuardrail implements OutputGuardrail {
        @Override
        public OutputGuardrailResult validate(AiMessage responseFromLLM) {
            String phrase = listedPhrase(responseFromLLM.text());
            return phrase == null ? success() : fatal("listed phrase in answer");
        }
    }

    private LangChain4jPeer() {
    }

    /** An assistant with the guardrails. */
    static Assistant guarded(String answer) {
        return AiServices.builder(Assistant.class)
                .chatModel(new StubChatModel(answer))
                .inputGuardrails(List.of(new PiiInputGuardrail(), new InjectionInputGuardrail()))
                .outputGuardrails(List.of(new PiiOutputGuardrail(), new KeywordOutputGuardrail()))
                .build();
    }

    /** The same assistant without guardrails: LangChain4j's own cost of a call. */
    static Assistant unguarded(String answer) {
        return AiServices.builder(Assistant.class).chatModel(new StubChatModel(answer)).build();
    }
}
