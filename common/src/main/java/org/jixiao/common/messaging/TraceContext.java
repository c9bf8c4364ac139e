package org.jixiao.common.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) as it travels with an event: captured into
 * the outbox row in the writing transaction, sent by the relay as Kafka record headers, read back by the inbox.
 * W3C only, whatever else the service propagates over HTTP: these are the two headers the outbox has columns for.
 */
final class TraceContext {
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** W3C lets a carrier drop a tracestate longer than this; the outbox column holds no more. */
    private static final int MAX_TRACESTATE = 512;
    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContext() {
    }

    /** The current span's context as W3C fields; empty when there is no valid span (tracing off, no trace). */
    static Map<String, String> current() {
        Map<String, String> fields = new HashMap<>();
        W3C.inject(Context.current(), fields, Map::put);
        String state = fields.get(TRACESTATE);
        if (state != null && state.length() > MAX_TRACESTATE) {
            fields.remove(TRACESTATE);
        }
        return fields;
    }

    /** The context an outbox row was written in; the root context when it has none. */
    static Context of(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> fields = new HashMap<>();
        fields.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            fields.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), fields, MAP);
    }

    /** The context a record was sent in; the root context when its headers carry none. */
    static Context of(Headers headers) {
        return W3C.extract(Context.root(), headers, HEADERS);
    }

    /** Writes {@code context} into the record's headers, replacing any trace headers already there. */
    static void inject(Context context, Headers headers) {
        for (String field : List.of(TRACEPARENT, TRACESTATE)) {
            headers.remove(field);
        }
        W3C.inject(context, headers, (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
    }
}
