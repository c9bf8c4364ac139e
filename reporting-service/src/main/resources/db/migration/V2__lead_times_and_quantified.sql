-- For the statistics: when the approved revision was submitted (lead time = approved_at - submitted_at),
-- and how many of a revision's targets indicator-service could quantify.
alter table report_project add column approved_submitted_at timestamptz;
create table report_revision_time (
    project_id   uuid not null,
    revision     integer not null,
    submitted_at timestamptz not null,
    primary key (project_id, revision)
);
alter table report_findings add column targets integer;
alter table report_findings add column quantified_targets integer;
