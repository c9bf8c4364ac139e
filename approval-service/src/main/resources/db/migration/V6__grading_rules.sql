-- 评审等级规则 per budget year; without rows the default of 财预〔2015〕88号 applies (domain/GradingRules):
-- 优 and 良 approvable (良 with a comment), 中 only returned, 差 only returned and refused for the budget.
create table grading_rule (
    budget_year        integer not null,
    grade              varchar(2) not null,
    approvable         boolean not null,
    comment_required   boolean not null,
    refused_for_budget boolean not null,
    primary key (budget_year, grade),
    check (not (approvable and refused_for_budget))
);

-- A case returned with a grade refused for the budget (差 by default): 不得纳入预算.
alter table review_case add column refused_for_budget boolean not null default false;
