-- Shared by every service (each runs it in its own database): the transactional outbox and the
-- consumer's message log. Services' own migrations start at V1.
create table outbox_event (
    event_id     uuid primary key,
    seq          bigint generated always as identity,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    event_type   varchar(100) not null,
    payload      text not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    attempts     integer not null default 0,
    last_error   varchar(1000)
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table processed_event (
    event_id     uuid primary key,
    event_type   varchar(100) not null,
    project_id   uuid,
    processed_at timestamptz not null
);
