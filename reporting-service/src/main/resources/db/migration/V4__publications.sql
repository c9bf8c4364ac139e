-- 绩效目标公开: the bureau's own selection, not part of the event-built model, so a rebuild leaves it alone.
-- The draft list of a year: its rows in the bureau's order (position = 序号), with an optional summary name.
create table publication (
    budget_year integer primary key,
    title       varchar(200) not null,
    updated_by  varchar(100) not null,
    updated_at  timestamptz not null
);
create table publication_row (
    budget_year  integer not null references publication (budget_year) on delete cascade,
    position     integer not null,
    project_id   uuid not null,
    project_name varchar(200),
    primary key (budget_year, position),
    unique (budget_year, project_id)
);

-- A published version freezes what it shows: the approved revision, its document and the summary columns,
-- so a project amended and re-approved later stays as published until the next publish.
create table publication_version (
    budget_year  integer not null,
    version      integer not null,
    title        varchar(200) not null,
    published_by varchar(100) not null,
    published_at timestamptz not null,
    primary key (budget_year, version)
);
create table publication_version_row (
    budget_year       integer not null,
    version           integer not null,
    position          integer not null,
    project_id        uuid not null,
    revision          integer not null,
    approval_number   varchar(64),
    budget_unit_code  varchar(6),
    budget_unit_name  varchar(100),
    project_name      varchar(200) not null,
    amount            numeric not null,
    document          text not null,
    -- indicator-service's count of the revision's targets and of those its grammar could quantify, when reported
    targets           integer,
    quantified_targets integer,
    primary key (budget_year, version, position),
    foreign key (budget_year, version) references publication_version (budget_year, version)
);
create index publication_version_row_project on publication_version_row (budget_year, version, project_id);
