-- The reporting read model, built only from events; it can be dropped and rebuilt from the topics.
create table report_project (
    project_id        uuid primary key,
    budget_year       integer not null,
    department_code   varchar(3) not null,
    status            varchar(20) not null,
    latest_revision   integer not null,
    approved_revision integer,
    approval_number   varchar(64),
    approved_by       varchar(100),
    approved_at       timestamptz,
    grade             varchar(2),
    -- the approved revision's summary columns (绩效目标情况表)
    budget_unit_code  varchar(6),
    budget_unit_name  varchar(100),
    project_name      varchar(200),
    funding           numeric,
    updated_at        timestamptz not null
);
create index report_project_summary on report_project (budget_year, status, budget_unit_code);

-- Every revision's document as it travelled in the events (for ?revision=n and the per-project table).
create table report_revision (
    project_id uuid not null,
    revision   integer not null,
    document   text not null,
    primary key (project_id, revision)
);

create table report_findings (
    project_id uuid not null,
    revision   integer not null,
    findings   text not null,
    primary key (project_id, revision)
);
