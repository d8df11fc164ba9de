package io.promethios.governance.core;

import io.promethios.governance.core.audit.AuditSink;
import io.promethios.governance.core.event.GovernanceListener;
import io.promethios.governance.core.internal.PipelineAssembler;
import io.promethios.governance.core.session.SessionStore;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.Observer;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.Stage;
import io.promethios.governance.core.spi.TrustScorer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Puts every chat turn through governance: validation, INPUT policies, trust assessment, agent
 * routing with PROCESSING policies, OUTPUT policies, observer review and a tamper-evident audit
 * trail.
 *
 * <pre>{@code
 * GovernancePipeline pipeline = GovernancePipeline.builder()
 *     .agent(myAgent)
 *     .addPolicy(new KeywordPolicy("no-secrets-talk", List.of("internal codename")))
 *     .build();
 * ChatSession session = pipeline.sessions().create(SessionSpec.forUser("alice"));
 * GovernedResponse r = pipeline.chat(ChatRequest.of(session.id(), "Hello"));
 * }</pre>
 *
 * <p><b>Create once, share.</b> A pipeline is immutable and thread-safe. Turns on one session
 * are serialized; turns on different sessions run in parallel. Close the pipeline to release
 * its audit sink and executor.
 *
 * @since 0.1
 */
public interface GovernancePipeline extends AutoCloseable {

    /** A new builder with the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Governs one turn.
     *
     * @throws NullPointerException      if {@code request} is null
     * @throws InvalidRequestException   if the request is empty, too large or malformed (nothing is stored)
     * @throws SessionNotFoundException  if the session does not exist
     * @throws SessionClosedException    if the session is closed
     * @throws AgentException            if the agent failed (nothing of the turn is stored)
     * @throws AuditException            if the audit trail could not be written (nothing is stored)
     */
    GovernedResponse chat(ChatRequest request);

    /**
     * Like {@link #chat}, but throws {@link PolicyViolationException} when the turn was blocked
     * or held.
     */
    default GovernedResponse enforce(ChatRequest request) {
        GovernedResponse r = chat(request);
        if (!r.isDelivered()) {
            throw PolicyViolationException.of(r);
        }
        return r;
    }

    /**
     * Governs one turn, streaming the answer. Text reaches {@code listener} only after the OUTPUT
     * policies have seen it with at least {@code streamHoldBackChars} characters of following
     * context (or the end of the answer); a redaction is applied before release, and a BLOCK
     * mid-stream ends the stream. When the answer is complete the OUTPUT policies run once more
     * on the whole of it, as in {@link #chat}; that governed text is what the session and the
     * audit trail keep and what the returned response holds. Blocks until the turn is done.
     *
     * <p>If the whole-answer check is stricter than what was already released (for example a
     * BLOCK that needed the full answer), the returned status says so and the application
     * must withdraw what it showed.
     *
     * @throws NullPointerException if an argument is null
     * @see #chat for the other exceptions
     */
    GovernedResponse stream(ChatRequest request, GovernedStreamListener listener);

    /** Session management. */
    Sessions sessions();

    /** The audit sink of this pipeline. */
    AuditSink auditSink();

    /** Stage names in chain order (way in). */
    List<String> stageNames();

    /** Policy ids in evaluation order. */
    List<String> policyIds();

    /** The default failure mode for policies. */
    FailureMode failureMode();

    /** A builder holding this pipeline's configuration, to build a variant (like OkHttp's {@code newBuilder()}). */
    Builder toBuilder();

    /** Closes the audit sink and the pipeline's own executor. */
    @Override
    void close();

    /**
     * Builds a {@link GovernancePipeline}. Single-valued options may be set once
     * ({@link IllegalStateException} on a second call, except for values inherited through
     * {@link GovernancePipeline#toBuilder()}); values are checked in the setter; {@link #build()}
     * does not change the builder, so one builder can build many pipelines.
     */
    final class Builder {

