package io.promethios.governance.core;

import io.promethios.governance.core.audit.InMemoryAuditSink;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.InMemorySessionStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {

    private final InMemoryAuditSink sink = new InMemoryAuditSink();
    private final InMemorySessionStore store = InMemorySessionStore.create();
    private final TestAgents.Recording agent = TestAgents.echo();
    private final GovernancePipeline pipeline = GovernancePipeline.builder().agent(agent).auditSink(sink).sessionStore(store)
            .maxMessageChars(100).build();
    private final ChatSession session = pipeline.sessions().create(SessionSpec.forUser("u1").withSessionId("s-1"));

    private void assertNothingWritten() {
        assertThat(agent.requests).isEmpty();
        assertThat(store.find("s-1").orElseThrow().history()).isEmpty();
        assertThat(sink.records("s-1")).hasSize(1); // only SESSION_CREATED
    }

    @Test
    void nullRequestAndNullContentAreRejectedByName() {
        assertThatThrownBy(() -> pipeline.chat(null)).isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThatThrownBy(() -> ChatRequest.of("s-1", null)).isInstanceOf(NullPointerException.class).hasMessage("content");
        assertNothingWritten();
    }

    @Test
    void emptyAndBlankMessagesNameTheField() {
        for (String empty : new String[] {"", "   \n\t"}) {
            assertThatThrownBy(() -> pipeline.chat(ChatRequest.of(session.id(), empty)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("content: must not be blank");
        }
        assertNothingWritten();
    }

    @Test
    void oversizedMessageNamesTheFieldAndTheLimit() {
        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of(session.id(), "x".repeat(101))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("content: must be at most 100 characters (was 101)");
        assertNothingWritten();
    }

    @Test
    void tooMuchMetadataIsRejected() {
        Map<String, String> big = new java.util.HashMap<>();
        for (int i = 0; i < 40; i++) {
            big.put("k" + i, "v");
        }
        assertThatThrownBy(() -> pipeline.chat(new ChatRequest(session.id(), "hi", big)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("metadata: must have at most 32 entries");
        assertNothingWritten();
    }

    @Test
    void unknownSessionIsNamed() {
        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of("nope", "hi")))
                .isInstanceOf(SessionNotFoundException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> pipeline.sessions().history("nope")).isInstanceOf(SessionNotFoundException.class);
        assertNothingWritten();
    }

    @Test
    void closedSessionRefusesTurns() {
        pipeline.sessions().close(session.id());
        assertThatThrownBy(() -> pipeline.chat(ChatRequest.of(session.id(), "hi"))).isInstanceOf(SessionClosedException.class);
        assertThat(sink.records("s-1")).extracting(r -> r.type().name()).containsExactly("SESSION_CREATED", "SESSION_CLOSED");
    }

    @Test
    void malformedIdentifiersAreRejectedAtSessionCreation() {
        assertThatThrownBy(() -> pipeline.sessions().create(SessionSpec.forUser("bad user!")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("userId");
        assertThatThrownBy(() -> pipeline.sessions().create(SessionSpec.forUser("u").withSessionId("x".repeat(200))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("sessionId");
        assertThatThrownBy(() -> pipeline.sessions().create(SessionSpec.forUser("u").withSessionId("s-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
    }

    @Test
    void fullHistoryIsRefusedWithAClearError() {
        GovernancePipeline small = GovernancePipeline.builder().agent(agent).maxHistoryMessages(4).historyWindow(2).build();
        ChatSession s = small.sessions().create(SessionSpec.forUser("u"));
        small.chat(ChatRequest.of(s.id(), "one"));
        small.chat(ChatRequest.of(s.id(), "two"));
        assertThatThrownBy(() -> small.chat(ChatRequest.of(s.id(), "three")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxHistoryMessages is 4");
    }

    @Test
    void missingAgentIsAConfigurationError() {
        assertThatThrownBy(() -> GovernancePipeline.builder().build())
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("No agent configured");
    }

    @Test
    void settingAStoreTwiceIsRejected() {
        GovernancePipeline.Builder b = GovernancePipeline.builder().sessionStore(InMemorySessionStore.create());
        assertThatThrownBy(() -> b.sessionStore(InMemorySessionStore.create()))
                .isInstanceOf(IllegalStateException.class).hasMessage("sessionStore was already set");
        GovernancePipeline.Builder c = GovernancePipeline.builder().auditSink(new InMemoryAuditSink());
        assertThatThrownBy(() -> c.auditSink(new InMemoryAuditSink())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badValuesAreRejectedInTheSetter() {
        assertThatThrownBy(() -> GovernancePipeline.builder().maxMessageChars(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxMessageChars must be > 0, but was -1");
        assertThatThrownBy(() -> GovernancePipeline.builder().policyTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GovernancePipeline.builder().historyWindow(-3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GovernancePipeline.builder().maxReaskAttempts(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GovernancePipeline.builder().addStageAfter(StageName.ROUTING, c -> c.proceed(c.request())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ROUTING");
    }

    @Test
    void contradictoryOptionsFailAtBuild() {
        assertThatThrownBy(() -> GovernancePipeline.builder().agent(agent).maxHistoryMessages(10).historyWindow(10).build())
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("historyWindow");
    }

    @Test
    void unknownAgentInSessionIsNamed() {
        assertThatThrownBy(() -> pipeline.sessions().create(SessionSpec.forUser("u")
                .withAgents(io.promethios.governance.core.session.AgentConfiguration.single("ghost"))))
                .isInstanceOf(GovernanceConfigurationException.class).hasMessageContaining("'ghost'").hasMessageContaining("echo");
    }

    @Test
    void everyPublicBuilderMethodRejectsNull() throws Exception {
        for (java.lang.reflect.Method m : GovernancePipeline.Builder.class.getMethods()) {
            if (m.getDeclaringClass() != GovernancePipeline.Builder.class || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                Object[] args = new Object[types.length];
                for (int j = 0; j < types.length; j++) {
                    args[j] = j == i ? null : sample(types[j]);
                }
                GovernancePipeline.Builder b = GovernancePipeline.builder();
                assertThatThrownBy(() -> {
                    try {
                        m.invoke(b, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }).as("%s with null argument %d", m.getName(), i).isInstanceOf(NullPointerException.class);
            }
        }
    }

    private static Object sample(Class<?> t) {
        if (t == StageName.class) return StageName.INPUT_POLICIES;
        if (t == String.class) return "x";
        if (t == io.promethios.governance.core.spi.Stage.class) return (io.promethios.governance.core.spi.Stage) c -> c.proceed(c.request());
        return null;
    }
}
