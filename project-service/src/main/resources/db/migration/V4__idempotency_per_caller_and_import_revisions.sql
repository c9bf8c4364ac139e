-- Idempotency-Key of submissions, per caller: the first answer (status, ETag, body) is kept for 24 h with
-- the If-Match the submit was sent with, so a retry gets it again and a reuse for another state is refused.
-- The keys of V1 were bound to no caller and no ETag; they cannot be honoured under these rules.
drop table submit_request;
create table submit_request (
    caller          text not null,
    project_id      uuid not null references project (id) on delete cascade,
    idempotency_key varchar(200) not null,
    -- the version the client named in If-Match; null when it sent none
    if_match        bigint,
    revision        integer not null,
    status          integer not null,
    etag            varchar(40) not null,
    body            text not null,
    created_at      timestamptz not null,
    primary key (caller, project_id, idempotency_key)
);
create index submit_request_created on submit_request (created_at);

-- project_revision.kind gains IMPORT: every change the provincial platform's import makes is frozen
-- with the integration's subject in submitted_by (changedBy), so a later department edit is detectable.
