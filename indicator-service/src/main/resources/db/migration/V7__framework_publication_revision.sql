-- Each publication of a scope gets the next revision, carried by FrameworkPublished, so that consumers keep
-- the newest framework whatever order the events reach them in. Scopes published before count from 0.
alter table framework_publication add column revision integer not null default 0;
