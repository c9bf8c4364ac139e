-- Which indicator framework (指标体系) is in force for a budget year; years without a row use 'classic'.
create table framework_assignment (
    budget_year    integer primary key,
    framework_code varchar(40) not null,
    assigned_by    varchar(100) not null,
    assigned_at    timestamptz not null
);

-- One automated pre-review per project revision: the findings published as IndicatorCheckCompleted.
create table check_run (
    project_id     uuid not null,
    revision       integer not null,
    framework_code varchar(40) not null,
    findings       text not null,
    checked_at     timestamptz not null,
    primary key (project_id, revision)
);
