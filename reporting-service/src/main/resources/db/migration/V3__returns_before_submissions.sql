-- Returns are kept per revision, so that one arriving before its submission (they travel on different
-- topics) is applied when the submission arrives: the read model ends the same for any interleaving.
create table report_revision_return (
    project_id uuid not null,
    revision   integer not null,
    primary key (project_id, revision)
);
