package io.promethios.governance.adapters;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promethios.governance.core.AgentAuthenticationException;
import io.promethios.governance.core.AgentBadResponseException;
import io.promethios.governance.core.AgentException;
import io.promethios.governance.core.AgentRateLimitedException;
import io.promethios.governance.core.AgentTimeoutException;
import io.promethios.governance.core.AgentUnavailableException;
import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.Verdict;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.session.MessageRole;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.AgentStreamHandler;
import io.promethios.governance.core.spi.ToolCall;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every HTTP {@link AgentAdapter} in this module shares: replies, streaming,
 * tool calls, the status-to-exception table, retries, timeouts, malformed and truncated bodies,
 * fallback and secret handling. Each adapter's test extends it and supplies the provider's
 * response shapes; provider-specific request bodies are checked there.
 */
public abstract class AgentAdapterContractTest {

    protected static final String API_KEY = "sk-test-0123456789abcdef";
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected MockWebServer server;
    protected final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** A builder with model, key and base URL pointing at {@code server} set; nothing else. */
    protected abstract HttpAgentAdapterBuilder<?, ?> newBuilder(MockWebServer server);

    /** The path the adapter must call. */
    protected abstract String expectedPath();

    /** A normal answer {@code text}, model {@link #reportedModel()}, usage 11 in / 7 out. */
    protected abstract MockResponse textResponse(String text);

    /** A complete stream of {@code chunks}, model {@link #reportedModel()}, usage 11 in / 7 out. */
    protected abstract MockResponse streamResponse(List<String> chunks);

    /** A stream of {@code chunks} cut off before its end marker. */
    protected abstract MockResponse truncatedStreamResponse(List<String> chunks);

    /** An answer asking for {@code get_weather} with {@code {"city":"Paris"}}. */
    protected abstract MockResponse toolCallResponse();

    /** An error body in the provider's shape with {@code message}. */
    protected abstract String errorBody(String message);

