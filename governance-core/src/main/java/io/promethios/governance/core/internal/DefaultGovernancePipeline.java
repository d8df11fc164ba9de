package io.promethios.governance.core.internal;

import io.promethios.governance.core.ChatRequest;
import io.promethios.governance.core.ContentStatus;
import io.promethios.governance.core.FailureMode;
import io.promethios.governance.core.GovernanceConfigurationException;
import io.promethios.governance.core.GovernancePipeline;
import io.promethios.governance.core.GovernedResponse;
import io.promethios.governance.core.InvalidRequestException;
import io.promethios.governance.core.SessionClosedException;
import io.promethios.governance.core.SessionNotFoundException;
import io.promethios.governance.core.Sessions;
import io.promethios.governance.core.StageName;
import io.promethios.governance.core.audit.AuditSink;
import io.promethios.governance.core.audit.InMemoryAuditSink;
import io.promethios.governance.core.event.GovernanceEvent;
import io.promethios.governance.core.observer.RuleObserver;
import io.promethios.governance.core.session.ChatSession;
import io.promethios.governance.core.session.InMemorySessionStore;
import io.promethios.governance.core.session.Message;
import io.promethios.governance.core.session.MessageRole;
import io.promethios.governance.core.session.SessionStore;
import io.promethios.governance.core.spi.AgentAdapter;
import io.promethios.governance.core.spi.Observer;
import io.promethios.governance.core.spi.Policy;
import io.promethios.governance.core.spi.Stage;
import io.promethios.governance.core.spi.TrustScorer;
import io.promethios.governance.core.trust.BetaTrustScorer;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/** The pipeline. Immutable after construction; all per-turn state lives in {@link TurnState}. */
final class DefaultGovernancePipeline implements GovernancePipeline {

    final PipelineAssembler.Options options;
    final PolicyEngine engine;
    final TrustScorer trustScorer;
    final Observer observer;
    final AuditSink auditSink;
    final SessionStore sessionStore;
    final Listeners listeners;
    final Clock clock;
    final int historyWindow;
    final int maxHistoryMessages;
    final int maxReaskAttempts;
    final boolean failTurnOnAuditFailure;
    final boolean logContent;
    final double riskDiscount;
    private final AgentAdapter defaultAgent;
    private final Map<String, AgentAdapter> agents;
    private final io.promethios.governance.core.spi.AgentRouter router;
    private final Stage[] stages;
    private final String[] stageNames;
    private final RequestValidator validator;
    private final SessionLocks locks = new SessionLocks(1024);
    private final ExecutorService ownedExecutor;
    private final Sessions sessions = new SessionsImpl();

    DefaultGovernancePipeline(PipelineAssembler.Options o) {
        this.options = o;
        this.defaultAgent = o.agent().orElseThrow();
        Map<String, AgentAdapter> all = new LinkedHashMap<>(o.agents());
        all.putIfAbsent(defaultAgent.id(), defaultAgent);
        this.agents = Map.copyOf(all);
        this.router = o.agentRouter().orElse(io.promethios.governance.core.spi.AgentRouter.PLANNED);
        this.trustScorer = o.trustScorer().orElseGet(BetaTrustScorer::ofDefaults);
        this.observer = o.observer().orElseGet(RuleObserver::ofDefaults);
        this.auditSink = o.auditSink().orElseGet(InMemoryAuditSink::new);
        this.sessionStore = o.sessionStore().orElseGet(InMemorySessionStore::create);
        this.listeners = new Listeners(o.listeners());
        this.clock = o.clock();
        this.historyWindow = o.historyWindow();
        this.maxHistoryMessages = o.maxHistoryMessages();
        this.maxReaskAttempts = o.maxReaskAttempts();
        this.failTurnOnAuditFailure = o.failTurnOnAuditFailure();
        this.logContent = o.logContent();
        this.riskDiscount = o.riskDiscount();
        Executor executor;
        if (o.executor().isPresent()) {
            executor = o.executor().get();
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = defaultExecutor();
            executor = ownedExecutor;
        }
        this.engine = new PolicyEngine(o.policies(), o.failureMode(), o.policyTimeout(), executor);
        this.validator = new RequestValidator(o.maxMessageChars(), o.maxMetadataEntries());
        List<Stage> chain = assembleStages(o.stages());
        this.stages = chain.toArray(new Stage[0]);
        this.stageNames = chain.stream().map(Stage::name).toArray(String[]::new);
    }

