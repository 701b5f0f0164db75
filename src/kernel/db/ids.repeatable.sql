-- gc_new_id(prefix): the id `newId` (src/kernel/ids.ts) makes, for rows created set-wise in SQL:
-- prefix, '_', 12 hex digits of the millisecond clock, 20 random hex digits. Time-ordered keys
-- append to the right edge of their B-tree instead of touching a random leaf for every row,
-- which is what a bulk INSERT … SELECT of a million rows spends its time on with random ids.
CREATE OR REPLACE FUNCTION gc_new_id(prefix text) RETURNS text
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT prefix || '_' || lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')
         || left(replace(gen_random_uuid()::text, '-', ''), 20)
$$;

-- tsvector_agg: the union of a group's documents (search documents merged per household).
CREATE OR REPLACE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