        /** Default policy time budget. */
        public static final Duration DEFAULT_POLICY_TIMEOUT = Duration.ofMillis(100);
        /** Default bound on a message, in chars. */
        public static final int DEFAULT_MAX_MESSAGE_CHARS = 32_768;
        /** Default bound on a session's stored messages. */
        public static final int DEFAULT_MAX_HISTORY_MESSAGES = 10_000;
        /** Default number of earlier messages given to the agent. */
        public static final int DEFAULT_HISTORY_WINDOW = 50;
        /** Default number of re-asks after an OUTPUT policy asked for one. */
        public static final int DEFAULT_MAX_REASK_ATTEMPTS = 1;
        /** Default {@link #riskDiscount(double)}: a clean turn at risk 1 still earns three quarters of its credit. */
        public static final double DEFAULT_RISK_DISCOUNT = 0.25;
        /** Default streaming hold-back window, in chars: longer than any e-mail or card number split across chunks. */
        public static final int DEFAULT_STREAM_HOLD_BACK_CHARS = 128;
        /** Default bound on request metadata entries. */
        public static final int DEFAULT_MAX_METADATA_ENTRIES = 32;

        private final List<Policy> policies = new ArrayList<>();
        private final List<PipelineAssembler.StageSpec> stages = new ArrayList<>();
        private final List<GovernanceListener> listeners = new ArrayList<>();
        private final Map<String, AgentAdapter> agents = new LinkedHashMap<>();
        private final Map<String, String> providerProperties = new LinkedHashMap<>();
        private final Set<String> set = new HashSet<>();
        private AgentAdapter agent;
        private TrustScorer trustScorer;
        private io.promethios.governance.core.spi.AgentRouter agentRouter;
        private Observer observer;
        private AuditSink auditSink;
        private SessionStore sessionStore;
        private FailureMode failureMode = FailureMode.FAIL_CLOSED;
        private Duration policyTimeout = DEFAULT_POLICY_TIMEOUT;
        private int maxMessageChars = DEFAULT_MAX_MESSAGE_CHARS;
        private int maxHistoryMessages = DEFAULT_MAX_HISTORY_MESSAGES;
        private int historyWindow = DEFAULT_HISTORY_WINDOW;
        private int maxReaskAttempts = DEFAULT_MAX_REASK_ATTEMPTS;
        private int maxMetadataEntries = DEFAULT_MAX_METADATA_ENTRIES;
        private int streamHoldBackChars = DEFAULT_STREAM_HOLD_BACK_CHARS;
        private boolean failTurnOnAuditFailure = true;
        private boolean logContent;
        private double riskDiscount = DEFAULT_RISK_DISCOUNT;
        private Clock clock = Clock.systemUTC();
        private Executor executor;
        private boolean discoverProviders;
        private ClassLoader discoveryClassLoader;
        private String agentProvider;

        Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set");
            }
        }

        /**
         * The default agent: answers sessions that name no agent. Required unless an
         * {@link io.promethios.governance.core.spi.AgentAdapterProvider} is discovered.
         */
        public Builder agent(AgentAdapter agent) {
            Objects.requireNonNull(agent, "agent");
            once("agent");
            this.agent = agent;
            return this;
        }

        /** One more agent that sessions may name by {@link AgentAdapter#id()}. */
        public Builder addAgent(AgentAdapter agent) {
            Objects.requireNonNull(agent, "agent");
            if (agents.containsKey(agent.id())) {
                throw new IllegalStateException("an agent with id '" + agent.id() + "' was already added");
            }
            agents.put(agent.id(), agent);
            return this;
        }

        /** Adds a policy; policies run in the order added (discovered ones after, by order then class name). */
        public Builder addPolicy(Policy policy) {
            Objects.requireNonNull(policy, "policy");
            for (Policy p : policies) {
                if (p.id().equals(policy.id())) {
                    throw new IllegalStateException("a policy with id '" + policy.id() + "' was already added");
                }
            }
            policies.add(policy);
            return this;
        }

        /** Adds policies in order. */
        public Builder addPolicies(List<? extends Policy> more) {
            Objects.requireNonNull(more, "policies");
            more.forEach(this::addPolicy);
            return this;
        }

        /** Adds a custom stage just before routing (after every built-in stage on the way in). */
        public Builder addStage(Stage stage) {
            return addStageBefore(StageName.ROUTING, stage);
        }

        /** Adds a custom stage just before the built-in stage {@code anchor}. */
        public Builder addStageBefore(StageName anchor, Stage stage) {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(stage, "stage");
            stages.add(new PipelineAssembler.StageSpec(stage, anchor, true));
            return this;
        }

        /**
         * Adds a custom stage just after the built-in stage {@code anchor}.
         *
         * @throws IllegalArgumentException if {@code anchor} is {@link StageName#ROUTING}, which ends the chain
         */
        public Builder addStageAfter(StageName anchor, Stage stage) {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(stage, "stage");
            if (anchor == StageName.ROUTING) {
                throw new IllegalArgumentException("no stage can run after ROUTING: it calls the agent and ends the chain");
            }
            stages.add(new PipelineAssembler.StageSpec(stage, anchor, false));
            return this;
        }

        /**
         * Chooses the agent of each turn. Default {@link io.promethios.governance.core.spi.AgentRouter#PLANNED}:
         * the agent the session names, or the default agent.
         */
        public Builder agentRouter(io.promethios.governance.core.spi.AgentRouter router) {
            Objects.requireNonNull(router, "agentRouter");
            once("agentRouter");
            this.agentRouter = router;
            return this;
        }

        /** The trust scorer. Default: {@link io.promethios.governance.core.trust.BetaTrustScorer#ofDefaults()}. */
        public Builder trustScorer(TrustScorer scorer) {
            Objects.requireNonNull(scorer, "trustScorer");
            once("trustScorer");
            this.trustScorer = scorer;
            return this;
        }

        /** The observer. Default: {@link io.promethios.governance.core.observer.RuleObserver#ofDefaults()}. */
        public Builder observer(Observer observer) {
            Objects.requireNonNull(observer, "observer");
            once("observer");
            this.observer = observer;
            return this;
        }

        /** The audit sink. Default: an {@link io.promethios.governance.core.audit.InMemoryAuditSink}. */
        public Builder auditSink(AuditSink sink) {
            Objects.requireNonNull(sink, "auditSink");
            once("auditSink");
            this.auditSink = sink;
            return this;
        }

        /** The session store. Default: {@link io.promethios.governance.core.session.InMemorySessionStore#create()}. */
        public Builder sessionStore(SessionStore store) {
            Objects.requireNonNull(store, "sessionStore");
            once("sessionStore");
            this.sessionStore = store;
            return this;
        }

        /** Adds a listener. Listeners must be fast and must not throw (failures are logged and ignored). */
        public Builder addListener(GovernanceListener listener) {
            Objects.requireNonNull(listener, "listener");
            listeners.add(listener);
            return this;
        }

        /** What a policy failure turns into when the policy does not say. Default {@link FailureMode#FAIL_CLOSED}. */
        public Builder failureMode(FailureMode mode) {
            Objects.requireNonNull(mode, "failureMode");
            once("failureMode");
            this.failureMode = mode;
            return this;
        }

        /**
         * Time budget of a policy that declares none. Default 100 ms.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder policyTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "policyTimeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("policyTimeout must be > 0, but was " + timeout);
            }
            once("policyTimeout");
            this.policyTimeout = timeout;
            return this;
        }

        /**
         * Largest accepted message, in chars. Default {@value #DEFAULT_MAX_MESSAGE_CHARS}.
         *
         * @throws IllegalArgumentException if {@code <= 0}
         */
        public Builder maxMessageChars(int max) {
            positive("maxMessageChars", max);
            once("maxMessageChars");
            this.maxMessageChars = max;
            return this;
        }

        /**
         * Most messages a session may hold; a turn that would exceed it is refused. Default
         * {@value #DEFAULT_MAX_HISTORY_MESSAGES}.
         *
         * @throws IllegalArgumentException if {@code < 2}
         */
        public Builder maxHistoryMessages(int max) {
            if (max < 2) {
                throw new IllegalArgumentException("maxHistoryMessages must be >= 2, but was " + max);
            }
            once("maxHistoryMessages");
            this.maxHistoryMessages = max;
            return this;
        }

        /**
         * How many earlier visible messages the agent is given. Default {@value #DEFAULT_HISTORY_WINDOW}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder historyWindow(int window) {
            if (window < 0) {
                throw new IllegalArgumentException("historyWindow must be >= 0, but was " + window);
            }
            once("historyWindow");
            this.historyWindow = window;
            return this;
        }

        /**
         * How often an answer may be re-asked after an OUTPUT policy returned REASK; when
         * exhausted the answer is blocked. Default {@value #DEFAULT_MAX_REASK_ATTEMPTS}.
         *
         * @throws IllegalArgumentException if negative or above 10
         */
        public Builder maxReaskAttempts(int attempts) {
            if (attempts < 0 || attempts > 10) {
                throw new IllegalArgumentException("maxReaskAttempts must be in [0,10], but was " + attempts);
            }
            once("maxReaskAttempts");
            this.maxReaskAttempts = attempts;
            return this;
        }

        /**
         * Most metadata entries a request may carry. Default {@value #DEFAULT_MAX_METADATA_ENTRIES}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxMetadataEntries(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxMetadataEntries must be >= 0, but was " + max);
            }
            once("maxMetadataEntries");
            this.maxMetadataEntries = max;
            return this;
        }

        /**
         * How many characters of a streamed answer are held back so OUTPUT policies see each
         * span with following context before it is released. Default
         * {@value #DEFAULT_STREAM_HOLD_BACK_CHARS}; set it above the longest span a policy must
         * see whole.
         *
         * @throws IllegalArgumentException if {@code < 16} or above 65,536
         */
        public Builder streamHoldBackChars(int chars) {
            if (chars < 16 || chars > 65_536) {
                throw new IllegalArgumentException("streamHoldBackChars must be in [16, 65536], but was " + chars);
            }
            once("streamHoldBackChars");
            this.streamHoldBackChars = chars;
            return this;
        }

        /**
         * Whether a failed audit write fails the turn (default {@code true}: an acknowledged turn
         * is never missing from the audit trail). With {@code false} the failure is logged at
         * WARN and the response has no audit reference.
         */
        public Builder failTurnOnAuditFailure(boolean fail) {
            once("failTurnOnAuditFailure");
            this.failTurnOnAuditFailure = fail;
            return this;
        }

        /**
         * Whether governed (already redacted) message text is logged at TRACE. Default
         * {@code false}. Raw text is never logged.
         */
        public Builder logContent(boolean log) {
            once("logContent");
            this.logContent = log;
            return this;
        }

        /**
         * The most a clean turn's trust credit is discounted for its risk: a clean turn counts
         * {@code 1 − riskDiscount × risk²}, where risk is the highest
         * {@link io.promethios.governance.core.PolicyDecision#risk()} among the decisions that are
         * evidence about the subject. Default {@value #DEFAULT_RISK_DISCOUNT}; 0 turns the discount
         * off (every clean turn counts 1).
         *
         * @throws IllegalArgumentException unless in [0, 1)
         * @since 0.1
         */
        public Builder riskDiscount(double riskDiscount) {
            if (!(riskDiscount >= 0.0 && riskDiscount < 1.0)) {
                throw new IllegalArgumentException("riskDiscount must be in [0,1), but was " + riskDiscount);
            }
            once("riskDiscount");
            this.riskDiscount = riskDiscount;
            return this;
        }

        /** The clock for timestamps. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            once("clock");
            this.clock = clock;
            return this;
        }

        /**
         * Executor for policies that {@link Policy#mayBlock() may block}. Default: virtual
         * threads where the JVM has them, else a cached pool of daemon threads; either is shut
         * down by {@link GovernancePipeline#close()}. A supplied executor is not shut down.
         */
        public Builder executor(Executor executor) {
            Objects.requireNonNull(executor, "executor");
            once("executor");
            this.executor = executor;
            return this;
        }

        /**
         * Discover providers through {@link java.util.ServiceLoader} with the context class
         * loader (falling back to core's). Explicitly registered components win.
         */
        public Builder discoverProviders() {
            once("discoverProviders");
            this.discoverProviders = true;
            return this;
        }

        /** Discover providers through {@code classLoader}. */
        public Builder discoverProviders(ClassLoader classLoader) {
            Objects.requireNonNull(classLoader, "classLoader");
            once("discoverProviders");
            this.discoverProviders = true;
            this.discoveryClassLoader = classLoader;
            return this;
        }

        /** A property for discovered providers' {@link io.promethios.governance.core.spi.ProviderConfig}. */
        public Builder providerProperty(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            providerProperties.put(key, value);
            return this;
        }

        /** Which discovered {@code AgentAdapterProvider} to use when several are found, by name. */
        public Builder agentProvider(String name) {
            Objects.requireNonNull(name, "agentProvider");
            once("agentProvider");
            this.agentProvider = name;
            return this;
        }

        /**
         * Builds the pipeline; providers are discovered now, if asked for.
         *
         * @throws GovernanceConfigurationException if no agent is configured, several agent
         *         providers are found and none selected, or options contradict each other
         */
        public GovernancePipeline build() {
            if (historyWindow >= maxHistoryMessages) {
                throw new GovernanceConfigurationException("historyWindow (" + historyWindow + ") must be smaller than maxHistoryMessages ("
                        + maxHistoryMessages + ")");
            }
            return PipelineAssembler.assemble(new PipelineAssembler.Options(
                    List.copyOf(policies), List.copyOf(stages), List.copyOf(listeners), Optional.ofNullable(agent),
                    new LinkedHashMap<>(agents), Optional.ofNullable(agentRouter), Optional.ofNullable(trustScorer), Optional.ofNullable(observer),
                    Optional.ofNullable(auditSink), Optional.ofNullable(sessionStore), failureMode, policyTimeout, maxMessageChars,
                    maxHistoryMessages, historyWindow, maxReaskAttempts, maxMetadataEntries, streamHoldBackChars, failTurnOnAuditFailure, logContent, riskDiscount, clock,
                    Optional.ofNullable(executor), discoverProviders, Optional.ofNullable(discoveryClassLoader),
                    Map.copyOf(providerProperties), Optional.ofNullable(agentProvider)));
        }

        /** Used by {@link GovernancePipeline#toBuilder()} implementations: a builder pre-filled with resolved parts. */
        public static Builder inherit(PipelineAssembler.Options o) {
            Builder b = new Builder();
            b.policies.addAll(o.policies());
            b.stages.addAll(o.stages());
            b.listeners.addAll(o.listeners());
            b.agent = o.agent().orElse(null);
            b.agents.putAll(o.agents());
            b.agentRouter = o.agentRouter().orElse(null);
            b.trustScorer = o.trustScorer().orElse(null);
            b.observer = o.observer().orElse(null);
            b.auditSink = o.auditSink().orElse(null);
            b.sessionStore = o.sessionStore().orElse(null);
            b.failureMode = o.failureMode();
            b.policyTimeout = o.policyTimeout();
            b.maxMessageChars = o.maxMessageChars();
            b.maxHistoryMessages = o.maxHistoryMessages();
            b.historyWindow = o.historyWindow();
            b.maxReaskAttempts = o.maxReaskAttempts();
            b.maxMetadataEntries = o.maxMetadataEntries();
            b.streamHoldBackChars = o.streamHoldBackChars();
            b.failTurnOnAuditFailure = o.failTurnOnAuditFailure();
            b.logContent = o.logContent();
            b.riskDiscount = o.riskDiscount();
            b.clock = o.clock();
            b.executor = o.executor().orElse(null);
            b.providerProperties.putAll(o.providerProperties());
            return b;
        }

        private static void positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, but was " + value);
            }
        }

        /** Prints only the options that were set. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("GovernancePipeline.Builder{");
            List<String> parts = new ArrayList<>();
            if (agent != null) parts.add("agent=" + agent.id());
            if (!agents.isEmpty()) parts.add("agents=" + agents.keySet());
            if (!policies.isEmpty()) parts.add("policies=" + policies.stream().map(Policy::id).toList());
            if (!stages.isEmpty()) parts.add("stages=" + stages.size());
            if (!listeners.isEmpty()) parts.add("listeners=" + listeners.size());
            for (String s : new java.util.TreeSet<>(set)) {
                if (!s.equals("agent")) parts.add(s);
            }
            return b.append(String.join(", ", parts)).append('}').toString();
        }
    }
}
