package io.promethios.governance.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.promethios.governance.core.internal.ProviderLoader;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentAdapterProvider;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyContext;
import io.promethios.governance.core.spi.PolicyProvider;
import io.promethios.governance.core.spi.ProviderConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Providers registered in this module's test META-INF/services. */
class DiscoveryTest {

    /** Blocks text containing "discovered-word". */
    public static final class WordPolicyProvider implements PolicyProvider {
        @Override public String name() { return "word"; }
        @Override public Policy create(ProviderConfig config) {
            String word = config.get("word").orElse("discovered-word");
            return new io.promethios.governance.core.policy.KeywordPolicy("word-policy", List.of(word));
        }
    }

    /** Fails in its constructor, as a provider with a missing dependency would. */
    public static final class BrokenPolicyProvider implements PolicyProvider {
        public BrokenPolicyProvider() {
            throw new IllegalStateException("cannot start");
        }
        @Override public String name() { return "broken"; }
        @Override public Policy create(ProviderConfig config) { throw new AssertionError(); }
    }

    public static final class AlphaAgentProvider implements AgentAdapterProvider {
        @Override public String name() { return "alpha"; }
        @Override public AgentAdapter create(ProviderConfig config) { return TestAgents.answering("alpha", r -> "from alpha"); }
    }

    public static final class BetaAgentProvider implements AgentAdapterProvider {
        @Override public String name() { return "beta"; }
        @Override public int order() { return -1; }
        @Override public AgentAdapter create(ProviderConfig config) { return TestAgents.answering("beta", r -> "from beta"); }
    }

    @Test
    void findsRegisteredProvidersAndSkipsABrokenOneWithAWarning() {
        Logger logger = (Logger) LoggerFactory.getLogger(ProviderLoader.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            List<PolicyProvider> found = ProviderLoader.load(PolicyProvider.class, null);
            assertThat(found).extracting(PolicyProvider::name).containsExactly("word");
            assertThat(logs.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).contains("PolicyProvider").contains("BrokenPolicyProvider");
            });
            // ordered by order() then class name
            assertThat(ProviderLoader.load(AgentAdapterProvider.class, null)).extracting(AgentAdapterProvider::name)
                    .containsExactly("beta", "alpha");
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void discoveredPolicyGovernsTurns() {
        GovernancePipeline p = GovernancePipeline.builder().discoverProviders().agentProvider("alpha").build();
        assertThat(p.policyIds()).containsExactly("word-policy");
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        assertThat(p.chat(ChatRequest.of(s.id(), "a discovered-word here")).status()).isEqualTo(ContentStatus.BLOCKED);
        GovernedResponse ok = p.chat(ChatRequest.of(s.id(), "fine"));
        assertThat(ok.content()).isEqualTo("from alpha");
    }

    @Test
    void explicitRegistrationWins() {
        Policy mine = new Policy() {
            @Override public String id() { return "word-policy"; }
            @Override public PolicyDecision evaluate(PolicyContext c) { return allow(); }
        };
        GovernancePipeline p = GovernancePipeline.builder().discoverProviders().addPolicy(mine)
                .agent(TestAgents.answering("mine", r -> "from mine")).build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        GovernedResponse r = p.chat(ChatRequest.of(s.id(), "a discovered-word here"));
        assertThat(r.status()).isEqualTo(ContentStatus.DELIVERED);
        assertThat(r.content()).isEqualTo("from mine");
        assertThat(p.policyIds()).containsExactly("word-policy");
    }

    @Test
    void severalAgentProvidersWithoutAChoiceFailWithTheirNames() {
        assertThatThrownBy(() -> GovernancePipeline.builder().discoverProviders().build())
                .isInstanceOf(GovernanceConfigurationException.class)
                .hasMessageContaining("Multiple AgentAdapterProviders found: [beta, alpha]");
        assertThatThrownBy(() -> GovernancePipeline.builder().discoverProviders().agentProvider("gamma").build())
                .hasMessageContaining("No AgentAdapterProvider named 'gamma'");
    }

    @Test
    void providerPropertiesReachProviders() {
        GovernancePipeline p = GovernancePipeline.builder().discoverProviders().agentProvider("beta")
                .providerProperty("word", "custom-term").build();
        ChatSession s = p.sessions().create(SessionSpec.forUser("u"));
        assertThat(p.chat(ChatRequest.of(s.id(), "custom-term")).status()).isEqualTo(ContentStatus.BLOCKED);
    }

    @Test
    void toBuilderMakesAVariantWithoutChangingTheOriginal() {
        GovernancePipeline base = GovernancePipeline.builder().agent(TestAgents.echo()).build();
        GovernancePipeline strict = base.toBuilder().addPolicy(new io.promethios.governance.core.policy.KeywordPolicy("kw",
                List.of("nope"))).failureMode(FailureMode.FAIL_OPEN).build();
        assertThat(base.policyIds()).isEmpty();
        assertThat(strict.policyIds()).containsExactly("kw");
        assertThat(strict.failureMode()).isEqualTo(FailureMode.FAIL_OPEN);
        assertThat(base.failureMode()).isEqualTo(FailureMode.FAIL_CLOSED);
    }
}
