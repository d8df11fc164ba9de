package io.promethios.governance.core.internal;

import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.StageName;
import io.promethios.governance.core.audit.AuditSink;
import io.promethios.governance.core.event.GovernanceListener;
import io.promethios.governance.core.session.SessionStore;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.AgentAdapterProvider;
import io.promethios.governance.core.spi.AuditSinkProvider;
import io.promethios.governance.core.spi.GovernanceListenerProvider;
import io.promethios.governance.core.spi.GovernanceProvider;
import io.promethios.governance.core.spi.Observer;
import io.promethios.governance.core.spi.ObserverProvider;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.PolicyProvider;
import io.promethios.governance.core.spi.ProviderConfig;
import io.promethios.governance.core.spi.SessionStoreProvider;
import io.promethios.governance.core.spi.Stage;
import io.promethios.governance.core.spi.StageProvider;
import io.promethios.governance.core.spi.TrustScorer;
import io.promethios.governance.core.spi.TrustScorerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Turns builder options into a pipeline: discovers providers (explicit registration wins),
 * fills defaults and orders the stages. Not API. May change without notice.
 */
public final class PipelineAssembler {

    private static final Logger log = LoggerFactory.getLogger(PipelineAssembler.class);

    private PipelineAssembler() {
    }

    /** A custom stage and where it goes. */
    public record StageSpec(Stage stage, StageName anchor, boolean before) {
        public StageSpec {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(anchor, "anchor");
        }
    }

    /** Everything the builder collected. */
    public record Options(
            List<Policy> policies,
            List<StageSpec> stages,
            List<GovernanceListener> listeners,
            Optional<AgentAdapter> agent,
            Map<String, AgentAdapter> agents,
            Optional<io.promethios.governance.core.spi.AgentRouter> agentRouter,
            Optional<TrustScorer> trustScorer,
            Optional<Observer> observer,
            Optional<AuditSink> auditSink,
            Optional<SessionStore> sessionStore,
            FailureMode failureMode,
            Duration policyTimeout,
            int maxMessageChars,
            int maxHistoryMessages,
            int historyWindow,
            int maxReaskAttempts,
            int maxMetadataEntries,
            int streamHoldBackChars,
            boolean failTurnOnAuditFailure,
            boolean logContent,
            double riskDiscount,
            Clock clock,
            Optional<Executor> executor,
            boolean discoverProviders,
            Optional<ClassLoader> discoveryClassLoader,
            Map<String, String> providerProperties,
            Optional<String> agentProvider) {
    }

