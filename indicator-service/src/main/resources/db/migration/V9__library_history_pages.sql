-- An indicator's history is read a page at a time, newest first, with or without a department: indexes in that
-- order let a page read only its own rows (a common 满意度 indicator gathers thousands of entries a year).
create index library_history_newest on library_history (indicator_id, budget_year desc, approved_at desc, id);
create index library_history_department_newest
    on library_history (indicator_id, department_code, budget_year desc, approved_at desc, id);
