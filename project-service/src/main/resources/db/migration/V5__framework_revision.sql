-- The publication revision of the framework kept per scope (FrameworkPublished.revision), so that an older
-- publication arriving after a newer one changes nothing. Frameworks received before it count as 0.
alter table framework_in_force add column revision integer not null default 0;
