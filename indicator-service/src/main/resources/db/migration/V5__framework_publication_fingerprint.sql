-- A published framework now carries its variant placements and the year's aliases, which change
-- without the preset's version changing: what was published is compared by content. Rows from before
-- have no fingerprint, so each scope is published once more, with its placements.
alter table framework_publication add column fingerprint text;
