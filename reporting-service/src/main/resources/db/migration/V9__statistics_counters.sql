-- The year's statistics summed every counted project's figures, rows per 一级/二级 and findings at every request:
-- 1.3–1.6 s at 31,668 projects of a year (indicators by level 0.55 s, quantified targets 0.45 s, findings 0.28 s,
-- funding 0.18 s), however well planned. Now each project's part is added to delta counters per (year, department,
-- status, group) when it changes, as project-service V10 and approval-service V9 count theirs, and a request sums a
-- few hundred counter rows.
--
-- What a project adds is kept beside it (report_counted and its two row tables): a change subtracts exactly what
-- was added, whatever changed (the project, its counted revision's figures, levels or pre-review, its latest
-- revision's findings), and adds what it adds now. report_recount recomputes a set of projects; the triggers below
-- call it for the projects a statement touched (on report_revision and report_findings, whose V8 triggers write
-- the figures, levels and finding counts: nothing else writes those). The rules are the statistics' own, unchanged: a project counts with
-- its approved revision, else its latest, and only when that revision's figures are there (V8); funding by the
-- document's department; quantified targets from that revision's pre-review when it reported them; findings from
-- the latest revision's pre-review; levels as the statistics showed them (a missing level reads "null").

-- One row per project seen, counted or not: its row is what serialises two transactions recounting it (see below).
create table report_counted (
    project_id             uuid primary key,
    counted                boolean not null default false,
    budget_year            integer,
    department_code        varchar(3),
    status                 varchar(20),
    revision               integer,
    latest_revision        integer,
    figure_department_code text,
    figure_department_name text,
    funding                numeric,
    targets                bigint,
    quantified             bigint,
    -- submission → approval in hours, in the arithmetic the statistics always had
    lead_hours             double precision
);
-- the lead times' percentiles need the values themselves: a year's approved ones, in order
create index report_counted_lead on report_counted (budget_year, lead_hours) include (department_code, status)
    where counted and lead_hours is not null;

create table report_counted_level (
    project_id uuid not null,
    level1     text not null,
    level2     text not null,
    rows       bigint not null
);
create index report_counted_level_project on report_counted_level (project_id);

create table report_counted_finding (
    project_id uuid not null,
    code       text not null,
    severity   text not null,
    n          bigint not null
);
create index report_counted_finding_project on report_counted_finding (project_id);

-- Delta counters: rows are only inserted (+ for what a project adds, - for what it takes back) and compacted by
-- DeltaCounters; a sum over a key is exact in every snapshot, and no writer waits on another's counter row.
create table report_count_project (
    budget_year            integer not null,
    department_code        varchar(3) not null,
    status                 varchar(20) not null,
    figure_department_code text,
    figure_department_name text,
    n                      bigint not null,
    funding                numeric not null,
    targets                bigint not null,
    quantified             bigint not null
);
create index report_count_project_key on report_count_project (budget_year, department_code, status);

create table report_count_level (
    budget_year     integer not null,
    department_code varchar(3) not null,
    status          varchar(20) not null,
    level1          text not null,
    level2          text not null,
    n               bigint not null,
    rows            bigint not null
);
create index report_count_level_key on report_count_level (budget_year, department_code, status);

create table report_count_finding (
    budget_year     integer not null,
    department_code varchar(3) not null,
    status          varchar(20) not null,
    code            text not null,
    severity        text not null,
    n               bigint not null
);
create index report_count_finding_key on report_count_finding (budget_year, department_code, status);

-- What each project counts with now, read from the model: the revision (approved, else latest) whose figures are
-- there, its funding, the quantified targets of its pre-review when it reported them, and the lead time. One
-- definition for the recount of a few projects (joined by id, index lookups) and the count of all (hash joins).
create view report_counted_now as
    select p.project_id, p.budget_year, p.department_code, p.status, r.revision, p.latest_revision,
        r.department_code as figure_department_code, r.department_name as figure_department_name,
        coalesce(r.funding, 0) as funding, coalesce(f.targets, 0) as targets,
        coalesce(f.quantified_targets, 0) as quantified,
        case when p.approved_at is not null and p.approved_submitted_at is not null then
            cast(trunc((extract(epoch from p.approved_at) - extract(epoch from p.approved_submitted_at)) * 1000)
                as double precision) / 3600000 end as lead_hours
    from report_project p
    join report_revision_figures r on r.project_id = p.project_id
        and r.revision = coalesce(p.approved_revision, p.latest_revision)
    left join report_findings f on f.project_id = r.project_id and f.revision = r.revision and f.targets is not null;

-- A counted project's rows per 一级/二级 (a missing level reads "null", as the statistics showed it) and its latest
-- revision's findings by code and severity.
create view report_counted_level_now as
    select c.project_id, coalesce(l.level1, 'null') as level1, coalesce(l.level2, 'null') as level2, sum(l.rows) as rows
    from report_counted c join report_revision_level l on l.project_id = c.project_id and l.revision = c.revision
    where c.counted group by 1, 2, 3;
create view report_counted_finding_now as
    select c.project_id, f.code, f.severity, sum(f.n) as n
    from report_counted c join report_finding_count f on f.project_id = c.project_id and f.revision = c.latest_revision
    where c.counted group by 1, 2, 3;

-- Recomputes what the projects `ids` add to the counters: takes back what they added, adds what they add now.
-- Two transactions recounting one project at once (the project's topic writes a revision while the approvals'
-- topic moves its status) would each take back the part the other had not yet replaced, or miss the other's
-- uncommitted rows: each first takes its projects' report_counted rows (inserting them when new: a second inserter
-- waits for the first to commit) for update, in id order, and runs every later statement with a snapshot taken
-- after that, so the second sees all the first wrote. Row locks take no room in the lock table.
-- Generic plans (plan_cache_mode): PL/pgSQL planned the statements anew at every call (custom plans for the
-- array), 3.1–3.6 ms a recount of one project against 1.1–1.3 ms with the plans it keeps (pgbench, one client).
create function report_recount(ids uuid[]) returns void language plpgsql set plan_cache_mode = force_generic_plan as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    insert into report_counted (project_id) select distinct i from unnest(ids) i order by 1 on conflict do nothing;
    perform 1 from report_counted where project_id in (select unnest(ids)) order by project_id for update;

    insert into report_count_project (budget_year, department_code, status, figure_department_code,
            figure_department_name, n, funding, targets, quantified)
        select budget_year, department_code, status, figure_department_code, figure_department_name,
            -1, -funding, -targets, -quantified
        from report_counted where counted and project_id in (select unnest(ids));
    insert into report_count_level (budget_year, department_code, status, level1, level2, n, rows)
        select c.budget_year, c.department_code, c.status, l.level1, l.level2, -1, -l.rows
        from report_counted c join report_counted_level l on l.project_id = c.project_id
        where c.counted and c.project_id in (select unnest(ids));
    insert into report_count_finding (budget_year, department_code, status, code, severity, n)
        select c.budget_year, c.department_code, c.status, f.code, f.severity, -f.n
        from report_counted c join report_counted_finding f on f.project_id = c.project_id
        where c.counted and c.project_id in (select unnest(ids));
    delete from report_counted_level where project_id in (select unnest(ids));
    delete from report_counted_finding where project_id in (select unnest(ids));

    -- (a correlated subquery and "= any": a generic plan joins the views by id only so; a join or "in" to the
    -- array read them whole, a second a project)
    update report_counted c set (counted, budget_year, department_code, status, revision, latest_revision,
            figure_department_code, figure_department_name, funding, targets, quantified, lead_hours)
        = (select n.project_id is not null, n.budget_year, n.department_code, n.status, n.revision, n.latest_revision,
            n.figure_department_code, n.figure_department_name, n.funding, n.targets, n.quantified, n.lead_hours
            from (select c.project_id as id) i left join report_counted_now n on n.project_id = i.id)
        where c.project_id in (select unnest(ids));
    insert into report_counted_level (project_id, level1, level2, rows)
        select * from report_counted_level_now where project_id = any(ids);
    insert into report_counted_finding (project_id, code, severity, n)
        select * from report_counted_finding_now where project_id = any(ids);

    insert into report_count_project (budget_year, department_code, status, figure_department_code,
            figure_department_name, n, funding, targets, quantified)
        select budget_year, department_code, status, figure_department_code, figure_department_name,
            1, funding, targets, quantified
        from report_counted where counted and project_id in (select unnest(ids));
    insert into report_count_level (budget_year, department_code, status, level1, level2, n, rows)
        select c.budget_year, c.department_code, c.status, l.level1, l.level2, 1, l.rows
        from report_counted c join report_counted_level l on l.project_id = c.project_id
        where c.counted and c.project_id in (select unnest(ids));
    insert into report_count_finding (budget_year, department_code, status, code, severity, n)
        select c.budget_year, c.department_code, c.status, f.code, f.severity, f.n
        from report_counted c join report_counted_finding f on f.project_id = c.project_id
        where c.counted and c.project_id in (select unnest(ids));
