-- 四眼原则 per stage of a route: whoever decides a stage under it decides no other stage of the same case.
-- On by default, for the stages admins configured before as for the default route.
alter table review_stage add column four_eyes boolean not null default true;

-- Who decided which stage of a case, how and with which grade (评审等级): what the four-eyes rule reads
-- and the case shows as its stage grades. Append-only like the history.
create table stage_decision (
    id          bigint generated always as identity primary key,
    case_id     uuid not null references review_case (id),
    stage_index integer not null,
    stage_name  varchar(100) not null,
    action      varchar(20) not null,
    decided_by  varchar(100) not null,
    grade       varchar(2),
    decided_at  timestamptz not null
);
create index stage_decision_case on stage_decision (case_id, id);

-- The decisions taken before this table, from the history: the n-th PASSED entry of a case decided its
-- stage n-1 (its detail reads "<stage> → <next stage>"); a decided case's final decision is on the case.
insert into stage_decision (case_id, stage_index, stage_name, action, decided_by, grade, decided_at)
select case_id, (row_number() over (partition by case_id order by id)) - 1, split_part(detail, ' → ', 1), 'PASS',
       actor, null, at
from case_history where action = 'PASSED';
insert into stage_decision (case_id, stage_index, stage_name, action, decided_by, grade, decided_at)
select id, stage_index, stage_name, case status when 'APPROVED' then 'APPROVE' else 'RETURN' end, decided_by, grade,
       decided_at
from review_case where status <> 'OPEN' and decided_by is not null and decided_at is not null;

create trigger stage_decision_no_update before update or delete on stage_decision
    for each row execute function refuse_append_only_change();
create trigger stage_decision_no_truncate before truncate on stage_decision
    for each statement execute function refuse_append_only_change();

-- The grade a decision gave, kept in the history line of the decision (no backfill: the history is append-only).
alter table case_history add column grade varchar(2);
