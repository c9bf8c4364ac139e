package org.jixiao.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jixiao.common.domain.Actor;

/**
 * The verified token of the current request. Resources turn it into an {@link Actor} and hand that to
 * the use cases, so nothing below the REST layer depends on a request-scoped security object.
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    /** The caller as plain values: name, roles and every claim of the token as text. */
    public Actor actor() {
        Map<String, String> claims = new HashMap<>();
        if (!identity.isAnonymous() && jwt.getClaimNames() != null) {
            for (String name : jwt.getClaimNames()) {
                Object value = jwt.getClaim(name);
                if (value != null) {
                    claims.put(name, value.toString().replace("\"", ""));
                }
            }
        }
        return new Actor(name(), identity.getRoles(), claims);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
