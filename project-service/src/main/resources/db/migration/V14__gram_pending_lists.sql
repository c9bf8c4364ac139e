-- A GIN index first appends new entries to a pending list and merges them into the index when the list reaches
-- gin_pending_list_limit (4 MB by default), and every search reads the whole list. At 640,000 projects the list
-- of the year's gram index held 310 pages between merges: a search's count of 学校 in a year took 2.6 ms with
-- it, 1.7 ms without (pgbench, one client), most of the difference its reading the list. At 256 kB a search
-- reads at most 32 pages of it. Imports of 10,000 documents ran at 732–824/s before and 744–898/s after (noise);
-- without a pending list at all (fastupdate off) they fell to 555–716/s, each insert updating the index at once.
alter index project_name_grams set (gin_pending_list_limit = 256);
alter index project_year_name_grams set (gin_pending_list_limit = 256);
