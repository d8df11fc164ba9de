package io.promethios.governance.core;

import io.promethios.governance.core.session.AgentConfiguration;
import io.promethios.governance.core.session.GovernanceSettings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new session should look like. Validated when the session is created (identifiers:
 * 1 to 128 characters of {@code [A-Za-z0-9._:@-]}).
 *
 * @param sessionId          the id to use; empty to generate a random UUID
 * @param userId             the user
 * @param organizationId     the organization ({@code "default"} if not given)
 * @param agentConfiguration the agent(s)
 * @param settings           governance settings
 * @param policyContext      attributes for policies (for example {@code role})
 * @since 0.1
 */
public record SessionSpec(Optional<String> sessionId, String userId, String organizationId, AgentConfiguration agentConfiguration,
                          GovernanceSettings settings, Map<String, String> policyContext) {

    public SessionSpec {
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        Objects.requireNonNull(userId, "userId");
        organizationId = organizationId == null ? "default" : organizationId;
        agentConfiguration = agentConfiguration == null ? AgentConfiguration.defaultAgent() : agentConfiguration;
        settings = settings == null ? GovernanceSettings.defaults() : settings;
        policyContext = policyContext == null ? Map.of() : Map.copyOf(policyContext);
    }

    /** A session for {@code userId} in the default organization with the default agent. */
    public static SessionSpec forUser(String userId) {
        return new SessionSpec(Optional.empty(), userId, "default", null, null, null);
    }

    public SessionSpec withSessionId(String id) {
        return new SessionSpec(Optional.of(id), userId, organizationId, agentConfiguration, settings, policyContext);
    }

    public SessionSpec withOrganization(String organization) {
        return new SessionSpec(sessionId, userId, organization, agentConfiguration, settings, policyContext);
    }

    public SessionSpec withAgents(AgentConfiguration agents) {
        return new SessionSpec(sessionId, userId, organizationId, agents, settings, policyContext);
    }

    public SessionSpec withSettings(GovernanceSettings s) {
        return new SessionSpec(sessionId, userId, organizationId, agentConfiguration, s, policyContext);
    }

    public SessionSpec withPolicyContext(Map<String, String> context) {
        return new SessionSpec(sessionId, userId, organizationId, agentConfiguration, settings, context);
    }
}
