package org.jixiao.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The trace context's way from an outbox row through the record headers back to a consumer's parent. */
class TraceContextTest {
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void shouldSendARowsTraceContextInTheRecordHeadersEvenWithoutAnSdk() {
        // a relay made outside CDI has no SDK: its "span" is the row's context, which must still go out
        Span span = OpenTelemetry.noop().getTracer("test").spanBuilder("publish")
                .setParent(TraceContext.of(TRACEPARENT, "jixiao=1")).startSpan();
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01".getBytes(StandardCharsets.UTF_8));

        TraceContext.inject(Context.root().with(span), headers);

        assertThat(headers.headers("traceparent")).hasSize(1);
        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(TRACEPARENT);
        assertThat(new String(headers.lastHeader("tracestate").value(), StandardCharsets.UTF_8)).isEqualTo("jixiao=1");
        assertThat(Span.fromContext(TraceContext.of(headers)).getSpanContext().getTraceId())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void shouldSendNoTraceHeadersForARowWrittenOutsideAnyTrace() {
        RecordHeaders headers = new RecordHeaders();

        TraceContext.inject(Context.root().with(Span.fromContext(TraceContext.of(null, null))), headers);

        assertThat(headers.toArray()).isEmpty();
        assertThat(Span.fromContext(TraceContext.of(headers)).getSpanContext().isValid()).isFalse();
    }

    @Test
    void shouldCaptureNothingWhereNoSpanIsCurrent() {
        assertThat(TraceContext.current()).isEmpty();
    }
}
