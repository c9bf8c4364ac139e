-- A year's list sorted by name, funding or creation date walked the table's whole index of that column and kept
-- the year's rows: with three budget years in the database it read three rows for each it kept; at 620,000
-- projects of many years, 460 rows for the bench's page of 20 (-funding within 2060). A database keeps its past
-- years, so that walk only lengthens. Prefixed with the year, the walk reads the page. V7's indexes stay for the
-- lists without a year.
create index project_year_name on project (budget_year, name);
create index project_year_funding on project (budget_year, funding);
create index project_year_created on project (budget_year, created_at);
