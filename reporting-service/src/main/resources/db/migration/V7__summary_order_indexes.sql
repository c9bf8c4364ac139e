-- The summary (绩效目标情况表) of a year, and a department's, read in the bureau's order from an index that holds
-- every column it prints. With only (budget_year, status, budget_unit_code) PostgreSQL read the year's approved
-- rows through a bitmap and sorted them: at 25,340 approved projects of a year 45–60 ms per summary, the sort
-- spilling 3 MB to disk (work_mem 4 MB), every row in memory or on disk before the first was sent; a
-- department's 135 rows took 39 ms, its year's 31,000 rows read to find them. From these indexes: 4 ms for the
-- year (an index-only scan, no heap page read), in order, each row sent as it is read. Partial: only approved
-- rows are in a summary of approved projects; the SUBMITTED and RETURNED summaries read documents anyway.
create index report_project_approved_order on report_project (budget_year, budget_unit_code, project_name, project_id)
    include (budget_unit_name, funding) where approved_revision is not null;
create index report_project_department_approved_order
    on report_project (budget_year, department_code, budget_unit_code, project_name, project_id)
    include (budget_unit_name, funding) where approved_revision is not null;
