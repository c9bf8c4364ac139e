package org.jixiao.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver in the test's JVM, standing in for a collector: the services, run as separate
 * processes, export their spans to it (OTEL_EXPORTER_OTLP_ENDPOINT, protocol http/protobuf), and the test reads
 * them back. It decodes the protobuf {@code ExportTraceServiceRequest} by hand — the few fields a test reads —
 * rather than through generated classes that would pin a protobuf runtime next to Quarkus' own.
 */
final class OtlpReceiver implements AutoCloseable {
    /** A received span: ids as lower-case hex, the resource's service.name, string/int/bool attributes. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
            Map<String, String> attributes) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    /** OTLP's Span.SpanKind numbers. */
    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(body);
                }
                receiver.receive(body.readAllBytes());
                // an empty ExportTraceServiceResponse: everything accepted
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            }
        });
        server.start();
        return receiver;
    }

    /** The base URL the services export to (the exporter appends /v1/traces). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private void receive(byte[] request) {
        for (byte[] resourceSpans : Fields.of(request).bytes(1)) {
            Fields rs = Fields.of(resourceSpans);
            // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
            // Resource { repeated KeyValue attributes = 1; }
            String service = rs.bytes(1).stream().flatMap(r -> Fields.of(r).bytes(1).stream())
                    .map(OtlpReceiver::keyValue).filter(kv -> kv[0].equals("service.name")).map(kv -> kv[1])
                    .findFirst().orElse("");
            for (byte[] scopeSpans : rs.bytes(2)) {
                // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
                for (byte[] span : Fields.of(scopeSpans).bytes(2)) {
                    spans.add(span(service, Fields.of(span)));
                }
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        repeated KeyValue attributes = 9; }
    private static ReceivedSpan span(String service, Fields span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (byte[] kv : span.bytes(9)) {
            String[] pair = keyValue(kv);
            attributes.put(pair[0], pair[1]);
        }
        return new ReceivedSpan(service, hex(span.first(1)), hex(span.first(2)), hex(span.first(4)),
                new String(span.first(5), StandardCharsets.UTF_8), Kind.values()[(int) span.varint(6)], attributes);
    }

    // KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { oneof { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4; … } }
    private static String[] keyValue(byte[] keyValue) {
        Fields kv = Fields.of(keyValue);
        Fields value = Fields.of(kv.first(2));
        String text;
        if (!value.bytes(1).isEmpty()) {
            text = new String(value.first(1), StandardCharsets.UTF_8);
        } else if (value.has(2)) {
            text = Boolean.toString(value.varint(2) != 0);
        } else if (value.has(3)) {
            text = Long.toString(value.varint(3));
        } else {
            text = "";
        }
        return new String[] {new String(kv.first(1), StandardCharsets.UTF_8), text};
    }

    private static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    /** One protobuf message's fields by number: length-delimited ones as bytes, the others as longs. */
    private static final class Fields {
        private final Map<Integer, List<Object>> values = new LinkedHashMap<>();

        static Fields of(byte[] message) {
            Fields f = new Fields();
            int[] at = {0};
            while (at[0] < message.length) {
                long tag = readVarint(message, at);
                int number = (int) (tag >>> 3);
                Object value = switch ((int) (tag & 7)) {
                    case 0 -> readVarint(message, at);
                    case 1 -> readFixed(message, at, 8);
                    case 2 -> skip(message, at, (int) readVarint(message, at));
                    case 5 -> readFixed(message, at, 4);
                    default -> throw new IllegalArgumentException("wire type " + (tag & 7));
                };
                f.values.computeIfAbsent(number, n -> new ArrayList<>()).add(value);
            }
            return f;
        }

        List<byte[]> bytes(int number) {
            return values.getOrDefault(number, List.of()).stream().filter(byte[].class::isInstance)
                    .map(byte[].class::cast).toList();
        }

        byte[] first(int number) {
            List<byte[]> all = bytes(number);
            return all.isEmpty() ? new byte[0] : all.get(0);
        }

        boolean has(int number) {
            return values.containsKey(number);
        }

        long varint(int number) {
            return values.getOrDefault(number, List.of(0L)).stream().filter(Long.class::isInstance)
                    .map(Long.class::cast).findFirst().orElse(0L);
        }

        private static long readVarint(byte[] b, int[] at) {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte next = b[at[0]++];
                result |= (long) (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        private static long readFixed(byte[] b, int[] at, int length) {
            long result = 0;
            for (int i = 0; i < length; i++) {
                result |= (long) (b[at[0]++] & 0xFF) << (8 * i);
            }
            return result;
        }

        private static byte[] skip(byte[] b, int[] at, int length) {
            byte[] out = java.util.Arrays.copyOfRange(b, at[0], at[0] + length);
            at[0] += length;
            return out;
        }
    }
}
