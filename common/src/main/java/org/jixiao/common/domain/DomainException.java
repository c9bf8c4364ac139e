package org.jixiao.common.domain;

import java.util.List;

/**
 * A broken rule, as domain code and use cases signal it: what kind of failure it is, a stable
 * {@code code} clients can branch on (e.g. {@code return-needs-comment}), a message for people and the
 * pointers to what broke it. It knows nothing of HTTP: the REST layer's problem mapper turns the kind
 * into a status (RFC 9457 problem+json), so rules can be tested without a server.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, independent of transport. */
    public enum Kind {
        /** the request or document breaks a rule of its own content */
        INVALID("Bad request"),
        /** the actor may not do this */
        FORBIDDEN("Forbidden"),
        /** no such thing, or not visible to the actor */
        NOT_FOUND("Not found"),
        /** the thing's current state does not allow it */
        CONFLICT("Conflict"),
        /** the actor's copy is stale (optimistic concurrency) */
        PRECONDITION_FAILED("Precondition failed"),
        /** the actor must say which version it read */
        PRECONDITION_REQUIRED("Precondition required"),
        /** well-formed, but it cannot be done as asked (e.g. an Idempotency-Key reused for another request) */
        UNPROCESSABLE("Unprocessable content"),
        /** the service cannot take it on now (busy); the client should retry later */
        UNAVAILABLE("Service unavailable");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String defaultTitle() {
            return title;
        }
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<Violation> violations;

    public DomainException(Kind kind, String code, String title, String message, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.title = title == null ? kind.defaultTitle() : title;
        this.violations = List.copyOf(violations);
    }

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, null, message, List.of());
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID, code, message);
    }

    public static DomainException invalid(String code, String title, String message, List<Violation> violations) {
        return new DomainException(Kind.INVALID, code, title, message, violations);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "not-found",
                what + " " + id + " does not exist or is not visible to you");
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(Kind.FORBIDDEN, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
