-- The dashboard's queues group every open declaration of a year (or of all years) by stage, department and age
-- in its stage. From the table that is a page per open case, whose row carries the declaration's snapshot: at
-- 100,000 projects 9,580 open cases on ~8,200 pages, 16-24 ms a request one at a time, 132 requests/s and p99
-- 346 ms under 32 connections. This partial index holds what the grouping reads, so where the visibility map
-- allows (autovacuum keeps it for the cases that did not move since) the queues are read from it alone.
-- kind leads: the case list's counts of open cases of a kind find theirs by it rather than reading all the open.
create index review_case_open_queue on review_case (kind, budget_year, department_code)
    include (stage_index, stage_name, department_name, stage_entered_at, stage_due_at) where status = 'OPEN';

-- The open cases are the rows that move (a stage passed, a decision), so their pages are the last the visibility
-- map marks again, and until it does the index sends the scan to the table. At 100,000 projects, with 87% of the
-- pages marked, the planner kept the older overdue index (19.9 ms); after a VACUUM it read this index alone
-- (5.6 ms; under 32 connections 111 -> 219 requests/s). Autovacuum comes by default after a fifth of the table
-- has changed; at a fiftieth it keeps the map near current, and a VACUUM of a mostly marked table is cheap.
alter table review_case set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
