-- stage_due_at: the instant an open case becomes overdue at its stage, so that lists and the dashboard
-- filter and count "overdue" in SQL. The service sets it whenever a case enters a stage or its year's
-- route changes (domain/WorkingDays.overdueFrom); this migration fills it for the cases already there.

-- The same rule as WorkingDays.overdueFrom: midnight, China Standard Time, of the (target_days + 1)-th
-- Monday-to-Friday after the day the stage was entered. Kept after the backfill so that a test can
-- prove it agrees with the Java rule.
create function approval_overdue_from(entered timestamptz, target_days integer) returns timestamptz
    language sql stable strict as $$
    select d at time zone 'Asia/Shanghai'
    from generate_series(((entered at time zone 'Asia/Shanghai')::date + 1)::timestamp,
                         ((entered at time zone 'Asia/Shanghai')::date + 7 * (greatest(target_days, 0) / 5 + 2))::timestamp,
                         interval '1 day') as g(d)
    where extract(isodow from d) < 6
    order by d
    offset greatest(target_days, 0) limit 1
$$;

alter table review_case add column stage_due_at timestamptz;
-- The target of the case's stage in its year's route (the stage at the largest position not beyond the
-- case's index, as ReviewRoute.stage clamps), or the default route's 5 days when the year has none.
update review_case c set stage_due_at = approval_overdue_from(c.stage_entered_at, coalesce(
    (select s.target_days from review_stage s
      where s.budget_year = c.budget_year and s.position <= c.stage_index
      order by s.position desc limit 1), 5));
alter table review_case alter column stage_due_at set not null;
create index review_case_overdue on review_case (stage_due_at) where status = 'OPEN';
