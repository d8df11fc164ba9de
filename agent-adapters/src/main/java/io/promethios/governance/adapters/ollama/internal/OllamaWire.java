package io.promethios.governance.adapters.ollama.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.promethios.governance.adapters.ToolDefinition;
import io.promethios.governance.adapters.internal.AgentErrors;
import io.promethios.governance.adapters.internal.Calls;
import io.promethios.governance.adapters.internal.Json;
import io.promethios.governance.adapters.internal.Prompts;
import io.promethios.governance.adapters.ollama.internal.ChatRequest.ChatMessage;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.ToolCall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Maps between core types and Ollama's chat wire format. Stateless. */
public final class OllamaWire {
    private OllamaWire() {
    }

    /** Same message layout as OpenAI: system prompt, visible history, user message, feedback as {@code system}. */
    public static ChatRequest toRequest(AgentRequest request, String model, boolean stream, List<ToolDefinition> tools) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!request.systemPrompt().isEmpty()) {
            messages.add(new ChatMessage("system", request.systemPrompt()));
        }
        for (Message m : Prompts.visibleHistory(request)) {
            messages.add(new ChatMessage(switch (m.role()) {
                case AGENT -> "assistant";
                case SYSTEM -> "system";
                default -> "user";
            }, m.content()));
        }
        messages.add(new ChatMessage("user", request.message()));
        String note = Prompts.feedbackNote(request.feedback());
        if (!note.isEmpty()) {
            messages.add(new ChatMessage("system", note));
        }
        Double temperature = request.temperature().isPresent() ? request.temperature().getAsDouble() : null;
        Integer numPredict = request.maxTokens().isPresent() ? request.maxTokens().getAsInt() : null;
        ChatRequest.Options options = temperature == null && numPredict == null ? null : new ChatRequest.Options(temperature, numPredict);
        List<ChatRequest.Tool> wireTools = tools.isEmpty() ? null : tools.stream()
                .map(t -> new ChatRequest.Tool("function", new ChatRequest.Function(t.name(), t.description(), t.parametersJson())))
                .toList();
        return new ChatRequest(model, messages, stream, options, wireTools);
    }

    public static String write(ChatRequest body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize request", e);
        }
    }

    static ChatResponse parse(String json, AgentErrors errors) {
        ChatResponse r;
        try {
            r = Json.MAPPER.readValue(json, ChatResponse.class);
        } catch (JsonProcessingException e) {
            throw errors.malformed("not an Ollama chat response (" + e.getClass().getSimpleName() + ")", e);
        }
        if (r == null) {
            throw errors.malformed("empty body", null);
        }
        if (r.error() != null) {
            throw errors.fromStreamError(500, json);
        }
        return r;
    }

    private static void addToolCalls(ChatResponse.ResponseMessage message, List<ToolCall> calls, AgentErrors errors) {
        if (message == null || message.toolCalls() == null) {
            return;
        }
        for (ChatResponse.WireToolCall call : message.toolCalls()) {
            if (call == null || call.function() == null || call.function().name() == null) {
                throw errors.malformed("tool call without function name", null);
            }
            String args = call.function().arguments() == null || call.function().arguments().isNull() ? "{}"
                    : call.function().arguments().isTextual() ? call.function().arguments().asText() : call.function().arguments().toString();
            calls.add(new ToolCall("", call.function().name(), args));
        }
    }

    /** Maps a non-streaming response. */
    public static AgentReply toReply(String json, String configuredModel, long startNanos, AgentErrors errors) {
        ChatResponse r = parse(json, errors);
        if (r.message() == null) {
            throw errors.malformed("response without message", null);
        }
        List<ToolCall> calls = new ArrayList<>();
        addToolCalls(r.message(), calls, errors);
        return new AgentReply(r.message().content() == null ? "" : r.message().content(), modelOr(r.model(), configuredModel),
                Calls.usage(r.promptEvalCount(), r.evalCount()), Duration.ofNanos(System.nanoTime() - startNanos), calls, r.doneReason());
    }

    private static String modelOr(String reported, String configured) {
        return reported == null || reported.isEmpty() ? configured : reported;
    }

    /** Accumulates an NDJSON stream. Not thread-safe; one per call. */
    public static final class StreamAccumulator {
        private final AgentErrors errors;
        private final String configuredModel;
        private final long startNanos;
        private final Consumer<String> tokens;
        private final StringBuilder text = new StringBuilder();
        private final List<ToolCall> calls = new ArrayList<>();
        private ChatResponse last;
        private boolean done;

        public StreamAccumulator(AgentErrors errors, String configuredModel, long startNanos, Consumer<String> tokens) {
            this.errors = errors;
            this.configuredModel = configuredModel;
            this.startNanos = startNanos;
            this.tokens = tokens;
        }

        /** Handles one line; returns {@code false} after the {@code done: true} line. */
        public boolean onLine(String json) {
            ChatResponse r = parse(json, errors);
            if (r.message() != null) {
                String chunk = r.message().content();
                if (chunk != null && !chunk.isEmpty()) {
                    text.append(chunk);
                    tokens.accept(chunk);
                }
                addToolCalls(r.message(), calls, errors);
            }
            last = r;
            if (Boolean.TRUE.equals(r.done())) {
                done = true;
                return false;
            }
            return true;
        }

        /** The reply; a stream without a {@code done: true} line is truncated. */
        public AgentReply finish() {
            if (!done) {
                throw errors.truncatedStream("a line with \"done\": true");
            }
            return new AgentReply(text.toString(), modelOr(last.model(), configuredModel), Calls.usage(last.promptEvalCount(), last.evalCount()),
                    Duration.ofNanos(System.nanoTime() - startNanos), calls, last.doneReason());
        }
    }
}
