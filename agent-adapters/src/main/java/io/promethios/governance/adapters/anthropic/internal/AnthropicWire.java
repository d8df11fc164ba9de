package io.promethios.governance.adapters.anthropic.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.promethios.governance.adapters.ToolDefinition;
import io.promethios.governance.adapters.internal.AgentErrors;
import io.promethios.governance.adapters.internal.Calls;
import io.promethios.governance.adapters.internal.Json;
import io.promethios.governance.adapters.internal.Prompts;
import io.promethios.governance.adapters.anthropic.internal.MessagesRequest.InputMessage;
import io.promethios.governance.adapters.anthropic.internal.MessagesRequest.TextBlock;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.session.MessageRole;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.ToolCall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Maps between core types and the Messages API wire format. Stateless. */
public final class AnthropicWire {
    private AnthropicWire() {
    }

    /**
     * The request body. The system prompt and visible SYSTEM history messages form the top-level
     * {@code system} field; USER and AGENT history become {@code user} and {@code assistant}
     * messages, consecutive messages of one role merged (the API expects alternating roles). The
     * user message closes the list; re-ask feedback is a second text block of that last user turn.
     */
    public static MessagesRequest toRequest(AgentRequest request, String model, int defaultMaxTokens, boolean stream, List<ToolDefinition> tools) {
        List<String> system = new ArrayList<>();
        if (!request.systemPrompt().isEmpty()) {
            system.add(request.systemPrompt());
        }
        List<String[]> turns = new ArrayList<>(); // {role, text}
        for (Message m : Prompts.visibleHistory(request)) {
            if (m.role() == MessageRole.SYSTEM) {
                system.add(m.content());
            } else {
                addTurn(turns, m.role() == MessageRole.AGENT ? "assistant" : "user", m.content());
            }
        }
        addTurn(turns, "user", request.message());
        List<InputMessage> messages = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            String[] t = turns.get(i);
            boolean last = i == turns.size() - 1;
            String note = Prompts.feedbackNote(request.feedback());
            if (last && !note.isEmpty()) {
                messages.add(new InputMessage(t[0], List.of(TextBlock.of(t[1]), TextBlock.of(note))));
            } else {
                messages.add(new InputMessage(t[0], t[1]));
            }
        }
        int maxTokens = request.maxTokens().isPresent() ? request.maxTokens().getAsInt() : defaultMaxTokens;
        List<MessagesRequest.Tool> wireTools = tools.isEmpty() ? null : tools.stream()
                .map(t -> new MessagesRequest.Tool(t.name(), t.description(), t.parametersJson()))
                .toList();
        return new MessagesRequest(model, maxTokens, system.isEmpty() ? null : String.join("\n\n", system), messages,
                request.temperature().isPresent() ? request.temperature().getAsDouble() : null,
                stream ? Boolean.TRUE : null, wireTools);
    }

    private static void addTurn(List<String[]> turns, String role, String text) {
        if (!turns.isEmpty() && turns.get(turns.size() - 1)[0].equals(role)) {
            String[] prev = turns.get(turns.size() - 1);
            prev[1] = prev[1] + "\n\n" + text;
        } else {
            turns.add(new String[] {role, text});
        }
    }

    public static String write(MessagesRequest body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize request", e);
        }
    }

    private static <T> T parse(String json, Class<T> type, String what, AgentErrors errors) {
        T value;
        try {
            value = Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw errors.malformed("not a " + what + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (value == null) {
            throw errors.malformed("empty " + what, null);
        }
        return value;
    }

    /** Maps a non-streaming response: text blocks concatenated, {@code tool_use} blocks as tool calls. */
    public static AgentReply toReply(String json, String configuredModel, long startNanos, AgentErrors errors) {
        MessagesResponse r = parse(json, MessagesResponse.class, "message", errors);
        if (r.content() == null) {
            throw errors.malformed("message without content", null);
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (MessagesResponse.ContentBlock block : r.content()) {
            if (block == null || block.type() == null) {
                throw errors.malformed("content block without type", null);
            }
            if (block.type().equals("text")) {
                text.append(block.text() == null ? "" : block.text());
            } else if (block.type().equals("tool_use")) {
                if (block.name() == null) {
                    throw errors.malformed("tool_use block without name", null);
                }
                calls.add(new ToolCall(block.id(), block.name(), block.input() == null ? "{}" : block.input().toString()));
            }
        }
        return new AgentReply(text.toString(), modelOr(r.model(), configuredModel),
                r.usage() == null ? null : Calls.usage(r.usage().inputTokens(), r.usage().outputTokens()),
                Duration.ofNanos(System.nanoTime() - startNanos), calls, r.stopReason());
    }

    private static String modelOr(String reported, String configured) {
        return reported == null || reported.isEmpty() ? configured : reported;
    }

    /** The HTTP status an Anthropic error type stands for, so one mapping serves both. */
    static int statusOf(String errorType) {
        switch (errorType == null ? "" : errorType) {
            case "invalid_request_error": return 400;
            case "authentication_error": return 401;
            case "permission_error": return 403;
            case "not_found_error": return 404;
            case "request_too_large": return 413;
            case "rate_limit_error": return 429;
            case "overloaded_error": return 529;
            case "timeout_error": return 408;
            default: return 500;
        }
    }

    /** Accumulates a streamed message. Not thread-safe; one per call. */
    public static final class StreamAccumulator {
        private final AgentErrors errors;
        private final String configuredModel;
        private final long startNanos;
        private final Consumer<String> tokens;
        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, String[]> tools = new TreeMap<>(); // index -> {id, name}
        private final Map<Integer, StringBuilder> toolInput = new TreeMap<>();
        private String model;
        private String stopReason;
        private Integer inputTokens;
        private Integer outputTokens;
        private boolean started;
        private boolean stopped;

        public StreamAccumulator(AgentErrors errors, String configuredModel, long startNanos, Consumer<String> tokens) {
            this.errors = errors;
            this.configuredModel = configuredModel;
            this.startNanos = startNanos;
            this.tokens = tokens;
        }

        /** Handles one event's data; returns {@code false} after {@code message_stop}. */
        public boolean onEvent(String data) {
            StreamEvent e = parse(data, StreamEvent.class, "stream event", errors);
            String type = e.type() == null ? "" : e.type();
            switch (type) {
                case "message_start":
                    started = true;
                    if (e.message() != null) {
                        model = e.message().model();
                        if (e.message().usage() != null) {
                            inputTokens = e.message().usage().inputTokens();
                            outputTokens = e.message().usage().outputTokens();
                        }
                    }
                    break;
                case "content_block_start":
                    if (e.contentBlock() != null && "tool_use".equals(e.contentBlock().type())) {
                        tools.put(index(e), new String[] {e.contentBlock().id(), e.contentBlock().name()});
                    } else if (e.contentBlock() != null && e.contentBlock().text() != null && !e.contentBlock().text().isEmpty()) {
                        emit(e.contentBlock().text());
                    }
                    break;
                case "content_block_delta":
                    if (e.delta() == null) {
                        throw errors.malformed("content_block_delta without delta", null);
                    }
                    if ("text_delta".equals(e.delta().type()) && e.delta().text() != null) {
                        emit(e.delta().text());
                    } else if ("input_json_delta".equals(e.delta().type()) && e.delta().partialJson() != null) {
                        toolInput.computeIfAbsent(index(e), i -> new StringBuilder()).append(e.delta().partialJson());
                    }
                    break;
                case "message_delta":
                    if (e.delta() != null && e.delta().stopReason() != null) {
                        stopReason = e.delta().stopReason();
                    }
                    if (e.usage() != null && e.usage().outputTokens() != null) {
                        outputTokens = e.usage().outputTokens(); // cumulative
                    }
                    if (e.usage() != null && e.usage().inputTokens() != null) {
                        inputTokens = e.usage().inputTokens();
                    }
                    break;
                case "message_stop":
                    stopped = true;
                    return false;
                case "error":
                    throw errors.fromStreamError(statusOf(e.error() == null ? null : e.error().path("type").asText(null)), data);
                default:
                    break; // ping, content_block_stop, and event types added later
            }
            return true;
        }

        private int index(StreamEvent e) {
            return e.index() == null ? 0 : e.index();
        }

        private void emit(String chunk) {
            text.append(chunk);
            tokens.accept(chunk);
        }

        /** The reply; a stream without {@code message_stop} is truncated. */
        public AgentReply finish() {
            if (!started || !stopped) {
                throw errors.truncatedStream(started ? "message_stop" : "message_start");
            }
            List<ToolCall> calls = new ArrayList<>();
            for (Map.Entry<Integer, String[]> t : tools.entrySet()) {
                if (t.getValue()[1] == null) {
                    throw errors.malformed("streamed tool_use without name", null);
                }
                StringBuilder input = toolInput.get(t.getKey());
                String args = input == null || input.length() == 0 ? "{}" : input.toString();
                calls.add(new ToolCall(t.getValue()[0], t.getValue()[1], args));
            }
            return new AgentReply(text.toString(), modelOr(model, configuredModel), Calls.usage(inputTokens, outputTokens),
                    Duration.ofNanos(System.nanoTime() - startNanos), calls, stopReason);
        }
    }
}
