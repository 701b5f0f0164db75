-- Household search (search.ts, data-and-performance.md §1 "Chinese search"): overlapping
-- bigrams as tsvector lexemes, no text-search parser involved, so it behaves the same on
-- PGlite (C collation) and PostgreSQL. Idempotent; run after the migrations on every start.
--
-- names: the householder's and members' names; places: village and township names;
-- tails4: last four ID characters (already shown in the masked form); tails6: keyed hashes
-- of the last six (computed in the application, never the plaintext).
CREATE OR REPLACE FUNCTION poverty_search_tsv(names text[], places text[], tails4 text[], tails6 text[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_tsvector(coalesce(array_agg(DISTINCT tok), '{}'::text[])) FROM (
    SELECT lower(substr(t, i, 2)) AS tok
      FROM unnest(coalesce(names, '{}'::text[]) || coalesce(places, '{}'::text[])) AS t,
           generate_series(1, greatest(char_length(t) - 1, 0)) AS i
    UNION ALL SELECT 'i4:' || x FROM unnest(tails4) AS x WHERE x IS NOT NULL
    UNION ALL SELECT 'i6:' || x FROM unnest(tails6) AS x WHERE x IS NOT NULL
  ) s WHERE tok <> ''
$$;

-- Rebuild the documents of some households set-wise (import, seed, sector data).
CREATE OR REPLACE FUNCTION poverty_refresh_search(ids text[]) RETURNS integer
LANGUAGE sql AS $$
  WITH p AS (
    SELECT household_id, array_agg(name) AS names, array_agg(right(id_masked, 4)) AS t4, array_agg(id_tail_hash) AS t6
    FROM poverty_persons WHERE household_id = ANY(ids) GROUP BY household_id
  ), u AS (
    UPDATE poverty_households h
       SET search_tsv = poverty_search_tsv(array_prepend(h.householder_name, coalesce(p.names, '{}'::text[])), ARRAY[v.name, t.name], p.t4, p.t6)
      FROM poverty_regions v, poverty_regions t, (SELECT unnest(ids) AS id) k
      LEFT JOIN p ON p.household_id = k.id
     WHERE h.id = k.id AND v.code = h.village_code AND t.code = h.township_code
    RETURNING 1
  )
  SELECT count(*)::int FROM u
$$;

-- 帮扶措施 are history (MON-18): once recorded, only the status may move; nothing is deleted.
CREATE OR REPLACE FUNCTION poverty_measures_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'poverty_measures is append-only';
  END IF;
  IF (NEW.id, NEW.monitoring_id, NEW.household_id, NEW.type, NEW.description, NEW.responsible_body, NEW.start_date, NEW.amount_fen, NEW.detail, NEW.incident_id, NEW.recorded_by, NEW.recorded_at)
     IS DISTINCT FROM (OLD.id, OLD.monitoring_id, OLD.household_id, OLD.type, OLD.description, OLD.responsible_body, OLD.start_date, OLD.amount_fen, OLD.detail, OLD.incident_id, OLD.recorded_by, OLD.recorded_at) THEN
    RAISE EXCEPTION 'poverty_measures: a recorded measure is not changed, record a new one';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS poverty_measures_guard ON poverty_measures;
CREATE TRIGGER poverty_measures_guard BEFORE UPDATE OR DELETE ON poverty_measures FOR EACH ROW EXECUTE FUNCTION poverty_measures_guard();
