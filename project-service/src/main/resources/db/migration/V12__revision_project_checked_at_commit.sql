-- An import chunk writes its rows in one transaction, and Hibernate sends them grouped by table (order_inserts):
-- the revisions of the chunk's updated and created projects together, in the order the first of them was
-- persisted. When an updated project comes first, its revision group goes before the new projects it also
-- holds revisions of; checked per row, that failed the chunk, which was then stored again one document at a
-- time. Checked at commit, the same rows are valid in either order; a revision of a project that does not
-- exist still fails its transaction.
alter table project_revision alter constraint project_revision_project_id_fkey deferrable initially deferred;
