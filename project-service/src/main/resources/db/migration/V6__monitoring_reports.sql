-- 绩效运行监控 and 自评: one report per (project, period), its indicator lines, the frozen revision of every
-- submission and the bureau's comments of every return. The year-end self-evaluation is the report of
-- period YYYY-12 (final). Reports are written only on a project with an approved revision.
create table monitoring_report (
    id                uuid primary key,
    project_id        uuid not null references project (id) on delete cascade,
    -- YYYY-MM, within the project's budget year
    period            varchar(7) not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    status            varchar(20) not null,
    final             boolean not null,
    as_of             date not null,
    -- executed amount in yuan at as_of
    spent             numeric(17, 2) check (spent is null or spent >= 0),
    measures          text,
    -- the approved revision of the project the report is about (the one in force at its last write)
    approved_revision integer not null,
    -- submissions so far: 0 while a first draft, 1 after the first submission, 2 after a return and resubmission
    report_revision   integer not null,
    version           bigint not null,
    created_by        varchar(100) not null,
    created_at        timestamptz not null,
    updated_by        varchar(100) not null,
    updated_at        timestamptz not null,
    submitted_by      varchar(100),
    submitted_at      timestamptz,
    -- from approval-service's event: text, so that no length of theirs can stop the consumer
    reviewed_by       text,
    reviewed_at       timestamptz,
    constraint monitoring_report_period unique (project_id, period)
);

create table monitoring_line (
    report_id       uuid not null references monitoring_report (id) on delete cascade,
    position        integer not null,
    -- the indicator row of the approved revision
    row_index       integer not null,
    actual          varchar(2000),
    forecast        varchar(2000),
    likelihood      varchar(20),
    deviation_cause varchar(20),
    note            varchar(2000),
    completion      varchar(20),
    justification   varchar(2000),
    primary key (report_id, position)
);

-- Every submission frozen as it left (the report as JSON), with the bureau's answer to it.
create table monitoring_report_revision (
    report_id         uuid not null references monitoring_report (id) on delete cascade,
    report_revision   integer not null,
    approved_revision integer not null,
    content           text not null,
    submitted_by      varchar(100) not null,
    submitted_at      timestamptz not null,
    outcome           varchar(20),
    reviewed_by       text,
    reviewed_at       timestamptz,
    primary key (report_id, report_revision)
);

-- The bureau's comments on a returned report (退回意见), optionally anchored to a field or indicator row.
create table monitoring_comment (
    id              bigint generated always as identity primary key,
    report_id       uuid not null references monitoring_report (id) on delete cascade,
    report_revision integer not null,
    -- from approval-service's event: text, so that no length of theirs can stop the consumer
    field           text,
    indicator_index integer,
    indicator_name  text,
    text            text not null,
    author          text not null,
    created_at      timestamptz not null
);
create index monitoring_comment_report on monitoring_comment (report_id, report_revision);
