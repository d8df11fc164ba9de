package io.promethios.governance.core.session;

import io.promethios.governance.core.observer.ObserverState;
import io.promethios.governance.core.trust.TrustSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conversation with its governance metadata. Immutable: every turn produces a new version.
 *
 * @param id                 session id
 * @param userId             the user
 * @param organizationId     the user's organization
 * @param agentConfiguration the agent(s) serving the session
 * @param governanceSettings per-session settings
 * @param history            governed messages, oldest first (no raw text, ever)
 * @param trustMetrics       the trust after the latest turn
 * @param policyContext      attributes policies may use (for example {@code role})
 * @param observerState      what the observer has accumulated
 * @param createdAt          creation time
 * @param lastActivity       time of the latest change
 * @param status             open or closed
 * @param version            optimistic version, incremented by every stored change
 * @since 0.1
 */
public record ChatSession(
        String id,
        String userId,
        String organizationId,
        AgentConfiguration agentConfiguration,
        GovernanceSettings governanceSettings,
        List<Message> history,
        TrustSnapshot trustMetrics,
        Map<String, String> policyContext,
        ObserverState observerState,
        Instant createdAt,
        Instant lastActivity,
        SessionStatus status,
        long version) {

    public ChatSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(agentConfiguration, "agentConfiguration");
        Objects.requireNonNull(governanceSettings, "governanceSettings");
        history = AppendOnlyHistory.copyOf(history); // shared with earlier versions: appending is O(1)
        Objects.requireNonNull(trustMetrics, "trustMetrics");
        policyContext = Map.copyOf(policyContext);
        Objects.requireNonNull(observerState, "observerState");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(status, "status");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, but was " + version);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.userId = userId;
        b.organizationId = organizationId;
        b.agentConfiguration = agentConfiguration;
        b.governanceSettings = governanceSettings;
        b.history = (AppendOnlyHistory) history;
        b.trustMetrics = trustMetrics;
        b.policyContext = policyContext;
        b.observerState = observerState;
        b.createdAt = createdAt;
        b.lastActivity = lastActivity;
        b.status = status;
        b.version = version;
        return b;
    }

    /** Whether turns are accepted. */
    public boolean isOpen() {
        return status == SessionStatus.OPEN;
    }

    /** The number of completed turns. */
    public long turns() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).turn();
    }

    @Override
    public String toString() {
        return "ChatSession[id=" + id + ", userId=" + userId + ", organizationId=" + organizationId + ", messages=" + history.size()
                + ", status=" + status + ", version=" + version + "]";
    }

    /** Builder for {@link ChatSession}; unset optional fields take neutral defaults. */
    public static final class Builder {
        private String id;
        private String userId;
        private String organizationId = "default";
        private AgentConfiguration agentConfiguration = AgentConfiguration.defaultAgent();
        private GovernanceSettings governanceSettings = GovernanceSettings.defaults();
        private AppendOnlyHistory history = AppendOnlyHistory.empty();
        private TrustSnapshot trustMetrics = TrustSnapshot.unknown();
        private Map<String, String> policyContext = Map.of();
        private ObserverState observerState = ObserverState.initial();
        private Instant createdAt;
        private Instant lastActivity;
        private SessionStatus status = SessionStatus.OPEN;
        private long version;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder userId(String userId) { this.userId = userId; return this; }
        public Builder organizationId(String organizationId) { this.organizationId = organizationId; return this; }
        public Builder agentConfiguration(AgentConfiguration c) { this.agentConfiguration = c; return this; }
        public Builder governanceSettings(GovernanceSettings s) { this.governanceSettings = s; return this; }
        public Builder history(List<Message> history) { this.history = AppendOnlyHistory.copyOf(history); return this; }
        public Builder addMessage(Message message) { this.history = this.history.append(message); return this; }
        public Builder trustMetrics(TrustSnapshot t) { this.trustMetrics = t; return this; }
        public Builder policyContext(Map<String, String> p) { this.policyContext = p; return this; }
        public Builder observerState(ObserverState s) { this.observerState = s; return this; }
        public Builder createdAt(Instant t) { this.createdAt = t; return this; }
        public Builder lastActivity(Instant t) { this.lastActivity = t; return this; }
        public Builder status(SessionStatus s) { this.status = s; return this; }
        public Builder version(long v) { this.version = v; return this; }

        public ChatSession build() {
            Instant created = createdAt;
            Instant last = lastActivity == null ? created : lastActivity;
            return new ChatSession(id, userId, organizationId, agentConfiguration, governanceSettings, history, trustMetrics,
                    policyContext, observerState, created, last, status, version);
        }
    }
}
