-- The project list's filters and sorts, each served by an index at province scale (ProjectListIndexTest
-- explains every one of them at 10,000 projects). A sort walks its index and stops after the page; the
-- tiebreaker id is sorted incrementally within equal keys, so it needs no column of its own.

-- nameContains is a substring search (name LIKE '%…%'): only a trigram index serves it. pg_trgm is a trusted
-- extension (PostgreSQL 13+), so the database's owner, who runs the migrations, may create it.
create extension if not exists pg_trgm;
create index project_name_trgm on project using gin (name gin_trgm_ops);

-- budgetYear alone, the usual first filter, with the default sort (-updatedAt); its count is an index-only scan
create index project_year_updated on project (budget_year, updated_at);
create index project_updated on project (updated_at);
create index project_created on project (created_at);
create index project_name on project (name);
-- fundingMin / fundingMax and sort=funding
create index project_funding on project (funding);
-- sort=budgetYear and sort=-budgetYear (the tiebreaker id stays ascending): within a year the tiebreaker
-- would otherwise sort a whole year's rows, so each direction has its index
create index project_year_id on project (budget_year, id);
create index project_year_desc_id on project (budget_year desc, id);
