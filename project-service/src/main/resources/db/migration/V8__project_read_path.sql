-- A project read answers from one statement when no reviewer ever commented on the project (most projects):
-- the flag tells it to skip the comments' table. Set where comments exist already.
alter table project add column has_review_comments boolean not null default false;
update project p set has_review_comments = true
 where exists (select 1 from review_comment c where c.project_id = p.id);
