-- Exact project counts per (budget_year, department_code, status) without reading the projects: the list's
-- total for a filter of only these columns is the sum of a few rows here. Insert-only: a trigger adds +1 for a
-- row's new key and -1 for its old key in the writer's transaction (a rollback takes its deltas along), and no
-- counter row is ever updated, so concurrent imports neither wait on nor deadlock over a counter. DeltaCounters
-- (common) periodically replaces each key's deltas by their sum.
create table project_count (
    budget_year     integer not null,
    department_code varchar(3) not null,
    status          varchar(20) not null,
    n               integer not null
);
create index project_count_key on project_count (budget_year, status, department_code);

create function project_count_delta() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        insert into project_count values (old.budget_year, old.department_code, old.status, -1);
    end if;
    if tg_op <> 'DELETE' then
        insert into project_count values (new.budget_year, new.department_code, new.status, 1);
    end if;
    return null;
end $$;
create trigger project_count_insert_delete after insert or delete on project
    for each row execute function project_count_delta();
create trigger project_count_update after update of budget_year, department_code, status on project
    for each row when (old.budget_year <> new.budget_year or old.department_code <> new.department_code
                       or old.status <> new.status)
    execute function project_count_delta();

create function project_count_truncate() returns trigger language plpgsql as $$
begin
    truncate project_count;
    return null;
end $$;
create trigger project_count_truncate after truncate on project
    for each statement execute function project_count_truncate();

-- The triggers hold their lock on project until this migration commits, so no write escapes both them and this
-- backfill's snapshot.
insert into project_count
select budget_year, department_code, status, count(*) from project group by budget_year, department_code, status;
