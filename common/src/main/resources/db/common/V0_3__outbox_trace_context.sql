-- Shared by every service. The W3C trace context (traceparent, tracestate) of the transaction that wrote the
-- row: the relay sends it as Kafka record headers, so the consumers' work continues the trace of the request
-- that raised the event, even when the polling fallback publishes the row minutes later. Null when tracing
-- is off or the row was written outside any trace.
alter table outbox_event add column traceparent varchar(100);
alter table outbox_event add column tracestate varchar(512);
