-- One assessment per submitted monitoring report (project, period, report revision): the guard against
-- publishing two MonitoringAssessed for one submission, and the record of what was concluded.
create table monitoring_assessment (
    project_id        uuid not null,
    period            varchar(7) not null,
    report_revision   integer not null,
    approved_revision integer not null,
    overall           varchar(20) not null,
    score_total       numeric(7, 2),
    source_event_id   uuid not null,
    assessed_at       timestamptz not null,
    primary key (project_id, period, report_revision)
);