    private List<Stage> assembleStages(List<PipelineAssembler.StageSpec> custom) {
        List<Stage> out = new ArrayList<>();
        for (StageName name : StageName.values()) {
            for (PipelineAssembler.StageSpec s : custom) {
                if (s.anchor() == name && s.before()) {
                    out.add(s.stage());
                }
            }
            out.add(builtIn(name));
            for (PipelineAssembler.StageSpec s : custom) {
                if (s.anchor() == name && !s.before()) {
                    out.add(s.stage());
                }
            }
        }
        return out;
    }

    private Stage builtIn(StageName name) {
        switch (name) {
            case AUDIT: return new AuditStage();
            case OBSERVER: return new ObserverStage();
            case VALIDATION: return new ValidationStage(validator);
            case INPUT_POLICIES: return new InputPolicyStage();
            case TRUST_ASSESSMENT: return new TrustAssessmentStage();
            case OUTPUT_POLICIES: return new OutputPolicyStage();
            case ROUTING: return new RoutingStage();
            default: throw new IllegalStateException("unknown stage " + name);
        }
    }

    private static ExecutorService defaultExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "governance-policy");
                t.setDaemon(true);
                return t;
            });
        }
    }

    @Override
    public GovernedResponse chat(ChatRequest request) {
        Objects.requireNonNull(request, "request");
        return turn(request, null);
    }

    @Override
    public GovernedResponse stream(ChatRequest request, io.promethios.governance.core.GovernedStreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        GovernedResponse done = turn(request, listener);
        try {
            listener.onComplete(done);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DefaultGovernancePipeline.class)
                    .warn("Stream listener {} threw on completion in session {}; ignored", listener.getClass().getName(), done.sessionId(), e);
        }
        return done;
    }

    private GovernedResponse turn(ChatRequest request, io.promethios.governance.core.GovernedStreamListener listener) {
        ReentrantLock lock = locks.forSession(request.sessionId());
        lock.lock();
        try {
            ChatSession session = sessionStore.find(request.sessionId())
                    .orElseThrow(() -> SessionNotFoundException.of(request.sessionId()));
            if (!session.isOpen()) {
                throw SessionClosedException.of(session.id());
            }
            if (session.history().size() + 2 > maxHistoryMessages) {
                throw new InvalidRequestException("turn", List.of("history: session '" + session.id() + "' holds "
                        + session.history().size() + " messages and maxHistoryMessages is " + maxHistoryMessages
                        + "; start a new session"));
            }
            long turn = session.turns() + 1;
            Instant now = clock.instant();
            TurnState state = new TurnState(this, session, turn, now, route(session));
            if (listener != null) {
                state.stream = new StreamGovernor(state, listener, options.streamHoldBackChars());
            }
            if (listeners.active()) {
                listeners.publish(new GovernanceEvent.TurnStarted(session.id(), turn));
            }
            long t0 = System.nanoTime();
            GovernedResponse response;
            try {
                response = new RealStageChain(stages, stageNames, 0, state, request).proceed(request);
                commit(state, response);
            } catch (RuntimeException e) {
                if (listeners.active()) {
                    listeners.publish(new GovernanceEvent.TurnFailed(session.id(), turn, e.getClass().getName()));
                }
                throw e;
            }
            GovernedResponse done = new GovernedResponse(response.sessionId(), turn, response.status(), response.verdict(),
                    response.content(), response.agentId(), state.decisions, response.toolCalls(), state.trust(), state.trustChanges,
                    state.interventions, state.audit, state.timings);
            if (listeners.active()) {
                listeners.publish(new GovernanceEvent.TurnCompleted(session.id(), turn, done.status(), done.verdict(),
                        System.nanoTime() - t0));
            }
            return done;
        } finally {
            lock.unlock();
        }
    }

    /** Stores the turn as governance left it: governed text only, blocked and held turns without content. */
    private void commit(TurnState s, GovernedResponse r) {
        ChatSession session = s.session;
        Instant now = clock.instant();
        long seq = session.history().size();
        ChatSession.Builder next = session.toBuilder();
        next.addMessage(new Message(++seq, s.turn, MessageRole.USER, session.userId(), s.governedInput, s.inputStatus, s.inputVerdict,
                s.startedAt));
        if (s.agentCalled) {
            ContentStatus status = r.isDelivered() ? s.outputStatus : (s.outputStatus == ContentStatus.HELD ? ContentStatus.HELD
                    : ContentStatus.BLOCKED);
            next.addMessage(new Message(++seq, s.turn, MessageRole.AGENT, s.routedAgent.id(), r.isDelivered() ? r.content() : "", status,
                    s.outputVerdict, now));
        }
        TrustSnapshot after = trustAfter(s);
        sessionStore.update(next.trustMetrics(after).observerState(s.observerState).lastActivity(now).version(session.version() + 1).build(),
                session.version());
    }

    private AgentAdapter route(ChatSession session) {
        AgentAdapter planned = agentFor(session);
        if (router == io.promethios.governance.core.spi.AgentRouter.PLANNED) {
            return planned;
        }
        AgentAdapter chosen = router.route(new io.promethios.governance.core.spi.AgentRouter.Context(session, planned, agents, trustScorer));
        if (chosen == null || agents.get(chosen.id()) != chosen) {
            throw new GovernanceConfigurationException("agent router " + router.getClass().getName() + " chose "
                    + (chosen == null ? "null" : "agent '" + chosen.id() + "'") + ", which is not one of this pipeline's agents "
                    + agents.keySet());
        }
        return chosen;
    }

    /** The snapshot the turn started with, moved by this turn's own trust changes (no second lookup). */
    private static TrustSnapshot trustAfter(TurnState s) {
        TrustSnapshot t = s.trust();
        io.promethios.governance.core.trust.TrustScore user = t.user();
        io.promethios.governance.core.trust.TrustScore agent = t.agent();
        io.promethios.governance.core.trust.TrustScore conversation = t.conversation();
        io.promethios.governance.core.trust.TrustScore system = t.system();
        for (io.promethios.governance.core.trust.TrustChange c : s.trustChanges) {
            switch (c.subject().kind()) {
                case USER: user = c.after(); break;
                case AGENT: if (c.subject().id().equals(s.plannedAgent.id())) { agent = c.after(); } break;
                case CONVERSATION: conversation = c.after(); break;
                default: system = c.after();
            }
        }
        return new TrustSnapshot(user, agent, conversation, system);
    }

    AgentAdapter agentFor(ChatSession session) {
        List<String> ids = session.agentConfiguration().agentIds();
        if (ids.isEmpty()) {
            return defaultAgent;
        }
        AgentAdapter a = agents.get(ids.get(0));
        if (a == null) {
            throw new GovernanceConfigurationException("Session '" + session.id() + "' names agent '" + ids.get(0)
                    + "', which this pipeline does not have; known agents: " + agents.keySet());
        }
        return a;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public AuditSink auditSink() {
        return auditSink;
    }

    @Override
    public List<String> stageNames() {
        return List.of(stageNames);
    }

    @Override
    public List<String> policyIds() {
        return options.policies().stream().map(Policy::id).toList();
    }

    @Override
    public FailureMode failureMode() {
        return options.failureMode();
    }

    @Override
    public Builder toBuilder() {
        return Builder.inherit(new PipelineAssembler.Options(options.policies(), options.stages(), options.listeners(),
                options.agent(), options.agents(), options.agentRouter(), java.util.Optional.of(trustScorer), java.util.Optional.of(observer),
                java.util.Optional.of(auditSink), java.util.Optional.of(sessionStore), options.failureMode(), options.policyTimeout(),
                options.maxMessageChars(), options.maxHistoryMessages(), options.historyWindow(), options.maxReaskAttempts(),
                options.maxMetadataEntries(), options.streamHoldBackChars(), options.failTurnOnAuditFailure(), options.logContent(), options.riskDiscount(), options.clock(),
                options.executor(), false, java.util.Optional.empty(), options.providerProperties(), java.util.Optional.empty()));
    }

    @Override
    public void close() {
        try {
            auditSink.close();
        } finally {
            validator.close();
            if (ownedExecutor != null) {
                ownedExecutor.shutdownNow();
            }
        }
    }

    @Override
    public String toString() {
        return "GovernancePipeline[agent=" + defaultAgent.id() + ", policies=" + policyIds() + ", stages=" + stageNames() + "]";
    }

    /** Session management on this pipeline's store, with creation and closing audited. */
    private final class SessionsImpl implements Sessions {

        @Override
        public ChatSession create(io.promethios.governance.core.SessionSpec spec) {
            Objects.requireNonNull(spec, "spec");
            validator.validate(spec);
            if (spec.agentConfiguration().mode() == io.promethios.governance.core.session.AgentConfiguration.Mode.MULTI) {
                throw new GovernanceConfigurationException("Multi-agent sessions are not supported by this version of the pipeline; "
                        + "use a single-agent configuration");
            }
            for (String id : spec.agentConfiguration().agentIds()) {
                if (!agents.containsKey(id)) {
                    throw new GovernanceConfigurationException("Unknown agent '" + id + "'; known agents: " + agents.keySet());
                }
            }
            Instant now = clock.instant();
            String id = spec.sessionId().orElseGet(() -> java.util.UUID.randomUUID().toString());
            ChatSession session = ChatSession.builder().id(id).userId(spec.userId()).organizationId(spec.organizationId())
                    .agentConfiguration(spec.agentConfiguration()).governanceSettings(spec.settings()).policyContext(spec.policyContext())
                    .createdAt(now).lastActivity(now).version(0).build();
            ReentrantLock lock = locks.forSession(id);
            lock.lock();
            try {
                if (sessionStore.find(id).isPresent()) {
                    throw new IllegalStateException("A session with id '" + id + "' already exists");
                }
                auditSink.append(List.of(lifecycle(session, io.promethios.governance.core.audit.AuditEventType.SESSION_CREATED, now)));
                sessionStore.create(session);
            } finally {
                lock.unlock();
            }
            return session;
        }

        @Override
        public java.util.Optional<ChatSession> find(String sessionId) {
            Objects.requireNonNull(sessionId, "sessionId");
            return sessionStore.find(sessionId);
        }

        @Override
        public ChatSession get(String sessionId) {
            return find(sessionId).orElseThrow(() -> SessionNotFoundException.of(sessionId));
        }

        @Override
        public List<Message> history(String sessionId) {
            return get(sessionId).history();
        }

        @Override
        public ChatSession close(String sessionId) {
            Objects.requireNonNull(sessionId, "sessionId");
            ReentrantLock lock = locks.forSession(sessionId);
            lock.lock();
            try {
                ChatSession s = get(sessionId);
                if (!s.isOpen()) {
                    return s;
                }
                Instant now = clock.instant();
                ChatSession closed = s.toBuilder().status(io.promethios.governance.core.session.SessionStatus.CLOSED).lastActivity(now)
                        .version(s.version() + 1).build();
                auditSink.append(List.of(lifecycle(closed, io.promethios.governance.core.audit.AuditEventType.SESSION_CLOSED, now)));
                sessionStore.update(closed, s.version());
                return closed;
            } finally {
                lock.unlock();
            }
        }

        private io.promethios.governance.core.audit.AuditRecord lifecycle(ChatSession s,
                                                                          io.promethios.governance.core.audit.AuditEventType type,
                                                                          Instant now) {
            return io.promethios.governance.core.audit.AuditRecord.draft(s.id(), type, now, s.userId(), s.organizationId(), 0, "", "",
                    "", "", List.of(), s.trustMetrics(), Map.of("agents", String.join(",", s.agentConfiguration().agentIds())));
        }
    }
}
