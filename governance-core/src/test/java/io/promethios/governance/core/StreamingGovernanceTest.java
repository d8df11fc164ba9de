package io.promethios.governance.core;

import io.promethios.governance.core.policy.KeywordPolicy;
import io.promethios.governance.core.policy.RegexRedactionPolicy;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentReply;
import io.promethios.governance.core.spi.AgentRequest;
import io.promethios.governance.core.spi.AgentStreamHandler;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingGovernanceTest {

    private static final String SECRET_MAIL = "zed.secret@corp.example";
    private static final String SECRET_KEY = "sk-live-9f8e7d6c5b4a3f2e1d0c";

    /** Streams a fixed answer in chunks of {@code size} characters, on its own thread. */
    private static AgentAdapter chunked(String answer, int size) {
        return new AgentAdapter() {
            @Override public String id() { return "streamer"; }
            @Override public AgentReply respond(AgentRequest request) { return AgentReply.of(answer); }
            @Override public void stream(AgentRequest request, AgentStreamHandler handler) {
                Thread t = new Thread(() -> {
                    for (int i = 0; i < answer.length(); i += size) {
                        handler.onToken(answer.substring(i, Math.min(answer.length(), i + size)));
                    }
                    handler.onComplete(AgentReply.of(answer));
                });
                t.start();
            }
        };
    }

    private static final class Collector implements GovernedStreamListener {
        final List<String> chunks = new CopyOnWriteArrayList<>();
        GovernedResponse completed;
        @Override public void onText(String c) { chunks.add(c); }
        @Override public void onComplete(GovernedResponse r) { completed = r; }
        String joined() { return String.join("", chunks); }
    }

    private static GovernancePipeline pipeline(AgentAdapter agent) {
        return GovernancePipeline.builder().agent(agent)
                .addPolicy(RegexRedactionPolicy.emails())
                .addPolicy(new RegexRedactionPolicy("keys", "KEY", Pattern.compile("sk-live-[a-z0-9]{20}")))
                .addPolicy(new KeywordPolicy("kw", List.of("detonator"), EnumSet.of(EnforcementPoint.OUTPUT)))
                .build();
    }

    @Test
    void secretsSplitIntoOneCharacterChunksNeverReachTheListener() {
        // every alignment of the secrets against the evaluation steps
        for (int pad = 0; pad < 2 * 32 + 8; pad++) {
            secretsNeverReachTheListener("x".repeat(pad));
        }
    }

    private void secretsNeverReachTheListener(String pad) {
        String answer = "Sure. " + pad + "Background text. ".repeat(12) + "Write to " + SECRET_MAIL + " with key " + SECRET_KEY
                + ". " + "More text follows here. ".repeat(10);
        GovernancePipeline p = pipeline(chunked(answer, 1));
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        Collector c = new Collector();

        GovernedResponse r = p.stream(ChatRequest.of(s.id(), "who do I write to?"), c);

        String expected = answer.replace(SECRET_MAIL, "[EMAIL]").replace(SECRET_KEY, "[KEY]");
        assertThat(c.joined()).isEqualTo(expected);
        for (String chunk : c.chunks) {
            assertThat(chunk).doesNotContain("zed.").doesNotContain("sk-live").doesNotContain("@corp");
        }
        assertThat(c.chunks.size()).isGreaterThan(3); // it streamed, not one final blob
        assertThat(r.status()).isEqualTo(ContentStatus.TRANSFORMED);
        assertThat(r.content()).isEqualTo(expected);
        assertThat(c.completed).isEqualTo(r);
        assertThat(p.sessions().history(s.id())).extracting(Message::content).last().isEqualTo(expected);
        assertThat(p.auditSink().records(s.id())).noneMatch(a -> a.content().contains(SECRET_MAIL) || a.content().contains(SECRET_KEY));
    }

    @Test
    void aViolationMidStreamEndsTheStreamAndTheTurnIsBlocked() {
        String before = "Step one is harmless. ".repeat(10);
        String answer = before + "Then attach the detonator to the frame. " + "Further instructions. ".repeat(10);
        GovernancePipeline p = pipeline(chunked(answer, 3));
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        Collector c = new Collector();

        GovernedResponse r = p.stream(ChatRequest.of(s.id(), "instructions?"), c);

        assertThat(c.joined()).doesNotContain("detonator").doesNotContain("Further");
        assertThat(before).startsWith(c.joined());
        assertThat(r.status()).isEqualTo(ContentStatus.BLOCKED);
        assertThat(r.content()).isEmpty();
        assertThat(r.decisions()).anySatisfy(d -> assertThat(d.reason()).startsWith("stream stopped"));
        Message agent = p.sessions().history(s.id()).get(1);
        assertThat(agent.status()).isEqualTo(ContentStatus.BLOCKED);
        assertThat(agent.content()).isEmpty();
        assertThat(c.completed.status()).isEqualTo(ContentStatus.BLOCKED);
    }

    @Test
    void aCleanStreamDeliversExactlyTheAnswer() {
        String answer = "A plain answer without anything to redact, long enough to need several releases. ".repeat(5);
        GovernancePipeline p = pipeline(chunked(answer, 7));
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        Collector c = new Collector();
        GovernedResponse r = p.stream(ChatRequest.of(s.id(), "hi"), c);
        assertThat(c.joined()).isEqualTo(answer);
        assertThat(r.status()).isEqualTo(ContentStatus.DELIVERED);
        assertThat(r.content()).isEqualTo(answer);
    }

    @Test
    void anAdapterWithoutStreamingStillStreamsGoverned() {
        GovernancePipeline p = pipeline(TestAgents.answering("plain", req -> "mail " + SECRET_MAIL));
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        Collector c = new Collector();
        p.stream(ChatRequest.of(s.id(), "hi"), c);
        assertThat(c.joined()).isEqualTo("mail [EMAIL]");
    }

    @Test
    void aFailingStreamFailsTheTurnAndStoresNothing() {
        AgentAdapter failing = new AgentAdapter() {
            @Override public String id() { return "failing"; }
            @Override public AgentReply respond(AgentRequest request) { throw new AssertionError(); }
            @Override public void stream(AgentRequest request, AgentStreamHandler handler) {
                handler.onToken("partial ");
                handler.onError(new AgentUnavailableException("failing", "connection reset", 0, null));
            }
        };
        GovernancePipeline p = pipeline(failing);
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        Collector c = new Collector();
        assertThatThrownBy(() -> p.stream(ChatRequest.of(s.id(), "hi"), c)).isInstanceOf(AgentUnavailableException.class);
        assertThat(c.joined()).isEmpty();
        assertThat(p.sessions().history(s.id())).isEmpty();
    }
}
