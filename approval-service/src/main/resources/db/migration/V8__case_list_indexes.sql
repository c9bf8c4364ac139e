-- The case list's filters and sorts, each served by an index at province scale (CaseQueriesIndexTest explains
-- them at 10,000 cases). A sort walks its index and stops after the page; the tiebreaker id is sorted
-- incrementally within equal keys. status, stage, department, kind and overdue have theirs (V1, V3, V7).

-- projectId for every kind (review_case_declaration and review_case_report are partial, each for some kinds)
create index review_case_project on review_case (project_id);
-- assignee (and 'me', the dashboard's my-cases: assignee and OPEN)
create index review_case_assignee on review_case (assignee, status) where assignee is not null;
-- budgetYear with the default sort (openedAt)
create index review_case_year_opened on review_case (budget_year, opened_at);
create index review_case_opened on review_case (opened_at);
create index review_case_submitted on review_case (submitted_at);
create index review_case_stage_entered on review_case (stage_entered_at);
create index review_case_funding on review_case (funding);
create index review_case_project_name on review_case (project_name);
create index review_case_decided on review_case (decided_at);
