-- 双监控 and 自评 (issue 14): cases for submitted monitoring reports (MONITORING) and year-end
-- self-evaluations (SELF_EVALUATION), one per (project, period, reportRevision); their revision is the
-- approved revision the report follows, so (project_id, revision) is unique among declarations only.
alter table review_case drop constraint review_case_project_id_revision_key;
create unique index review_case_declaration on review_case (project_id, revision)
    where kind in ('SUBMISSION', 'AMENDMENT');
alter table review_case add column period varchar(7);
alter table review_case add column report_revision integer;
create unique index review_case_report on review_case (project_id, period, report_revision)
    where period is not null;
-- a report case holds no interchange document: the report and its assessment are in monitoring_report
alter table review_case alter column snapshot drop not null;
create index review_case_kind on review_case (kind, budget_year);

-- What the department reported and what indicator-service assessed (MonitoringAssessed), as JSON.
create table monitoring_report (
    case_id           uuid primary key references review_case (id),
    as_of             date not null,
    final             boolean not null,
    spent             numeric,
    indicators        text not null,
    measures          text,
    submitted_by      varchar(100),
    overall           varchar(20) not null,
    assessment        text not null,
    score             text,
    score_unavailable text
);

-- 预警: each project's latest assessment (latest asOf, then period, then reportRevision), what the warnings
-- dashboard lists. warning_level 2: an OFF_TRACK row or budget, 1: AT_RISK, 0: no warning.
create table project_warning (
    project_id            uuid primary key,
    project_name          varchar(200) not null,
    department_code       varchar(3) not null,
    budget_year           integer not null,
    period                varchar(7) not null,
    as_of                 date not null,
    report_revision       integer not null,
    overall               varchar(20) not null,
    budget_status         varchar(20),
    lag_points            numeric,
    execution_rate        numeric,
    on_track_rows         integer not null,
    at_risk_rows          integer not null,
    off_track_rows        integer not null,
    not_assessable_rows   integer not null,
    warning_level         smallint not null,
    case_id               uuid not null references review_case (id),
    updated_at            timestamptz not null
);
-- The list's filter and order, worst first, so that a page is read from the index in order.
create index project_warning_year on project_warning
    (budget_year, warning_level desc, off_track_rows desc, lag_points desc nulls last, project_id)
    where warning_level > 0;
create index project_warning_department on project_warning
    (department_code, budget_year, warning_level desc, off_track_rows desc, lag_points desc nulls last, project_id)
    where warning_level > 0;
create index project_warning_all on project_warning
    (warning_level desc, off_track_rows desc, lag_points desc nulls last, project_id)
    where warning_level > 0;

-- The review-time preview of the self-evaluation score (IndicatorCheckCompleted.preview), kept with the findings.
alter table case_findings add column preview text;
alter table case_findings add column preview_unavailable text;
