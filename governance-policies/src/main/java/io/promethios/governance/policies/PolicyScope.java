package io.promethios.governance.policies;

import io.promethios.governance.core.spi.PolicyContext;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Who a policy applies to: organizations, agents and roles (empty = everyone), and roles that
 * are exempt (a compliance officer may see unredacted card numbers).
 *
 * <p>The role of a turn is read from the context attribute {@code role} and, failing that, from
 * the session's {@code policyContext} entry {@code role}; several roles may be given separated by
 * commas.
 *
 * @param organizations organizations the policy applies to; empty = all
 * @param roles         roles the policy applies to; empty = all
 * @param agents        agent ids the policy applies to; empty = all
 * @param exemptRoles   roles the policy never applies to
 * @since 0.1
 */
public record PolicyScope(Set<String> organizations, Set<String> roles, Set<String> agents, Set<String> exemptRoles) {

    /** Key of the role attribute. */
    public static final String ROLE_ATTRIBUTE = "role";

    private static final PolicyScope EVERYONE = new PolicyScope(Set.of(), Set.of(), Set.of(), Set.of());

    public PolicyScope {
        organizations = Set.copyOf(Objects.requireNonNull(organizations, "organizations"));
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        agents = Set.copyOf(Objects.requireNonNull(agents, "agents"));
        exemptRoles = Set.copyOf(Objects.requireNonNull(exemptRoles, "exemptRoles"));
    }

    /** Applies to every turn. */
    public static PolicyScope everyone() {
        return EVERYONE;
    }

    /** Whether the policy applies to the turn of {@code context}. */
    public boolean appliesTo(PolicyContext context) {
        if (!organizations.isEmpty() && !organizations.contains(context.organizationId())) {
            return false;
        }
        if (!agents.isEmpty() && !agents.contains(context.agentId())) {
            return false;
        }
        Set<String> turnRoles = rolesOf(context);
        if (turnRoles.stream().anyMatch(exemptRoles::contains)) {
            return false;
        }
        return roles.isEmpty() || turnRoles.stream().anyMatch(roles::contains);
    }

    static Set<String> rolesOf(PolicyContext context) {
        String r = context.attributes().get(ROLE_ATTRIBUTE);
        if (r == null) {
            r = context.session().policyContext().get(ROLE_ATTRIBUTE);
        }
        if (r == null || r.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(r.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList());
    }
}
