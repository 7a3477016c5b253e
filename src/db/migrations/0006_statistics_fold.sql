-- Statistics leave the dossier's transaction (issue "Authentic sources", bench:intake).
--
-- Until now the triggers of 0005 recomputed a dossier's statistics row and its rollups inside every
-- transaction that changed the dossier. That cost ~20 ms of database time per change, and two
-- changes of the same cell (two submissions of HIGHLY_SKILLED in Antwerp in 2026) waited for each
-- other on the rollup row until the first committed: 50 employers submitting at once were served one
-- after another.
--
-- Now a change only notes the dossier's id in `statistics_pending` (an insert, no lock on anything
-- shared). `fold_pending_statistics()` turns the pending ids into statistics rows, and the rollup
-- triggers of 0005 fire there as before. It runs
-- * before every statistics query (src/stats/aggregate.ts), so a dossier decided now still shows up
--   in the very next query, as issue 6 requires;
-- * every few seconds in each instance (src/stats/fold-statistics.ts), so the queue stays short
--   and a query rarely finds work to do.
-- One fold at a time (a transaction-scoped advisory lock, key 0x4C4F4B4554535441, "LOKETSTA"): folds never wait for each
-- other on rollup rows and never deadlock. A change committed while a fold runs stays pending (the
-- fold deletes only what its snapshot sees) and is folded by the next one; a fold that sees the
-- pending id also sees the change, since both were committed together.

DROP TRIGGER dossier_statistics_on_insert ON dossiers;
DROP TRIGGER dossier_statistics_on_update ON dossiers;
DROP FUNCTION refresh_dossier_statistics();

-- Ids of submitted dossiers changed since the last fold; one row per change (no key, so noting a
-- change never waits for another transaction).
CREATE TABLE statistics_pending (
  dossier_id uuid NOT NULL
);

CREATE FUNCTION note_dossier_statistics_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO statistics_pending (dossier_id) SELECT id FROM new_rows WHERE submitted_at IS NOT NULL;
  RETURN NULL;
END
$$;

-- Statement triggers over transition tables again: a bulk insert (the generator) notes its
-- thousands of ids in one INSERT … SELECT.
CREATE TRIGGER dossier_statistics_on_insert AFTER INSERT ON dossiers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_dossier_statistics_change();
CREATE TRIGGER dossier_statistics_on_update AFTER UPDATE ON dossiers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_dossier_statistics_change();

-- Folds every pending change into dossier_statistics (and through its triggers into the rollups);
-- returns how many statistics rows changed. READ COMMITTED: each statement below takes a snapshot
-- after the lock was granted, so it sees every fold committed before it.
CREATE FUNCTION fold_pending_statistics() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  changed_rows integer;
BEGIN
  -- Nothing pending in this snapshot: every change committed before it was folded by a committed fold.
  IF NOT EXISTS (SELECT 1 FROM statistics_pending) THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(5498696431182238785);
  WITH taken AS (
    DELETE FROM statistics_pending RETURNING dossier_id
  ), changed AS (
    SELECT DISTINCT dossier_id FROM taken
  )
  INSERT INTO dossier_statistics AS s (
    dossier_id, submitted_on, submitted_year, decided_on, decided_year, category, kind, region,
    province, nationality, sex, age_band, vks, isco_major_group, migration_list_function, status,
    is_admissible, is_withdrawn, outcome, reason_codes, is_nurse, is_care_worker,
    regional_lead_days, federal_lead_days, is_within_deadline)
  SELECT
    d.id,
    f.submitted_on,
    extract(year FROM f.submitted_on)::smallint,
    CASE WHEN f.outcome IS NOT NULL THEN d.decided_on END,
    CASE WHEN f.outcome IS NOT NULL THEN extract(year FROM d.decided_on)::smallint END,
    d.category,
    d.kind,
    coalesce(d.assessment #>> '{procedure,region}', 'UNKNOWN'),
    coalesce(d.assessment #>> '{procedure,province}', 'UNKNOWN'),
    coalesce(d.application #>> '{worker,nationality}', 'UNKNOWN'),
    coalesce(d.application #>> '{worker,sex}', 'UNKNOWN'),
    statistics_age_band(statistics_date(d.application #>> '{worker,birthDate}'), f.submitted_on),
    coalesce(d.application #>> '{worker,qualificationVks}', 'UNKNOWN'),
    coalesce(substr(d.application #>> '{job,iscoCode}', 1, 1), 'UNKNOWN'),
    coalesce(d.application #>> '{job,migrationListFunction}', 'NONE'),
    d.status,
    d.admissible_on IS NOT NULL,
    d.status = 'WITHDRAWN',
    f.outcome,
    CASE WHEN f.outcome = 'REFUSED' THEN
      coalesce(nullif(ARRAY(SELECT jsonb_array_elements_text(d.decision -> 'reasonCodes')), '{}'), '{OTHER}')
    ELSE '{}' END,
    d.application #>> '{worker,profession}' = 'NURSE' IS TRUE,
    (d.application #>> '{worker,profession}' = 'NURSE') IS NOT TRUE AND (
      d.application #>> '{job,migrationListFunction}' = 'care-worker'
      OR d.application #>> '{job,isCareFunction}' = 'true') IS TRUE,
    CASE WHEN f.outcome IS NOT NULL THEN d.decided_on - d.admissible_on END,
    CASE WHEN f.outcome = 'GRANTED' THEN d.federal_decided_on - d.decided_on END,
    CASE WHEN f.outcome IS NOT NULL AND d.due_date IS NOT NULL THEN d.decided_on <= d.due_date END
  FROM dossiers d
  JOIN changed ON changed.dossier_id = d.id
  CROSS JOIN LATERAL (
    SELECT (d.submitted_at AT TIME ZONE 'Europe/Brussels')::date AS submitted_on,
           CASE WHEN d.decided_on IS NOT NULL AND d.decision ->> 'outcome' IN ('GRANTED', 'REFUSED')
                THEN d.decision ->> 'outcome' END AS outcome
  ) f
  WHERE d.submitted_at IS NOT NULL
  ON CONFLICT (dossier_id) DO UPDATE SET
    submitted_on = excluded.submitted_on, submitted_year = excluded.submitted_year,
    decided_on = excluded.decided_on, decided_year = excluded.decided_year,
    category = excluded.category, kind = excluded.kind, region = excluded.region,
    province = excluded.province, nationality = excluded.nationality, sex = excluded.sex,
    age_band = excluded.age_band, vks = excluded.vks, isco_major_group = excluded.isco_major_group,
    migration_list_function = excluded.migration_list_function, status = excluded.status,
    is_admissible = excluded.is_admissible, is_withdrawn = excluded.is_withdrawn,
    outcome = excluded.outcome, reason_codes = excluded.reason_codes, is_nurse = excluded.is_nurse,
    is_care_worker = excluded.is_care_worker, regional_lead_days = excluded.regional_lead_days,
    federal_lead_days = excluded.federal_lead_days, is_within_deadline = excluded.is_within_deadline
  -- Most dossier updates (version, assignment, fee) change nothing here: leave the row alone.
  WHERE (s.*) IS DISTINCT FROM (excluded.*);
  GET DIAGNOSTICS changed_rows = ROW_COUNT;
  RETURN changed_rows;
END
$$;
