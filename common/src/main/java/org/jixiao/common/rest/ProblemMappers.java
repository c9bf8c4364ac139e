package org.jixiao.common.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.InvalidTextException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Unavailable;
import org.jixiao.common.domain.Violation;

/**
 * Every error leaves as application/problem+json. Input the client got wrong (malformed JSON, unknown
 * fields, bad enum values, validation) is 400 with a pointer to the culprit, never 500.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://jixiao.org/problems/";

    @ServerExceptionMapper
    public Response brokenRule(DomainException e, UriInfo uri) {
        Response response = respond(status(e.kind()), e.code(), e.title(), e.getMessage(), uri, e.violations());
        if (e instanceof Unavailable busy) {
            return Response.fromResponse(response).header("Retry-After", Long.toString(busy.retryAfterSeconds())).build();
        }
        return response;
    }

    /** The one place where a rule's kind becomes an HTTP status. */
    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> errors = e.getConstraintViolations().stream()
                .map(v -> new Violation(pointer(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::pointer))
                .toList();
        String detail = errors.stream().map(v -> v.pointer() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(400, "validation", "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(400, "unknown-field", "Unknown field",
                "field '" + e.getPropertyName() + "' is not part of this request; known fields: "
                        + e.getKnownPropertyIds(),
                uri, List.of(new Violation(jsonPointer(e), "unknown field")));
    }

    @ServerExceptionMapper
    public Response invalidText(InvalidTextException e, UriInfo uri) {
        return brokenRule(e.asBrokenRule(), uri);
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLargeException e, UriInfo uri) {
        return respond(413, "body-too-large", "Content too large", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "; allowed: " + List.of(e.getTargetType().getEnumConstants())
                : "";
        return respond(400, "invalid-value", "Invalid value",
                "value '" + e.getValue() + "' cannot be read as " + simpleName(e.getTargetType()) + allowed, uri,
                List.of(new Violation(jsonPointer(e), "invalid value" + allowed)));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(400, "invalid-json", "Invalid JSON",
                "expected " + simpleName(e.getTargetType()) + " at " + jsonPointer(e) + ": " + e.getOriginalMessage(),
                uri, List.of(new Violation(jsonPointer(e), e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return respond(400, "invalid-json", "Invalid JSON", e.getOriginalMessage(), uri,
                List.of(new Violation(jsonPointer(e), e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(400, "malformed-json", "Malformed JSON",
                "the body is not valid JSON: " + e.getOriginalMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return withChallenge(respond(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required (Authorization: Bearer …)", uri, List.of()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return withChallenge(respond(401, "unauthorized", "Unauthorized",
                "the bearer token is invalid or expired", uri, List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "your role does not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(409, "concurrent-update", "Conflict",
                "someone else changed this resource at the same moment; read it again and retry", uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof InvalidTextException ite) {
            return invalidText(ite, uri);
        }
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            return bodyTooLarge(tooLarge, uri);
        }
        if (e.getCause() instanceof JsonMappingException jme) {
            return jsonMapping(jme, uri);
        }
        if (e.getCause() instanceof JsonParseException jpe) {
            return malformedJson(jpe, uri);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            return unconvertibleParameter(e.getCause(), uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return respond(status, "http-" + status, title, e.getMessage(), uri, List.of());
    }

    /**
     * JAX-RS answers a query or path parameter it cannot convert (page=99999999999, budgetYear=abc) with
     * 404, as if the resource did not exist; the client sent a bad value and hears 400 with its name.
     */
    private static Response unconvertibleParameter(Throwable cause, UriInfo uri) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        String name = null;
        if (uri != null) {
            for (var parameters : List.of(uri.getQueryParameters(true), uri.getPathParameters(true))) {
                for (var p : parameters.entrySet()) {
                    if (name == null && p.getValue().stream().anyMatch(v -> !v.isEmpty()
                            && (message.contains("\"" + v + "\"") || message.endsWith(": " + v)))) {
                        name = p.getKey();
                    }
                }
            }
        }
        String detail = (name == null ? "a parameter" : name) + " cannot be read as a value of its type"
                + (message.isEmpty() ? "" : " (" + message + ")");
        return respond(400, "invalid-parameter", "Invalid parameter", detail, uri,
                name == null ? List.of() : List.of(new Violation(name, "not a valid value of this parameter's type")));
    }

    /** The database away for a moment is not the client's fault, nor a bug: 503, come back shortly. */
    @ServerExceptionMapper
    public Response databaseUnavailable(org.hibernate.exception.JDBCConnectionException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    /**
     * PostgreSQL ending a session (SQLSTATE class 57P: shut down, restarted, a backend terminated by an operator)
     * reaches the request that holds the connection as a generic JDBC error; the pool drops the connection and
     * the next request gets a fresh one, so this too is a 503 to retry, not a 500. Anything else generic stays 500.
     */
    @ServerExceptionMapper
    public Response databaseFailed(org.hibernate.exception.GenericJDBCException e, UriInfo uri) {
        return e.getSQLState() != null && e.getSQLState().startsWith("57P") ? unavailable(e, uri) : unexpected(e, uri);
    }

    private static Response unavailable(org.hibernate.JDBCException e, UriInfo uri) {
        LOG.warnf("database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
        return Response.fromResponse(respond(503, "database-unavailable", "Service unavailable",
                "the database cannot be reached right now; retry in a few seconds", uri, List.of()))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error on " + (uri == null ? "?" : uri.getPath()), e);
        return respond(500, "internal", "Internal error",
                "the server failed to handle this request; it has been logged", uri, List.of());
    }

    /** The same problem as {@link #respond}, for handlers that answer before JAX-RS (no UriInfo there). */
    public static Problem problem(int status, String type, String title, String detail, String path) {
        return new Problem(TYPE_BASE + type, title, status, detail, path, List.of());
    }

    private static Response respond(int status, String type, String title, String detail, UriInfo uri,
            List<Violation> errors) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + type, title, status, detail, instance, errors))
                .build();
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    private static String pointer(ConstraintViolation<?> v) {
        // Method-parameter paths look like "create.body.indicators[0].name": drop method and parameter.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        String property = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return "/" + property.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
    }

    private static String jsonPointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}
