-- 项目支出绩效目标表: one row per project, its indicator rows, its frozen revisions.
create table project (
    id                  uuid primary key,
    external_ref        varchar(64),
    budget_year         integer not null,
    name                varchar(200) not null,
    department_code     varchar(3) not null,
    department_name     varchar(100),
    budget_unit_code    varchar(6),
    budget_unit_name    varchar(100),
    attribute           varchar(50),
    overview            text,
    basis               text,
    necessity           text,
    safeguards          text,
    implementation_plan text,
    annual_goal         text,
    implementing_unit   varchar(100),
    -- yuan; unconstrained numeric keeps the scale as printed ('42726082' stays without decimals)
    funding             numeric check (funding is null or (funding > 0 and scale(funding) <= 2)),
    status              varchar(20) not null,
    revision            integer not null,
    approved_revision   integer,
    approval_number     varchar(64),
    version             bigint not null,
    created_by          varchar(100) not null,
    created_at          timestamptz not null,
    updated_by          varchar(100) not null,
    updated_at          timestamptz not null
);
create unique index project_external_ref on project (budget_year, external_ref) where external_ref is not null;
create index project_department on project (department_code, budget_year);
create index project_status on project (status, budget_year);

create table project_indicator (
    project_id  uuid not null references project (id) on delete cascade,
    position    integer not null,
    level1      varchar(20) not null,
    level2      varchar(30) not null,
    name        varchar(200) not null,
    target      varchar(2000) not null,
    value_basis varchar(20),
    note        varchar(2000),
    primary key (project_id, position)
);

-- Frozen content of every submitted revision (the interchange document as JSON).
create table project_revision (
    project_id   uuid not null references project (id) on delete cascade,
    revision     integer not null,
    kind         varchar(20) not null,
    reason       text,
    document     text not null,
    submitted_by varchar(100) not null,
    submitted_at timestamptz not null,
    primary key (project_id, revision)
);

-- The reviewers' comments of each return (退回意见), shown on the project.
create table review_comment (
    id             bigint generated always as identity primary key,
    project_id     uuid not null references project (id) on delete cascade,
    revision       integer not null,
    stage          varchar(100),
    field          varchar(100),
    indicator_index integer,
    indicator_name varchar(200),
    text           text not null,
    author         varchar(100) not null,
    created_at     timestamptz not null
);
create index review_comment_project on review_comment (project_id, revision);

-- Idempotency-Key of submissions: a retried request answers the first result again.
create table submit_request (
    idempotency_key varchar(200) not null,
    project_id      uuid not null references project (id) on delete cascade,
    revision        integer not null,
    created_at      timestamptz not null,
    primary key (project_id, idempotency_key)
);
