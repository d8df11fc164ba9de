package io.promethios.governance.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.promethios.governance.core.audit.AuditChain;
import io.promethios.governance.core.audit.AuditRecord;
import io.promethios.governance.core.audit.JsonLinesAuditSink;
import io.promethios.governance.core.policy.KeywordPolicy;
import io.promethios.governance.core.policy.RegexRedactionPolicy;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.InMemorySessionStore;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.spi.AgentRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent, the session history and the audit trail only ever see redacted text. */
class MemoryContractTest {

    private static final String RAW_EMAIL = "carol.secret@example.org";
    private static final String RAW_CARD = "4111 1111 1111 1111";
    private static final String BLOCKED_PHRASE = "project nightshade";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        root.setLevel(previous);
    }

    @Test
    void rawTextIsNowhereButInTheCallersOwnRequest(@TempDir Path dir) throws Exception {
        Path auditFile = dir.resolve("audit.jsonl");
        InMemorySessionStore store = InMemorySessionStore.create();
        // the agent repeats what it is given, so a leak into the agent would also leak into its answer
        var agent = TestAgents.answering("parrot", r -> "you said: " + r.message() + " | history " + r.history().size());
        try (GovernancePipeline p = GovernancePipeline.builder()
                .agent(agent)
                .sessionStore(store)
                .auditSink(JsonLinesAuditSink.open(auditFile))
                .addPolicy(RegexRedactionPolicy.emails())
                .addPolicy(new RegexRedactionPolicy("cards", "CARD", Pattern.compile("\\b(?:\\d[ -]?){15}\\d\\b")))
                .addPolicy(new KeywordPolicy("kw", List.of(BLOCKED_PHRASE)))
                .logContent(true) // governed text at TRACE is allowed; raw text never
                .build()) {
            ChatSession s = p.sessions().create(SessionSpec.forUser("carol"));

            GovernedResponse r1 = p.chat(ChatRequest.of(s.id(), "my mail is " + RAW_EMAIL + " and card " + RAW_CARD));
            GovernedResponse r2 = p.chat(ChatRequest.of(s.id(), "what about " + BLOCKED_PHRASE + "?"));
            GovernedResponse r3 = p.chat(ChatRequest.of(s.id(), "repeat my mail please"));

            assertThat(r1.status()).isEqualTo(ContentStatus.TRANSFORMED);
            assertThat(r1.content()).contains("[EMAIL]").contains("[CARD]");
            assertThat(r2.status()).isEqualTo(ContentStatus.BLOCKED);
            assertThat(r3.isDelivered()).isTrue();

            List<String> raws = List.of(RAW_EMAIL, RAW_CARD, BLOCKED_PHRASE);
            // the agent
            for (AgentRequest req : agent.requests) {
                assertThat(req.message()).doesNotContain(raws);
                for (Message m : req.history()) {
                    assertThat(m.content()).doesNotContain(raws);
                }
            }
            // the session store, every message of every session
            ChatSession stored = store.find(s.id()).orElseThrow();
            assertThat(stored.history()).hasSize(5); // user+agent, blocked user, user+agent
            for (Message m : stored.history()) {
                assertThat(m.content()).doesNotContain(raws);
            }
            assertThat(stored.history().get(2).status()).isEqualTo(ContentStatus.BLOCKED);
            assertThat(stored.history().get(2).content()).isEmpty();
            // the audit trail, as records and as bytes on disk
            for (AuditRecord a : p.auditSink().records(s.id())) {
                assertThat(AuditChain.canonicalJson(a, true)).doesNotContain(raws);
            }
            String onDisk = Files.readString(auditFile, StandardCharsets.UTF_8);
            assertThat(onDisk).doesNotContain(raws).contains("[EMAIL]");
            // the digest of the raw text is there, so an auditor holding the original can prove it
            assertThat(onDisk).contains(AuditChain.sha256Hex("what about " + BLOCKED_PHRASE + "?"));
            // the log, at TRACE, with content logging on
            assertThat(logs.list).isNotEmpty();
            for (ILoggingEvent e : logs.list) {
                assertThat(e.getFormattedMessage()).doesNotContain(raws);
            }
            assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.TRACE && e.getFormattedMessage().contains("[EMAIL]"));
        }
    }

    @Test
    void toStringOfRequestsAndResponsesNeverPrintsContent() {
        assertThat(ChatRequest.of("s1", RAW_EMAIL).toString()).doesNotContain(RAW_EMAIL);
        assertThat(AgentRequest.of("s1", "a", RAW_EMAIL).toString()).doesNotContain(RAW_EMAIL);
    }
}
