package org.jixiao.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the use cases need it: a name for audit columns, the roles, and for a
 * {@code department} token the department code it is limited to.
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The department a department-only caller is limited to; empty for reviewers, admins, integrations. */
    public Optional<String> restrictedToDepartment() {
        if (hasRole(Roles.ADMIN) || hasRole(Roles.REVIEWER) || hasRole(Roles.INTEGRATION)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim("department");
        // A department token without the claim sees nothing rather than everything.
        return Optional.of(claim == null ? "" : claim.toString().replace("\"", ""));
    }

    public boolean mayAccessDepartment(String departmentCode) {
        return restrictedToDepartment().map(d -> d.equals(departmentCode)).orElse(true);
    }

    /** A claim of the token as text, e.g. a reviewer's {@code office} for stage restrictions. */
    public Optional<String> claim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
