-- The count of a name search by a term of one or two characters (学校, 率): a term that short is its own gram (V9),
-- so the number of a year's projects whose name contains it is the number of the year's names having that gram.
-- From the year's gram index that count visited the heap page of every matching project (1,507 pages for 学校 in a
-- year of 33,000; PostgreSQL reads each page even when all of it is visible): most of a search's database work,
-- and what kept the search under 32 connections at a tenth of the service's health check. Counted here instead,
-- as delta counters like V10's: exact in every snapshot, insert-only, compacted by DeltaCounters.
--
-- Kept per statement, not per row: an import's rewritten multi-row insert gives its names' grams once, summed
-- over the statement (the names of a year share most of their grams), where a row trigger would insert about 30
-- rows per project. An update inserts the grams of the new rows minus those of the old ones, so a statement that
-- changes no name and no year (a status change) inserts nothing. PostgreSQL allows no column list on an UPDATE
-- trigger with transition tables: every update statement of project runs it, and sums one row's grams to zero.
create table project_gram_count (
    budget_year integer not null,
    gram        text    not null,
    n           integer not null
);
-- gram first: the search within a year names both, one without a year only the gram.
create index project_gram_count_key on project_gram_count (gram, budget_year);

create function project_gram_count_insert() returns trigger language plpgsql as $$
begin
    insert into project_gram_count (budget_year, gram, n)
    select r.budget_year, g, count(*) from new_rows r, unnest(r.name_grams) g group by 1, 2;
    return null;
end $$;
create trigger project_gram_count_insert after insert on project
    referencing new table as new_rows for each statement execute function project_gram_count_insert();

create function project_gram_count_update() returns trigger language plpgsql as $$
begin
    insert into project_gram_count (budget_year, gram, n)
    select budget_year, g, sum(d) from (
        select r.budget_year, g, 1 as d from new_rows r, unnest(r.name_grams) g
        union all
        select r.budget_year, g, -1 from old_rows r, unnest(r.name_grams) g
    ) deltas group by 1, 2 having sum(d) <> 0;
    return null;
end $$;
create trigger project_gram_count_update after update on project
    referencing old table as old_rows new table as new_rows for each statement
    execute function project_gram_count_update();

create function project_gram_count_delete() returns trigger language plpgsql as $$
begin
    insert into project_gram_count (budget_year, gram, n)
    select r.budget_year, g, -count(*) from old_rows r, unnest(r.name_grams) g group by 1, 2;
    return null;
end $$;
create trigger project_gram_count_delete after delete on project
    referencing old table as old_rows for each statement execute function project_gram_count_delete();

create function project_gram_count_truncate() returns trigger language plpgsql as $$
begin
    truncate project_gram_count;
    return null;
end $$;
create trigger project_gram_count_truncate after truncate on project
    for each statement execute function project_gram_count_truncate();

-- The triggers hold their lock on project until this migration commits, so no write escapes both them and this
-- backfill's snapshot. 7.5 s at 650,000 projects.
insert into project_gram_count (budget_year, gram, n)
select budget_year, g, count(*) from project, unnest(name_grams) g group by 1, 2;
analyze project_gram_count;
