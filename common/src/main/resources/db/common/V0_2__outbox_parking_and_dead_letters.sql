-- Shared by every service. Runs after the services' own V1..Vn on databases created before it
-- (quarkus.flyway.out-of-order=true): it only adds to the tables of V0_1.

-- A row the broker refuses for good (too large, invalid topic, not authorised) is parked: the relay
-- skips it and every later row of the same key (project), until an admin retries it.
alter table outbox_event add column parked_at timestamptz;
create index outbox_event_parked_key on outbox_event (message_key)
    where parked_at is not null and published_at is null;
-- housekeeping deletes published rows and old inbox records by age
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);

-- Records that can never be processed (not JSON, not an event, unknown type or version), kept with
-- their payload so that an admin can replay them once the service understands them.
create table dead_letter (
    event_id        uuid primary key,
    topic           varchar(200) not null,
    kafka_partition integer not null,
    kafka_offset    bigint not null,
    message_key     varchar(200),
    reason          varchar(2000) not null,
    payload         text not null,
    received_at     timestamptz not null,
    replayed_at     timestamptz,
    replayed_by     varchar(200)
);
create index dead_letter_received_at on dead_letter (received_at);
