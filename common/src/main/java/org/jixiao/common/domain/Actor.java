package org.jixiao.common.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts, as plain values: the name that goes into audit columns and history, the roles, and the
 * token's claims (e.g. {@code department}, a reviewer's {@code office}). Built by the REST layer from
 * the verified token, so that use cases and rules never
 * see a request-scoped security object.
 */
public record Actor(String name, Set<String> roles, Map<String, String> claims) {

    public Actor {
        roles = Set.copyOf(roles);
        claims = Map.copyOf(claims);
    }


    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The department a department-only actor is limited to; empty for reviewers, admins, integrations. */
    public Optional<String> restrictedToDepartment() {
        if (hasRole(Roles.ADMIN) || hasRole(Roles.REVIEWER) || hasRole(Roles.INTEGRATION)) {
            return Optional.empty();
        }
        // A department token without the claim sees nothing rather than everything.
        return Optional.of(claims.getOrDefault("department", ""));
    }

    public boolean mayAccessDepartment(String departmentCode) {
        return restrictedToDepartment().map(d -> d.equals(departmentCode)).orElse(true);
    }

    /** A claim of the token as text. */
    public Optional<String> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }
}
