-- The year's statistics read each counted revision's department, funding and rows per 一级/二级 指标. They parsed
-- every document as JSON at every request: at 31,668 projects of a year 4.0 s (funding by department 1.4 s,
-- indicators by level 2.4 s). Now a revision's figures are taken from its document once, when it is written, by
-- the same JSON functions the statistics used, so the figures cannot differ from what they read before. So are
-- the counts of each revision's pre-review findings by code and severity (0.8 s of JSON at 31,668 projects).
-- In tables of their own: report_revision holds the documents inline (288 MB at 119,000 revisions), and reading
-- a year's revisions there to find their figures cost 0.3 s per statement.
create table report_revision_figures (
    project_id      uuid not null,
    revision        integer not null,
    department_code text,
    department_name text,
    funding         numeric,
    primary key (project_id, revision),
    foreign key (project_id, revision) references report_revision (project_id, revision) on delete cascade
);

create table report_revision_level (
    project_id uuid not null,
    revision   integer not null,
    level1     text,
    level2     text,
    rows       integer not null,
    foreign key (project_id, revision) references report_revision (project_id, revision) on delete cascade
);
create index report_revision_level_revision on report_revision_level (project_id, revision);

-- A funding that is not a number counts 0, as a missing one does: a revision is never refused for its figures.
create function report_revision_figures() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from report_revision_figures where project_id = new.project_id and revision = new.revision;
        delete from report_revision_level where project_id = new.project_id and revision = new.revision;
    end if;
    insert into report_revision_figures (project_id, revision, department_code, department_name, funding)
    select new.project_id, new.revision, d."departmentCode", d."departmentName",
        case when d.funding ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' then cast(d.funding as numeric) end
    from json_to_record(cast(new.document as json)) as d("departmentCode" text, "departmentName" text, funding text);
    insert into report_revision_level (project_id, revision, level1, level2, rows)
    select new.project_id, new.revision, i.level1, i.level2, count(*)
    from json_to_record(cast(new.document as json)) as d(indicators json)
        cross join lateral json_to_recordset(case when json_typeof(d.indicators) = 'array' then d.indicators
            else '[]' end) as i(level1 text, level2 text)
    group by i.level1, i.level2;
    return null;
end $$;
create trigger report_revision_figures after insert or update of document on report_revision
    for each row execute function report_revision_figures();

create table report_finding_count (
    project_id uuid not null,
    revision   integer not null,
    code       text not null,
    severity   text not null,
    n          integer not null,
    foreign key (project_id, revision) references report_findings (project_id, revision) on delete cascade
);
create index report_finding_count_revision on report_finding_count (project_id, revision);

-- A missing code or severity reads "", a JSON null "null", as the statistics always showed them.
create function report_finding_counts() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from report_finding_count where project_id = new.project_id and revision = new.revision;
    end if;
    insert into report_finding_count (project_id, revision, code, severity, n)
    select new.project_id, new.revision, c, s, count(*)
    from json_array_elements(case when json_typeof(cast(new.findings as json)) = 'array' then cast(new.findings as json)
            else '[]' end) e
        cross join lateral (select coalesce(e->>'code', case when json_typeof(e->'code') = 'null' then 'null' else '' end),
            coalesce(e->>'severity', case when json_typeof(e->'severity') = 'null' then 'null' else '' end)) k(c, s)
    group by c, s;
    return null;
end $$;
create trigger report_finding_counts after insert or update of findings on report_findings
    for each row execute function report_finding_counts();

-- what was read before: the triggers take the figures of its revisions and findings once
update report_revision set document = document;
update report_findings set findings = findings;
analyze report_revision_figures;
analyze report_revision_level;
analyze report_finding_count;