end $$;

-- Everything from scratch, set-based, with the counters summed per key: after a rebuild (which writes the model
-- with the triggers deferred, inside its transaction, so no one else writes meanwhile) and here. Project by project
-- through report_recount it took 27–31 s at 120,000 projects.
create function report_recount_all() returns void language plpgsql as $$
begin
    delete from report_count_project;
    delete from report_count_level;
    delete from report_count_finding;
    delete from report_counted_level;
    delete from report_counted_finding;
    delete from report_counted;
    insert into report_counted (project_id, counted, budget_year, department_code, status, revision, latest_revision,
            figure_department_code, figure_department_name, funding, targets, quantified, lead_hours)
        select p.project_id, n.project_id is not null, n.budget_year, n.department_code, n.status, n.revision,
            n.latest_revision, n.figure_department_code, n.figure_department_name, n.funding, n.targets, n.quantified,
            n.lead_hours
        from report_project p left join report_counted_now n on n.project_id = p.project_id;
    insert into report_counted_level (project_id, level1, level2, rows) select * from report_counted_level_now;
    insert into report_counted_finding (project_id, code, severity, n) select * from report_counted_finding_now;
    insert into report_count_project (budget_year, department_code, status, figure_department_code,
            figure_department_name, n, funding, targets, quantified)
        select budget_year, department_code, status, figure_department_code, figure_department_name,
            count(*), sum(funding), sum(targets), sum(quantified)
        from report_counted where counted group by 1, 2, 3, 4, 5;
    insert into report_count_level (budget_year, department_code, status, level1, level2, n, rows)
        select c.budget_year, c.department_code, c.status, l.level1, l.level2, count(*), sum(l.rows)
        from report_counted c join report_counted_level l on l.project_id = c.project_id
        where c.counted group by 1, 2, 3, 4, 5;
    insert into report_count_finding (budget_year, department_code, status, code, severity, n)
        select c.budget_year, c.department_code, c.status, f.code, f.severity, sum(f.n)
        from report_counted c join report_counted_finding f on f.project_id = c.project_id
        where c.counted group by 1, 2, 3, 4, 5;
