package org.jixiao.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The size a request body may have: {@code jixiao.http.max-body-size} (2 MiB) for ordinary bodies;
 * {@code jixiao.http.document-body-size} for the paths that take a whole declaration
 * ({@code jixiao.http.document-body-paths}, regular expressions), whose largest legal form is larger;
 * no limit of ours for the paths in {@code jixiao.http.large-body-paths}, which stream (the project
 * import). Quarkus' own {@code quarkus.http.limits.max-body-size} is one number for the whole server, so
 * it stays as large as the streaming endpoint needs and this class holds the others to theirs: a
 * declared Content-Length is refused before a byte is read, a chunked body when it passes the limit.
 */
@ApplicationScoped
public class BodyLimit {
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long limit;
    private final long documentLimit;
    private final List<Pattern> documentPaths;
    private final List<String> largeBodyPaths;
    private final ObjectMapper json;

    public BodyLimit(@ConfigProperty(name = "jixiao.http.max-body-size", defaultValue = "2M") MemorySize limit,
            @ConfigProperty(name = "jixiao.http.document-body-size", defaultValue = "6M") MemorySize documentLimit,
            @ConfigProperty(name = "jixiao.http.document-body-paths") Optional<List<String>> documentPaths,
            @ConfigProperty(name = "jixiao.http.large-body-paths") Optional<List<String>> largeBodyPaths,
            ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.documentLimit = documentLimit.asLongValue();
        this.documentPaths = documentPaths.orElse(List.of()).stream().map(Pattern::compile).toList();
        this.largeBodyPaths = largeBodyPaths.orElse(List.of());
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::checkDeclaredLength, 50);
    }

    void checkDeclaredLength(RoutingContext rc) {
        String declared = rc.request().getHeader("Content-Length");
        if (declared != null && WITH_BODY.contains(rc.request().method()) && !streams(rc.normalizedPath())) {
            long limit = limitFor(rc.normalizedPath());
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > limit) {
                tooLarge(rc, limit);
                return;
            }
        }
        rc.next();
    }

    @ServerRequestFilter
    public void countChunkedBody(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (WITH_BODY.contains(HttpMethod.valueOf(request.getMethod()))
                && request.getHeaderString("Content-Length") == null && !streams(path)) {
            request.setEntityStream(new Limited(request.getEntityStream(), limitFor(path)));
        }
    }

    private boolean streams(String path) {
        return largeBodyPaths.contains(path);
    }

    long limitFor(String path) {
        return documentPaths.stream().anyMatch(p -> p.matcher(path).matches()) ? documentLimit : limit;
    }

    private void tooLarge(RoutingContext rc, long limit) {
        String body;
        try {
            body = json.writeValueAsString(ProblemMappers.problem(413, "body-too-large", "Content too large",
                    "the request body is larger than " + limit + " bytes, the most this endpoint accepts",
                    rc.request().path()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        // the unread body would otherwise be taken for the next request on this connection
        rc.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }

    /** Counts what the reader takes and stops it at the limit. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
