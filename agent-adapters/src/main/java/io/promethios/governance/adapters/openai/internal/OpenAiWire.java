package io.promethios.governance.adapters.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.promethios.governance.adapters.ToolDefinition;
import io.promethios.governance.adapters.internal.AgentErrors;
import io.promethios.governance.adapters.internal.Calls;
import io.promethios.governance.adapters.internal.Json;
import io.promethios.governance.adapters.internal.Prompts;
import io.promethios.governance.adapters.openai.internal.ChatCompletionRequest.ChatMessage;
import io.promethios.governance.adapters.openai.internal.ChatCompletionResponse.Choice;
import io.promethios.governance.adapters.openai.internal.ChatCompletionResponse.ResponseMessage;
import io.promethios.governance.adapters.openai.internal.ChatCompletionResponse.WireToolCall;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.ToolCall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Maps between core types and the Chat Completions wire format. Stateless. */
public final class OpenAiWire {
    private OpenAiWire() {
    }

    /**
     * The request body: {@code system} prompt first, visible history (USER {@code user}, AGENT
     * {@code assistant}, SYSTEM {@code system}), the user message, then re-ask feedback as a
     * {@code system} message.
     */
    public static ChatCompletionRequest toRequest(AgentRequest request, String model, boolean stream, boolean useMaxCompletionTokens,
                                                  List<ToolDefinition> tools) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!request.systemPrompt().isEmpty()) {
            messages.add(new ChatMessage("system", request.systemPrompt()));
        }
        for (Message m : Prompts.visibleHistory(request)) {
            messages.add(new ChatMessage(role(m), m.content()));
        }
        messages.add(new ChatMessage("user", request.message()));
        String note = Prompts.feedbackNote(request.feedback());
        if (!note.isEmpty()) {
            messages.add(new ChatMessage("system", note));
        }
        Integer max = request.maxTokens().isPresent() ? request.maxTokens().getAsInt() : null;
        List<ChatCompletionRequest.Tool> wireTools = tools.isEmpty() ? null : tools.stream()
                .map(t -> new ChatCompletionRequest.Tool("function",
                        new ChatCompletionRequest.Function(t.name(), t.description(), t.parametersJson())))
                .toList();
        return new ChatCompletionRequest(
                model.isEmpty() ? null : model,
                messages,
                request.temperature().isPresent() ? request.temperature().getAsDouble() : null,
                useMaxCompletionTokens ? null : max,
                useMaxCompletionTokens ? max : null,
                stream ? Boolean.TRUE : null,
                stream ? new ChatCompletionRequest.StreamOptions(true) : null,
                wireTools);
    }

    private static String role(Message m) {
        switch (m.role()) {
            case AGENT: return "assistant";
            case SYSTEM: return "system";
            default: return "user";
        }
    }

    /** Serializes a request body. */
    public static String write(ChatCompletionRequest body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize request", e);
        }
    }

    /** Parses one JSON document into a response; malformed or {@code null} documents are a bad response. */
    public static ChatCompletionResponse parse(String json, AgentErrors errors) {
        ChatCompletionResponse r;
        try {
            r = Json.MAPPER.readValue(json, ChatCompletionResponse.class);
        } catch (JsonProcessingException e) {
            throw errors.malformed("not a chat completion (" + e.getClass().getSimpleName() + ")", e);
        }
        if (r == null) {
            throw errors.malformed("empty body", null);
        }
        return r;
    }

    /** Maps a non-streaming response. */
    public static AgentReply toReply(String json, String configuredModel, long startNanos, AgentErrors errors) {
        ChatCompletionResponse r = parse(json, errors);
        if (r.choices() == null || r.choices().isEmpty() || r.choices().get(0) == null) {
            throw errors.malformed("no choices", null);
        }
        Choice choice = r.choices().get(0);
        ResponseMessage message = choice.message();
        if (message == null) {
            throw errors.malformed("choice without message", null);
        }
        String content = message.content() != null ? message.content() : message.refusal() != null ? message.refusal() : "";
        List<ToolCall> calls = new ArrayList<>();
        if (message.toolCalls() != null) {
            for (WireToolCall call : message.toolCalls()) {
                if (call == null || call.function() == null || call.function().name() == null) {
                    throw errors.malformed("tool call without function name", null);
                }
                calls.add(new ToolCall(call.id(), call.function().name(), argumentsOrEmpty(call.function().arguments())));
            }
        }
        return new AgentReply(content, modelOr(r.model(), configuredModel),
                r.usage() == null ? null : Calls.usage(r.usage().promptTokens(), r.usage().completionTokens()),
                Duration.ofNanos(System.nanoTime() - startNanos), calls, choice.finishReason());
    }

    private static String argumentsOrEmpty(String arguments) {
        return arguments == null || arguments.isEmpty() ? "{}" : arguments;
    }

    private static String modelOr(String reported, String configured) {
        return reported == null || reported.isEmpty() ? configured : reported;
    }

    /**
     * Accumulates a streamed answer: content deltas, tool-call deltas (joined by {@code index}),
     * the finish reason and the final usage chunk. Not thread-safe; one per call.
     */
    public static final class StreamAccumulator {
        private final AgentErrors errors;
        private final String configuredModel;
        private final long startNanos;
        private final Consumer<String> tokens;
        private final StringBuilder content = new StringBuilder();
        private final Map<Integer, String[]> toolCalls = new TreeMap<>(); // index -> {id, name}
        private final Map<Integer, StringBuilder> toolArgs = new TreeMap<>();
        private String model;
        private String finishReason;
        private ChatCompletionResponse.Usage usage;
        private boolean done;

        public StreamAccumulator(AgentErrors errors, String configuredModel, long startNanos, Consumer<String> tokens) {
            this.errors = errors;
            this.configuredModel = configuredModel;
            this.startNanos = startNanos;
            this.tokens = tokens;
        }

        /** Handles one SSE event; returns {@code false} after {@code [DONE]}. */
        public boolean onEvent(String data) {
            if (data.strip().equals("[DONE]")) {
                done = true;
                return false;
            }
            ChatCompletionResponse chunk = parseChunk(data);
            if (chunk.model() != null && !chunk.model().isEmpty()) {
                model = chunk.model();
            }
            if (chunk.usage() != null) {
                usage = chunk.usage();
            }
            if (chunk.choices() != null) {
                for (Choice choice : chunk.choices()) {
                    if (choice == null || (choice.index() != null && choice.index() != 0)) {
                        continue; // only the first choice is used (n = 1)
                    }
                    if (choice.finishReason() != null) {
                        finishReason = choice.finishReason();
                    }
                    ResponseMessage delta = choice.delta();
                    if (delta == null) {
                        continue;
                    }
                    if (delta.content() != null && !delta.content().isEmpty()) {
                        content.append(delta.content());
                        tokens.accept(delta.content());
                    }
                    if (delta.toolCalls() != null) {
                        for (WireToolCall call : delta.toolCalls()) {
                            addToolDelta(call);
                        }
                    }
                }
            }
            return true;
        }

        /** Parses a chunk once as a tree: an {@code error} object is mapped, anything else bound. */
        private ChatCompletionResponse parseChunk(String data) {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(data);
            } catch (JsonProcessingException e) {
                throw errors.malformed("stream chunk is not JSON", e);
            }
            if (node == null || !node.isObject()) {
                throw errors.malformed("stream chunk is not a JSON object", null);
            }
            if (node.has("error")) {
                JsonNode code = node.path("error").path("code");
                throw errors.fromStreamError(code.isInt() ? code.asInt() : 500, data);
            }
            try {
                return Json.MAPPER.treeToValue(node, ChatCompletionResponse.class);
            } catch (JsonProcessingException e) {
                throw errors.malformed("not a chat completion chunk (" + e.getClass().getSimpleName() + ")", e);
            }
        }

        private void addToolDelta(WireToolCall call) {
            if (call == null) {
                return;
            }
            int index = call.index() == null ? 0 : call.index();
            String[] head = toolCalls.computeIfAbsent(index, i -> new String[] {null, null});
            if (call.id() != null) {
                head[0] = call.id();
            }
            if (call.function() != null) {
                if (call.function().name() != null) {
                    head[1] = call.function().name();
                }
                if (call.function().arguments() != null) {
                    toolArgs.computeIfAbsent(index, i -> new StringBuilder()).append(call.function().arguments());
                }
            }
        }

        /** The reply; a stream without {@code [DONE]} is truncated. */
        public AgentReply finish() {
            if (!done) {
                throw errors.truncatedStream("data: [DONE]");
            }
            List<ToolCall> calls = new ArrayList<>();
            for (Map.Entry<Integer, String[]> e : toolCalls.entrySet()) {
                String name = e.getValue()[1];
                if (name == null) {
                    throw errors.malformed("streamed tool call without function name", null);
                }
                StringBuilder args = toolArgs.get(e.getKey());
                calls.add(new ToolCall(e.getValue()[0], name, argumentsOrEmpty(args == null ? null : args.toString())));
            }
            return new AgentReply(content.toString(), modelOr(model, configuredModel),
                    usage == null ? null : Calls.usage(usage.promptTokens(), usage.completionTokens()),
                    Duration.ofNanos(System.nanoTime() - startNanos), calls, finishReason);
        }
    }
}
