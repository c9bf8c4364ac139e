-- Reviewers' comments are part of the audit trail a department is answered with: like case_history,
-- the database refuses to change or remove one. One function serves every append-only table.
create function refuse_append_only_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
end $$;

create trigger case_comment_no_update before update or delete on case_comment
    for each row execute function refuse_append_only_change();

-- TRUNCATE bypasses row triggers; refuse it on both audit tables too (a role allowed to drop triggers can
-- still do anything, which is why the services run as a role that is not the owner).
create trigger case_comment_no_truncate before truncate on case_comment
    for each statement execute function refuse_append_only_change();
create trigger case_history_no_truncate before truncate on case_history
    for each statement execute function refuse_append_only_change();