    public static GovernancePipeline assemble(Options o) {
        ProviderConfig config = ProviderConfig.of(o.providerProperties());
        ClassLoader cl = o.discoveryClassLoader().orElse(null);
        boolean discover = o.discoverProviders();

        List<Policy> policies = new ArrayList<>(o.policies());
        List<StageSpec> stages = new ArrayList<>(o.stages());
        List<GovernanceListener> listeners = new ArrayList<>(o.listeners());
        AgentAdapter agent = o.agent().orElse(null);
        TrustScorer scorer = o.trustScorer().orElse(null);
        Observer observer = o.observer().orElse(null);
        AuditSink sink = o.auditSink().orElse(null);
        SessionStore store = o.sessionStore().orElse(null);

        if (discover) {
            Set<String> explicitIds = policies.stream().map(Policy::id).collect(Collectors.toCollection(HashSet::new));
            for (Policy p : createAll(ProviderLoader.load(PolicyProvider.class, cl), config)) {
                if (explicitIds.add(p.id())) {
                    policies.add(p);
                } else {
                    log.debug("Discovered policy '{}' ignored: a policy with that id was registered explicitly", p.id());
                }
            }
            for (StageProvider sp : ProviderLoader.load(StageProvider.class, cl)) {
                Stage s = create(sp, config);
                if (s != null) {
                    stages.add(new StageSpec(s, sp.before(), true));
                }
            }
            listeners.addAll(createAll(ProviderLoader.load(GovernanceListenerProvider.class, cl), config));
            if (agent == null) {
                agent = single(ProviderLoader.load(AgentAdapterProvider.class, cl), config, "AgentAdapterProvider",
                        o.agentProvider(), "agentProvider(name)");
            }
            if (scorer == null) {
                scorer = single(ProviderLoader.load(TrustScorerProvider.class, cl), config, "TrustScorerProvider", Optional.empty(),
                        "trustScorer(...)");
            }
            if (observer == null) {
                observer = single(ProviderLoader.load(ObserverProvider.class, cl), config, "ObserverProvider", Optional.empty(),
                        "observer(...)");
            }
            if (sink == null) {
                sink = single(ProviderLoader.load(AuditSinkProvider.class, cl), config, "AuditSinkProvider", Optional.empty(),
                        "auditSink(...)");
            }
            if (store == null) {
                store = single(ProviderLoader.load(SessionStoreProvider.class, cl), config, "SessionStoreProvider", Optional.empty(),
                        "sessionStore(...)");
            }
        } else if (o.agentProvider().isPresent()) {
            throw new GovernanceConfigurationException("agentProvider(\"" + o.agentProvider().get()
                    + "\") selects a discovered provider, but discoverProviders() was not called");
        }
        if (agent == null) {
            throw new GovernanceConfigurationException("No agent configured: call agent(...) on the builder, or register an "
                    + "AgentAdapterProvider in META-INF/services and call discoverProviders()");
        }
        Options resolved = new Options(List.copyOf(policies), List.copyOf(stages), List.copyOf(listeners), Optional.of(agent),
                o.agents(), o.agentRouter(), Optional.ofNullable(scorer), Optional.ofNullable(observer), Optional.ofNullable(sink),
                Optional.ofNullable(store), o.failureMode(), o.policyTimeout(), o.maxMessageChars(), o.maxHistoryMessages(),
                o.historyWindow(), o.maxReaskAttempts(), o.maxMetadataEntries(), o.streamHoldBackChars(), o.failTurnOnAuditFailure(), o.logContent(), o.riskDiscount(), o.clock(),
                o.executor(), false, Optional.empty(), o.providerProperties(), Optional.empty());
        DefaultGovernancePipeline pipeline = new DefaultGovernancePipeline(resolved);
        log.info("Governance pipeline ready: agent '{}', {} policies {}, stages {}", agent.id(), policies.size(),
                pipeline.policyIds(), pipeline.stageNames());
        return pipeline;
    }

    private static <T> List<T> createAll(List<? extends GovernanceProvider<T>> providers, ProviderConfig config) {
        List<T> out = new ArrayList<>(providers.size());
        for (GovernanceProvider<T> p : providers) {
            T t = create(p, config);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static <T> T create(GovernanceProvider<T> p, ProviderConfig config) {
        try {
            T t = p.create(config);
            if (t == null) {
                log.warn("Provider '{}' ({}) created null; skipped", p.name(), p.getClass().getName());
            }
            return t;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Provider '{}' ({}) failed to create its component; skipped: {}", p.name(), p.getClass().getName(), e.toString());
            return null;
        }
    }

    private static <T> T single(List<? extends GovernanceProvider<T>> providers, ProviderConfig config, String kind,
                                Optional<String> selected, String how) {
        if (providers.isEmpty()) {
            return null;
        }
        List<String> names = providers.stream().map(GovernanceProvider::name).collect(Collectors.toList());
        GovernanceProvider<T> chosen;
        if (selected.isPresent()) {
            chosen = providers.stream().filter(p -> p.name().equals(selected.get())).findFirst()
                    .orElseThrow(() -> new GovernanceConfigurationException("No " + kind + " named '" + selected.get() + "'; found " + names));
        } else if (providers.size() > 1) {
            throw new GovernanceConfigurationException("Multiple " + kind + "s found: " + names + ". Use " + how + " to choose one");
        } else {
            chosen = providers.get(0);
        }
        T t = create(chosen, config);
        if (t == null) {
            throw new GovernanceConfigurationException(kind + " '" + chosen.name() + "' could not create its component (see the WARN log)");
        }
        return t;
    }
}