end $$;

-- A rebuild replays a history in one transaction (hundreds of thousands of statements); it sets
-- jixiao.counting = 'deferred' locally and recounts everything once at its end.
create function report_counting_deferred() returns boolean language sql stable as $$
    select coalesce(current_setting('jixiao.counting', true), '') = 'deferred'
$$;

-- Only a change of what the statistics read recounts a project; a rename of its summary columns does not.
create function report_project_recount() returns trigger language plpgsql as $$
begin
    if report_counting_deferred() then
        return null;
    end if;
    if tg_op = 'INSERT' then
        perform report_recount(array(select project_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform report_recount(array(select project_id from old_rows));
    else
        perform report_recount(array(select n.project_id from new_rows n join old_rows o on o.project_id = n.project_id
            where (n.budget_year, n.department_code, n.status, n.latest_revision, n.approved_revision, n.approved_at,
                n.approved_submitted_at) is distinct from (o.budget_year, o.department_code, o.status, o.latest_revision,
                o.approved_revision, o.approved_at, o.approved_submitted_at)));
    end if;
    return null;
end $$;
create trigger report_project_recount_insert after insert on report_project
    referencing new table as new_rows for each statement execute function report_project_recount();
create trigger report_project_recount_update after update on report_project
    referencing old table as old_rows new table as new_rows for each statement execute function report_project_recount();
create trigger report_project_recount_delete after delete on report_project
    referencing old table as old_rows for each statement execute function report_project_recount();

-- A revision's documents and pre-reviews: V8's row triggers have written their figures, levels and finding counts
-- when this statement's trigger runs. Every project touched is recounted, even when the revision is not (yet) the
-- one it counts with: what this transaction can see of the project may be about to change in another one (a
-- pre-review arrives while the project's next submission is being written), and only a recount after the
-- report_counted row lock, which waits for that other transaction, sees both.
create function report_revision_recount() returns trigger language plpgsql as $$
begin
    if report_counting_deferred() then
        return null;
    end if;
    perform report_recount(array(select distinct project_id from changed_rows));
    return null;
end $$;
create trigger report_revision_recount_insert after insert on report_revision
    referencing new table as changed_rows for each statement execute function report_revision_recount();
create trigger report_revision_recount_update after update on report_revision
    referencing new table as changed_rows for each statement execute function report_revision_recount();
create trigger report_revision_recount_delete after delete on report_revision
    referencing old table as changed_rows for each statement execute function report_revision_recount();
create trigger report_findings_recount_insert after insert on report_findings
    referencing new table as changed_rows for each statement execute function report_revision_recount();
create trigger report_findings_recount_update after update on report_findings
    referencing new table as changed_rows for each statement execute function report_revision_recount();
create trigger report_findings_recount_delete after delete on report_findings
    referencing old table as changed_rows for each statement execute function report_revision_recount();

create function report_counted_truncate() returns trigger language plpgsql as $$
begin
    truncate report_count_project, report_count_level, report_count_finding, report_counted_level,
        report_counted_finding, report_counted;
    return null;
end $$;
create trigger report_project_counted_truncate after truncate on report_project
    for each statement execute function report_counted_truncate();

select report_recount_all();
analyze report_counted;
analyze report_counted_level;
analyze report_counted_finding;
analyze report_count_project;
analyze report_count_level;
analyze report_count_finding;
