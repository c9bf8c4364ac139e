-- 指标库: reusable 三级指标 definitions, and what was approved with them (历史标准).
create table library_indicator (
    id           uuid primary key,
    name         varchar(200) not null,
    level1       varchar(20) not null,
    level2       varchar(30) not null,
    unit         varchar(30),
    value_kind   varchar(20) not null,
    direction    varchar(20),
    value_basis  varchar(20) not null,
    description  text,
    departments  varchar(2000),
    scope        varchar(10) not null,
    learned      boolean not null,
    version      bigint not null,
    updated_by   varchar(100) not null,
    updated_at   timestamptz not null,
    unique (level1, level2, name)
);
create index library_indicator_name on library_indicator (name);

create table library_history (
    id              bigint generated always as identity primary key,
    indicator_id    uuid not null references library_indicator (id) on delete cascade,
    department_code varchar(3) not null,
    budget_year     integer not null,
    project_id      uuid not null,
    revision        integer not null,
    project_name    varchar(200) not null,
    target          varchar(2000) not null,
    approved_at     timestamptz not null,
    unique (indicator_id, project_id, revision)
);
create index library_history_lookup on library_history (indicator_id, department_code, budget_year);
