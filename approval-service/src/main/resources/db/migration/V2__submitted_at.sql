-- submitted_at: when the department submitted (the event's time, start of the lead time);
-- opened_at: when this service opened the case.
alter table review_case add column submitted_at timestamptz;
update review_case set submitted_at = opened_at;
alter table review_case alter column submitted_at set not null;
