package org.jixiao.common.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every service's OpenAPI document one that client generators accept, without annotating each
 * operation the same way: readable unique operationIds, every 4xx an operation can answer documented as
 * problem+json, and the seed's declarations as examples of the main request bodies. Runs at build time, so
 * the stored document (target/openapi) and /q/openapi are the same.
 *
 * <p>Which 4xx an operation gets follows from what the shared code answers: 400 when it takes parameters or
 * a body (validation, unreadable values), 401 and 403 when it needs a token (no token; a role that may not
 * call it), 404 when its path names a resource, 409 when it changes state (a rule of the resource's current
 * state, or a concurrent change), 412 and 428 when it takes If-Match, 413 when it takes a body (BodyLimit).
 * An operation that only computes (extension {@value #PURE}) answers no 409. Responses an operation already
 * documents are left as they are.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {
    /** Extension marking a POST that computes an answer and changes nothing (no 409). Removed from the output. */
    public static final String PURE = "x-jixiao-pure";

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> GENERIC_METHODS = Set.of("get", "list", "all", "put", "post", "create",
            "update", "delete", "patch", "replace", "search");
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "invalid request: a parameter or the body breaks a rule (errors[] points at each)");
        PROBLEMS.put("401", "no bearer token, or an invalid or expired one");
        PROBLEMS.put("403", "the token's role (or department) may not do this");
        PROBLEMS.put("404", "no such resource, or not visible to this caller");
        PROBLEMS.put("409", "the resource's current state does not allow this, or someone changed it at the same moment");
        PROBLEMS.put("412", "If-Match is not the current ETag: read again and retry");
        PROBLEMS.put("413", "request body too large");
        PROBLEMS.put("428", "If-Match missing");
    }

    /** Paths answered without a token (reporting-service's published tables and open data). */
    static final String PUBLIC_PATHS = "/public/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ensureProblemSchema(openAPI);
        Map<String, List<Operation>> byMethodName = new HashMap<>();
        JsonNode seedProject = seedProject();
        for (var path : new TreeMap<>(openAPI.getPaths().getPathItems()).entrySet()) {
            PathItem item = path.getValue();
            for (var entry : item.getOperations().entrySet()) {
                Operation op = entry.getValue();
                if (op.getSecurity() == null && path.getKey().startsWith(PUBLIC_PATHS)) {
                    // published for anyone: say so (security: []) rather than leave the reader to guess
                    op.setSecurity(new ArrayList<>());
                }
                String id = op.getOperationId();
                if (id != null && id.contains("_")) {
                    byMethodName.computeIfAbsent(id.substring(id.lastIndexOf('_') + 1), k -> new ArrayList<>()).add(op);
                }
                documentProblems(openAPI, path.getKey(), item, entry.getKey(), op);
                describeResponses(op);
                addExamples(op, seedProject);
            }
        }
        nameOperations(byMethodName);
    }

    /**
     * CLASS_METHOD ids (ProjectResource_submit) become the method name (submit) where that is unique in the
     * document and says what it does; a generic or repeated name gets its class: get → getProject.
     */
    private static void nameOperations(Map<String, List<Operation>> byMethodName) {
        Set<String> taken = new java.util.HashSet<>();
        for (var entry : new TreeMap<>(byMethodName).entrySet()) {
            String method = entry.getKey();
            boolean plain = entry.getValue().size() == 1 && !GENERIC_METHODS.contains(method);
            for (Operation op : entry.getValue()) {
                String id = op.getOperationId();
                String stem = id.substring(0, id.lastIndexOf('_')).replaceFirst("Resource$", "");
                String name = plain ? method : withClass(method, stem);
                String unique = name;
                for (int i = 2; !taken.add(unique); i++) {
                    unique = name + i;
                }
                op.setOperationId(unique);
            }
        }
    }

    private static String withClass(String method, String stem) {
        if (method.equals("all") || method.equals("list")) {
            return "list" + (stem.endsWith("y") ? stem.substring(0, stem.length() - 1) + "ies" : stem + "s");
        }
        return method + stem;
    }

    private static void documentProblems(OpenAPI openAPI, String path, PathItem item, PathItem.HttpMethod method,
            Operation op) {
        // the scanner puts a method's @Extension on its operation or on its responses
        boolean pure = false;
        if (op.getExtensions() != null && op.getExtensions().containsKey(PURE)) {
            pure = true;
            op.removeExtension(PURE);
        }
        if (op.getResponses() != null && op.getResponses().getExtensions() != null
                && op.getResponses().getExtensions().containsKey(PURE)) {
            pure = true;
            op.getResponses().removeExtension(PURE);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                if (response.getExtensions() != null && response.getExtensions().containsKey(PURE)) {
                    pure = true;
                    response.removeExtension(PURE);
                }
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            parameters.addAll(op.getParameters());
        }
        boolean body = op.getRequestBody() != null;
        boolean authenticated = op.getSecurity() != null ? !op.getSecurity().isEmpty()
                : openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        boolean ifMatch = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && "If-Match".equalsIgnoreCase(p.getName()));
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS && !pure;

        List<String> statuses = new ArrayList<>();
        if (!parameters.isEmpty() || body) {
            statuses.add("400");
        }
        if (authenticated) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{") && !(method == PathItem.HttpMethod.PUT && !namesById(parameters))) {
            // PUT /routes/{budgetYear} creates what is missing; PUT /projects/{id} needs the project
            statuses.add("404");
        }
        if (writes) {
            statuses.add("409");
        }
        if (ifMatch) {
            statuses.add("412");
            statuses.add("428");
        }
        if (body) {
            statuses.add("413");
        }
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        for (String status : statuses) {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .description(PROBLEMS.get(status))
                        .content(problemContent()));
            }
        }
        // Quarkus adds a bare "400 Bad Request" to operations with a validated body; every error is a Problem
        for (var r : responses.getAPIResponses().entrySet()) {
            APIResponse response = r.getValue();
            if (r.getKey().startsWith("4") && response.getRef() == null && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
                if (PROBLEMS.containsKey(r.getKey())) {
                    response.setDescription(PROBLEMS.get(r.getKey()));
                }
            }
        }
    }

    private static boolean namesById(List<Parameter> parameters) {
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH && p.getSchema() != null
                && ("uuid".equals(p.getSchema().getFormat()) || "#/components/schemas/UUID".equals(p.getSchema().getRef())));
    }

    /** A response object must have a description; an annotation that gave only a schema gets the status's. */
    private static void describeResponses(Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return;
        }
        for (var r : op.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = r.getValue();
            if (response.getRef() == null && (response.getDescription() == null || response.getDescription().isBlank())) {
                String known = PROBLEMS.get(r.getKey());
                response.setDescription(known != null ? known : reason(r.getKey()));
            }
        }
    }

    private static String reason(String status) {
        try {
            var s = jakarta.ws.rs.core.Response.Status.fromStatusCode(Integer.parseInt(status));
            return s == null ? "status " + status : s.getReasonPhrase();
        } catch (NumberFormatException e) {
            return "other outcomes";
        }
    }

    /**
     * A request body of the interchange document (or a list of them) shows a seed declaration as it is; one
     * of another schema shows the named examples in the service's openapi-examples/{schema}.json, if any.
     */
    private static void addExamples(Operation op, JsonNode seedProject) {
        if (seedProject == null || op.getRequestBody() == null || op.getRequestBody().getContent() == null
                || op.getRequestBody().getContent().getMediaTypes() == null) {
            return;
        }
        for (MediaType media : op.getRequestBody().getContent().getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema == null || media.getExample() != null
                    || (media.getExamples() != null && !media.getExamples().isEmpty())) {
                continue;
            }
            if (isProjectDocument(schema)) {
                media.setExample(plain(seedProject));
            } else if (schema.getItems() != null && isProjectDocument(schema.getItems())) {
                media.setExample(List.of(plain(seedProject)));
            } else if (schema.getRef() != null) {
                namedExamples(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1))
                        .forEach((name, example) -> media.addExample(name, OASFactory.createExample()
                                .summary(example.path("summary").asText(null)).value(plain(example.path("value")))));
            }
        }
    }

    private static Map<String, JsonNode> namedExamples(String schemaName) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        try (InputStream in = classLoader().getResourceAsStream("openapi-examples/" + schemaName + ".json")) {
            if (in != null) {
                new ObjectMapper().readTree(in).fields().forEachRemaining(e -> examples.put(e.getKey(), e.getValue()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi-examples/" + schemaName + ".json", e);
        }
        return examples;
    }

    private static boolean isProjectDocument(Schema schema) {
        return "#/components/schemas/ProjectDocument".equals(schema.getRef());
    }

    private static Object plain(JsonNode node) {
        return new ObjectMapper().convertValue(node, Object.class);
    }

    /** JC-CQ-2025-002 (学前教育公用经费): short, and complete enough to be submitted as it is. */
    private static JsonNode seedProject() {
        try (InputStream in = classLoader().getResourceAsStream("seed/seed-2025-projects.json")) {
            if (in == null) {
                return null;
            }
            for (JsonNode p : new ObjectMapper().readTree(in).path("projects")) {
                if ("JC-CQ-2025-002".equals(p.path("externalRef").asText())) {
                    return p;
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the seed for OpenAPI examples", e);
        }
    }

    /** At build time the application's resources are on the context class loader. */
    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ApiDocumentFilter.class.getClassLoader();
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** Problem is scanned from common's index in every service; a document without it would have dangling refs. */
    private static void ensureProblemSchema(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("the Problem schema is missing from the OpenAPI document");
        }
    }
}
