package org.jixiao.common.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Texts;
import org.jixiao.common.domain.Violation;

/**
 * Query and path parameters obey the same text rule as bodies: a {@code %00} in a filter would reach
 * the database as a NUL and fail there, on every endpoint that forgot to check it.
 */
public class ParameterGuard {

    @ServerRequestFilter
    public void checkText(UriInfo uri) {
        check(uri.getQueryParameters(true));
        check(uri.getPathParameters(true));
    }

    private static void check(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            String problem = Texts.problem(p.getKey());
            for (String value : p.getValue()) {
                if (problem == null) {
                    problem = Texts.problem(value);
                }
            }
            if (problem != null) {
                throw DomainException.invalid("invalid-text", "Invalid text", p.getKey() + " " + problem,
                        List.of(new Violation(p.getKey(), problem)));
            }
        }
    }
}
