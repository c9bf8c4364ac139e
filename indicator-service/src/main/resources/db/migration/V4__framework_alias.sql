-- A year's own printed variants of its framework's levels, added by an admin (a province's import
-- prints 影响指标 for 可持续影响指标, …). level2 null: any level 2 printed under level1.
create table framework_alias (
    id          bigserial primary key,
    budget_year integer not null,
    level1      varchar(100) not null,
    level2      varchar(100),
    to_level1   varchar(100) not null,
    to_level2   varchar(100),
    added_by    varchar(100) not null,
    added_at    timestamptz not null,
    unique (budget_year, level1, level2)
);