    /** The model the canned responses report. */
    protected abstract String reportedModel();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    protected RetryConfig testRetry(int maxAttempts) {
        return RetryConfig.custom().maxAttempts(maxAttempts).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(4))
                .random(() -> 0.5).sleeper(sleeps::add).maxRetryAfter(Duration.ofSeconds(30)).build();
    }

    protected AgentAdapter adapter(int maxAttempts) {
        return adapter(maxAttempts, b -> { });
    }

    protected AgentAdapter adapter(int maxAttempts, Consumer<HttpAgentAdapterBuilder<?, ?>> customizer) {
        HttpAgentAdapterBuilder<?, ?> b = newBuilder(server).retryConfig(testRetry(maxAttempts));
        customizer.accept(b);
        return b.build();
    }

    protected static AgentRequest request(String message) {
        return AgentRequest.of("s-1", "agent-1", message);
    }

    protected RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(r).as("request reached the server").isNotNull();
        return r;
    }

    protected static JsonNode body(RecordedRequest r) throws IOException {
        return JSON.readTree(r.getBody().readUtf8());
    }

    protected static Message message(long seq, MessageRole role, String content, ContentStatus status) {
        Verdict verdict = status == ContentStatus.BLOCKED ? Verdict.BLOCK : status == ContentStatus.HELD ? Verdict.REQUIRE_APPROVAL : Verdict.ALLOW;
        return new Message(seq, seq, role, role == MessageRole.AGENT ? "agent-1" : "user-1", content, status, verdict, Instant.now());
    }

    protected static AgentRequest fullRequest() {
        List<Message> history = List.of(
                message(1, MessageRole.USER, "first question", ContentStatus.DELIVERED),
                message(2, MessageRole.AGENT, "first answer", ContentStatus.DELIVERED),
                message(3, MessageRole.USER, "", ContentStatus.BLOCKED),
                message(4, MessageRole.AGENT, "", ContentStatus.HELD),
                message(5, MessageRole.USER, "my card is [REDACTED]", ContentStatus.TRANSFORMED),
                message(6, MessageRole.AGENT, "noted", ContentStatus.DELIVERED));
        return new AgentRequest("s-1", "agent-1", "You are terse.", history, "What now?", OptionalDouble.of(0.2), OptionalInt.of(256),
                List.of("contains a phone number"), Map.of());
    }

    /** Records a stream. */
    public static final class RecordingHandler implements AgentStreamHandler {
        public final List<String> tokens = new ArrayList<>();
        public AgentReply reply;
        public Throwable error;
        public int terminalCalls;

        @Override
        public void onToken(String chunk) {
            tokens.add(chunk);
        }

        @Override
        public void onComplete(AgentReply reply) {
            this.reply = reply;
            terminalCalls++;
        }

        @Override
        public void onError(Throwable error) {
            this.error = error;
            terminalCalls++;
        }
    }

    // ---- replies

    @Test
    void respondsWithTextModelUsageAndLatency() throws Exception {
        server.enqueue(textResponse("Hello there"));

        AgentReply reply = adapter(1).respond(request("Hi"));

        assertThat(reply.content()).isEqualTo("Hello there");
        assertThat(reply.model()).isEqualTo(reportedModel());
        assertThat(reply.usage().inputTokens()).isEqualTo(11);
        assertThat(reply.usage().outputTokens()).isEqualTo(7);
        assertThat(reply.latency()).isPositive();
        assertThat(reply.toolCalls()).isEmpty();
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo(expectedPath());
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void surfacesRequestedToolCalls() throws Exception {
        server.enqueue(toolCallResponse());

        AgentReply reply = adapter(1).respond(request("Weather in Paris?"));

        assertThat(reply.toolCalls()).hasSize(1);
        ToolCall call = reply.toolCalls().get(0);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
    }

    @Test
    void sendsOnlyVisibleHistoryAndTheFeedback() throws Exception {
        server.enqueue(textResponse("ok"));

        adapter(1).respond(fullRequest());

        String sent = take().getBody().readUtf8();
        assertThat(sent).contains("first question", "first answer", "my card is [REDACTED]", "noted", "What now?", "You are terse.");
        assertThat(sent).contains("contains a phone number");
    }

    // ---- streaming

    @Test
    void streamsTokensThenCompletesWithTheWholeReply() throws Exception {
        server.enqueue(streamResponse(List.of("Hel", "lo", " there")));
        RecordingHandler handler = new RecordingHandler();

        adapter(1).stream(request("Hi"), handler);

        assertThat(handler.error).isNull();
        assertThat(handler.tokens).containsExactly("Hel", "lo", " there");
        assertThat(handler.terminalCalls).isEqualTo(1);
        assertThat(handler.reply.content()).isEqualTo("Hello there");
        assertThat(handler.reply.model()).isEqualTo(reportedModel());
        assertThat(handler.reply.usage().inputTokens()).isEqualTo(11);
        assertThat(handler.reply.usage().outputTokens()).isEqualTo(7);
        assertThat(take().getPath()).isEqualTo(expectedPath());
    }

    @Test
    void truncatedStreamEndsWithBadResponse() {
        server.enqueue(truncatedStreamResponse(List.of("Hel", "lo")));
        RecordingHandler handler = new RecordingHandler();

        adapter(1).stream(request("Hi"), handler);

        assertThat(handler.reply).isNull();
        assertThat(handler.terminalCalls).isEqualTo(1);
        assertThat(handler.error).isInstanceOf(AgentBadResponseException.class).hasMessageContaining("truncated");
    }

    @Test
    void streamReportsHttpErrorsToOnError() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody(errorBody("bad key")));
        RecordingHandler handler = new RecordingHandler();

        adapter(3).stream(request("Hi"), handler);

        assertThat(handler.error).isInstanceOf(AgentAuthenticationException.class);
        assertThat(handler.terminalCalls).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void streamRetriesBeforeTheFirstChunk() {
        server.enqueue(new MockResponse().setResponseCode(503).setBody(errorBody("busy")));
        server.enqueue(streamResponse(List.of("ok")));
        RecordingHandler handler = new RecordingHandler();

        adapter(2).stream(request("Hi"), handler);

        assertThat(handler.error).isNull();
        assertThat(handler.reply.content()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void handlerFailureEndsTheStreamWithOnError() {
        server.enqueue(streamResponse(List.of("a", "b", "c")));
        IllegalStateException boom = new IllegalStateException("handler failed");
        List<Throwable> errors = new ArrayList<>();
        List<AgentReply> completions = new ArrayList<>();

        adapter(1).stream(request("Hi"), new AgentStreamHandler() {
            @Override
            public void onToken(String chunk) {
                throw boom;
            }

            @Override
            public void onComplete(AgentReply reply) {
                completions.add(reply);
            }

            @Override
            public void onError(Throwable error) {
                errors.add(error);
            }
        });

        assertThat(errors).containsExactly(boom);
        assertThat(completions).isEmpty();
    }

    @Test
    void noFallbackOnceTokensWereStreamed() {
        server.enqueue(truncatedStreamResponse(List.of("partial")));
        AgentAdapter backup = new AgentAdapter() {
            @Override
            public String id() {
                return "backup";
            }

            @Override
            public AgentReply respond(AgentRequest request) {
                return AgentReply.of("from backup");
            }
        };
        RecordingHandler handler = new RecordingHandler();

        adapter(1, b -> b.fallback(backup)).stream(request("Hi"), handler);

        assertThat(handler.tokens).containsExactly("partial");
        assertThat(handler.error).isInstanceOf(AgentBadResponseException.class);
        assertThat(handler.reply).isNull();
    }

    // ---- statuses and retries

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "400, AgentBadResponseException, false",
            "401, AgentAuthenticationException, false",
            "403, AgentAuthenticationException, false",
            "404, AgentBadResponseException, false",
            "408, AgentTimeoutException, true",
            "429, AgentRateLimitedException, true",
            "500, AgentUnavailableException, true",
            "503, AgentUnavailableException, true",
    })
    void mapsStatusToException(int status, String exception, boolean retriable) {
        server.enqueue(new MockResponse().setResponseCode(status).setBody(errorBody("something failed")));

        assertThatThrownBy(() -> adapter(1).respond(request("Hi")))
                .satisfies(e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(exception);
                    AgentException ae = (AgentException) e;
                    assertThat(ae.isRetriable()).isEqualTo(retriable);
                    assertThat(ae.statusCode()).hasValue(status);
                    assertThat(ae.getMessage()).contains(String.valueOf(status)).contains("something failed");
                });
    }

    @Test
    void retriesServerErrorsWithBackoffThenSucceeds() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody(errorBody("oops")));
        server.enqueue(new MockResponse().setResponseCode(503).setBody(errorBody("busy")));
        server.enqueue(textResponse("finally"));

        AgentReply reply = adapter(3).respond(request("Hi"));

        assertThat(reply.content()).isEqualTo("finally");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2)); // jitter fixed at the midpoint
    }

    @Test
    void retriesConnectionFailures() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(textResponse("ok"));

        assertThat(adapter(2).respond(request("Hi")).content()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(502).setBody(errorBody("bad gateway")));
        }

        assertThatThrownBy(() -> adapter(3).respond(request("Hi"))).isInstanceOf(AgentUnavailableException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void neverRetriesOtherClientErrors() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody(errorBody("bad request")));
        server.enqueue(textResponse("unused"));

        assertThatThrownBy(() -> adapter(3).respond(request("Hi"))).isInstanceOf(AgentBadResponseException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void honoursRetryAfterSeconds() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7").setBody(errorBody("slow down")));
        server.enqueue(textResponse("ok"));

        assertThat(adapter(2).respond(request("Hi")).content()).isEqualTo("ok");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void honoursRetryAfterHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(10).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", date).setBody(errorBody("later")));
        server.enqueue(textResponse("ok"));

        assertThat(adapter(2).respond(request("Hi")).content()).isEqualTo("ok");
        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void givesUpWhenRetryAfterExceedsTheLimit() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600").setBody(errorBody("tomorrow")));

        assertThatThrownBy(() -> adapter(3).respond(request("Hi"))).isInstanceOf(AgentRateLimitedException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    // ---- bad bodies and timeouts

    @Test
    void malformedJsonIsABadResponse() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"id\": \"x\", \"choi"));

        assertThatThrownBy(() -> adapter(3).respond(request("Hi"))).isInstanceOf(AgentBadResponseException.class)
                .hasMessageContaining("malformed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void emptyOrNullJsonIsABadResponseNotANullPointer() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("null"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(""));
        AgentAdapter adapter = adapter(1);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> adapter.respond(request("Hi"))).isInstanceOf(AgentBadResponseException.class);
        }
    }

    @Test
    void truncatedBodyIsABadResponse() {
        server.enqueue(textResponse("x".repeat(20_000)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertThatThrownBy(() -> adapter(1).respond(request("Hi"))).isInstanceOf(AgentBadResponseException.class);
    }

    @Test
    void slowServerHitsTheReadTimeout() {
        server.enqueue(textResponse("late").setHeadersDelay(700, TimeUnit.MILLISECONDS));

        assertThatThrownBy(() -> adapter(1, b -> b.readTimeout(Duration.ofMillis(100))).respond(request("Hi")))
                .isInstanceOf(AgentTimeoutException.class);
    }

    @Test
    void slowServerHitsTheCallTimeout() {
        server.enqueue(textResponse("late").setBodyDelay(700, TimeUnit.MILLISECONDS));

        assertThatThrownBy(() -> adapter(1, b -> b.timeout(Duration.ofMillis(150))).respond(request("Hi")))
                .isInstanceOf(AgentTimeoutException.class);
    }

    @Test
    void timeoutWhileReadingTheAnswerIsRetried() {
        server.enqueue(textResponse("late").setBodyDelay(700, TimeUnit.MILLISECONDS));
        server.enqueue(textResponse("on time"));

        AgentReply reply = adapter(2, b -> b.timeout(Duration.ofMillis(250))).respond(request("Hi"));

        assertThat(reply.content()).isEqualTo("on time");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void oneAdapterServesConcurrentCalls() throws Exception {
        int calls = 8;
        for (int i = 0; i < calls; i++) {
            server.enqueue(textResponse("same answer"));
        }
        AgentAdapter adapter = adapter(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<AgentReply>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                futures.add(pool.submit(() -> adapter.respond(request("question " + n))));
            }
            for (var f : futures) {
                assertThat(f.get(5, TimeUnit.SECONDS).content()).isEqualTo("same answer");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(calls);
    }

    @Test
    void unreachableServerIsUnavailable() throws IOException {
        AgentAdapter adapter = adapter(2);
        server.shutdown();

        assertThatThrownBy(() -> adapter.respond(request("Hi"))).isInstanceOf(AgentUnavailableException.class);
        assertThat(sleeps).hasSize(1);
    }

    // ---- fallback

    @Test
    void fallsBackWhenThePrimaryFails() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody(errorBody("down")));
        AgentAdapter backup = new AgentAdapter() {
            @Override
            public String id() {
                return "backup";
            }

            @Override
            public AgentReply respond(AgentRequest request) {
                return AgentReply.of("from backup");
            }
        };

        AgentAdapter adapter = adapter(1, b -> b.fallback(backup));

        assertThat(adapter.respond(request("Hi")).content()).isEqualTo("from backup");
        server.enqueue(new MockResponse().setResponseCode(500).setBody(errorBody("down")));
        RecordingHandler handler = new RecordingHandler();
        adapter.stream(request("Hi"), handler);
        assertThat(handler.reply.content()).isEqualTo("from backup");
    }

    // ---- secrets and logging

    @Test
    void apiKeyNeverAppearsInToStringOrExceptionMessages() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody(errorBody("Incorrect API key provided: " + API_KEY)));
        AgentAdapter adapter = adapter(1);

        assertThat(adapter.toString()).doesNotContain(API_KEY);
        assertThat(newBuilder(server).toString()).doesNotContain(API_KEY);
        assertThatThrownBy(() -> adapter.respond(request("Hi")))
                .isInstanceOf(AgentAuthenticationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(API_KEY).doesNotContain("0123456789abcdef"));
    }

    @Test
    void traceHttpLoggingRedactsCredentialHeaders() throws Exception {
        Logger http = (Logger) LoggerFactory.getLogger("io.promethios.governance.adapters.http");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        http.addAppender(appender);
        http.setLevel(Level.TRACE);
        try {
            server.enqueue(textResponse("Hello there"));
            adapter(1, b -> b.logHttp(true)).respond(request("Hi"));
        } finally {
            http.detachAppender(appender);
            http.setLevel(null);
        }
        String logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat);
        assertThat(logged).contains("-->", "<--", expectedPath().replaceAll("\\?.*", ""));
        assertThat(logged).doesNotContain(API_KEY).contains("██");
        assertThat(appender.list).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.TRACE));
    }

    @Test
    void logsNoPromptOrAnswerTextAboveTrace() {
        Logger adapters = (Logger) LoggerFactory.getLogger("io.promethios.governance.adapters");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        adapters.addAppender(appender);
        adapters.setLevel(Level.DEBUG);
        try {
            server.enqueue(textResponse("ANSWER-TEXT-77"));
            server.enqueue(new MockResponse().setResponseCode(503).setBody(errorBody("busy")));
            server.enqueue(streamResponse(List.of("ANSWER-", "TEXT-78")));
            AgentAdapter adapter = adapter(2, b -> b.logHttp(true));
            adapter.respond(request("PROMPT-TEXT-42"));
            adapter.stream(request("PROMPT-TEXT-43"), new RecordingHandler());
        } finally {
            adapters.detachAppender(appender);
            adapters.setLevel(null);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("PROMPT-TEXT").doesNotContain("ANSWER-TEXT").doesNotContain(API_KEY));
    }
}
