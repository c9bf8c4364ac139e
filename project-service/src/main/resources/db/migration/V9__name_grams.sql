-- nameContains (a substring of the name) served by an index for a term of any length. Typical Chinese terms
-- are two characters (学校), which have no trigram: the pg_trgm index of V7 returned every row for them. The
-- grams of a name are its characters and its pairs of adjacent characters; a name containing a term has all
-- of the term's grams, so the GIN index on them finds the candidates and LIKE checks the rest (see
-- ProjectRepository.search). For a term of one or two characters the gram is the term itself: the index
-- answers exactly.

-- Each distinct character and pair of adjacent characters of a name (char_length counts characters, not bytes)
create function project_name_grams(name text) returns text[]
    language sql immutable strict parallel safe
return array(select distinct substr(name, i, n)
               from generate_series(1, char_length(name)) i, generate_series(1, 2) n
              where i + n - 1 <= char_length(name));

-- The grams every name containing term has: its pairs, or the term itself when it is one character. Its
-- characters would add nothing the pairs do not imply and would make the index intersect longer lists.
create function project_term_grams(term text) returns text[]
    language sql immutable strict parallel safe
return case when char_length(term) < 2 then array[term]
            else array(select distinct substr(term, i, 2) from generate_series(1, char_length(term) - 1) i) end;

-- A stored column rather than an expression index: its statistics (most common elements) estimate a term's
-- rows, and a plan that filters rows on it (a sort index walked under a LIMIT) compares arrays rather than
-- computing the grams of every row it passes. The entity does not map it: no read loads it.
alter table project add column name_grams text[] generated always as (project_name_grams(name)) stored;
create index project_name_grams on project using gin (name_grams);

-- The gram index serves every term the trigram index served (three characters or more: their pairs are as
-- rare as their trigrams in Chinese names), and LIKE checks the candidates of both alike: keeping both would
-- make every insert and rename write two GIN indexes for one search.
drop index project_name_trgm;
analyze project;
