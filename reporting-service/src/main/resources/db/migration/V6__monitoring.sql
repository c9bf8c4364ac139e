-- 双监控 and 自评 (MonitoringAssessed): per project and period the latest report revision as assessed, built from
-- events like the rest of the read model (a rebuild refills it). The figures the year view filters, sorts and
-- counts on are columns; the whole event data, which only the per-project tables read, is kept as JSON text.
create table monitoring_report (
    project_id        uuid not null,
    period            varchar(7) not null,
    report_revision   integer not null,
    approved_revision integer not null,
    budget_year       integer not null,
    department_code   varchar(3) not null,
    department_name   varchar(100),
    project_name      varchar(200) not null,
    as_of             date not null,
    final_report      boolean not null,
    overall           varchar(20) not null,
    funding           numeric,
    spent             numeric,
    execution_rate    numeric,
    time_progress     numeric,
    lag_points        numeric,
    budget_status     varchar(20),
    on_track_rows       integer not null,
    at_risk_rows        integer not null,
    off_track_rows      integer not null,
    not_assessable_rows integer not null,
    score_total       numeric,
    grade             varchar(2),
    assessed_at       timestamptz not null,
    content           text not null,
    primary key (project_id, period)
);
-- the year view: each project's latest period of a year
create index monitoring_report_year on monitoring_report (budget_year, project_id, period desc);
