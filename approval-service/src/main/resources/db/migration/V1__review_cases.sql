-- 审核: one review case per submitted project revision, its append-only history, its comments.
create sequence approval_number_seq;

create table review_case (
    id                uuid primary key,
    project_id        uuid not null,
    revision          integer not null,
    kind              varchar(20) not null,
    budget_year       integer not null,
    department_code   varchar(3) not null,
    department_name   varchar(100),
    project_name      varchar(200) not null,
    funding           numeric,
    indicator_count   integer not null,
    snapshot          text not null,
    amendment_reason  text,
    changes           text,
    status            varchar(20) not null,
    stage_index       integer not null,
    stage_name        varchar(100) not null,
    assignee          varchar(100),
    opened_at         timestamptz not null,
    stage_entered_at  timestamptz not null,
    decided_at        timestamptz,
    decided_by        varchar(100),
    grade             varchar(2),
    approval_number   varchar(64),
    override_reason   text,
    version           bigint not null,
    unique (project_id, revision)
);
create index review_case_queue on review_case (status, stage_index, budget_year);
create index review_case_department on review_case (department_code, budget_year);

create table case_history (
    id          bigint generated always as identity primary key,
    case_id     uuid not null references review_case (id),
    at          timestamptz not null,
    actor       varchar(100) not null,
    action      varchar(30) not null,
    stage       varchar(100),
    from_status varchar(20),
    to_status   varchar(20),
    detail      text
);
create index case_history_case on case_history (case_id, id);
-- The history is append-only: the database refuses to change or remove an entry.
create function case_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_history is append-only';
end $$;
create trigger case_history_no_update before update or delete on case_history
    for each row execute function case_history_is_append_only();

create table case_comment (
    id              bigint generated always as identity primary key,
    case_id         uuid not null references review_case (id),
    stage           varchar(100),
    field           varchar(100),
    indicator_index integer,
    indicator_name  varchar(200),
    text            text not null,
    author          varchar(100) not null,
    created_at      timestamptz not null
);
create index case_comment_case on case_comment (case_id, id);

-- Findings of indicator-service per project revision; they may arrive before the case opens.
create table case_findings (
    project_id  uuid not null,
    revision    integer not null,
    findings    text not null,
    has_errors  boolean not null,
    received_at timestamptz not null,
    primary key (project_id, revision)
);

-- 审核流程 per budget year; without rows the default two-stage route applies.
create table review_stage (
    budget_year       integer not null,
    position          integer not null,
    name              varchar(100) not null,
    target_days       integer not null,
    allowed_reviewers text,
    required_claim    varchar(200),
    primary key (budget_year, position)
);
