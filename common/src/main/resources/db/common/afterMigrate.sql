-- Runs as the owner role after every migration (Flyway callback): the runtime role the service connects as
-- (${jixiao_app_user}) may read and write rows, nothing more. It owns nothing, so it cannot TRUNCATE, ALTER
-- (DISABLE TRIGGER), DROP or CREATE; tables guarded by an append-only trigger (*_append_only functions)
-- also lose UPDATE and DELETE. Idempotent; skipped when one role does both (PGUSER only, the old setup,
-- or Dev Services' own user in the docker profile).
do $$
declare
    app text := '${jixiao_app_user}';
    t record;
begin
    -- a runtime role that does not exist (yet) could not log in either: nothing to grant
    if app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    -- tables a later migration creates outside Flyway's migrate (or before this callback runs) are covered too
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    for t in
        select distinct c.relname
        from pg_trigger tg
            join pg_class c on c.oid = tg.tgrelid
            join pg_namespace n on n.oid = c.relnamespace
            join pg_proc p on p.oid = tg.tgfoid
        where n.nspname = 'public' and not tg.tgisinternal and p.proname like '%append_only%'
    loop
        execute format('revoke update, delete on public.%I from %I', t.relname, app);
    end loop;
    -- the migration record is the owner's business
    execute format('revoke all on public.flyway_schema_history from %I', app);
end $$;
