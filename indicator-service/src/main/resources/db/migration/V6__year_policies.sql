-- Policies an admin sets per budget year: 'scoring' (自评 weights, grade bands, caps) and 'monitoring'
-- (双监控 thresholds). A year without a row uses the default the code holds.
create table year_policy (
    budget_year integer not null,
    kind        varchar(20) not null,
    definition  jsonb not null,
    changed_by  varchar(200) not null,
    changed_at  timestamptz not null,
    primary key (budget_year, kind)
);
