-- Statistics for 003 q2 in the question's own terms (issue 16).
--
-- Two more facts per dossier in `dossier_statistics`, read by the report q2Question through the
-- fact table (decision 022; not in the rollups):
-- * athlete_role: for a professional athlete, the role the application records
--   (`application.athlete.role`: PLAYER, TRAINER or REFEREE; UNKNOWN when the optional question
--   was left open); NULL for every other category. The question asks for "beroepssporter, trainer
--   of scheidsrechter", and the threshold differs for trainers (BVR 7 Dec 2018, art. 17).
-- * federal_outcome: for a grant of the work part, the Immigration Office's decision on the
--   residence part once it is known (dossiers.federal_status GRANTED or REFUSED); NULL while it is
--   pending or when the work part was not granted. A work authorisation granted by the region is
--   "uitgegeven" in the work part; the single permit needs the residence part too.
-- Every existing row is refolded through the queue of 0006, so the new columns are filled by the
-- same code that keeps them. A residence decision received later is an UPDATE of the dossier, which
-- notes it for the fold like any other change.

ALTER TABLE dossier_statistics
  ADD COLUMN athlete_role text CHECK (athlete_role IN ('PLAYER', 'TRAINER', 'REFEREE', 'UNKNOWN')),
  ADD COLUMN federal_outcome text CHECK (federal_outcome IN ('GRANTED', 'REFUSED'));

CREATE OR REPLACE FUNCTION fold_pending_statistics() RETURNS integer
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
    regional_lead_days, federal_lead_days, is_within_deadline,
    admissibility_lead_days, total_lead_days, handover_days, appeal_decided_on, appeal_year, appeal_outcome,
    athlete_role, federal_outcome)
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
    CASE WHEN f.outcome IS NOT NULL AND d.due_date IS NOT NULL THEN d.decided_on <= d.due_date END,
    d.admissible_on - f.submitted_on,
    CASE WHEN f.outcome = 'GRANTED' THEN d.federal_decided_on - f.submitted_on END,
    (SELECT min((o.sent_at AT TIME ZONE 'Europe/Brussels')::date) FROM federal_outbox o
      WHERE o.dossier_id = d.id AND o.kind = 'ADMISSIBLE' AND o.sent_at IS NOT NULL) - d.admissible_on,
    ap.effective_on,
    extract(year FROM ap.effective_on)::smallint,
    ap.outcome,
    CASE WHEN d.category = 'PROFESSIONAL_ATHLETE' THEN
      CASE WHEN d.application #>> '{athlete,role}' IN ('PLAYER', 'TRAINER', 'REFEREE')
           THEN d.application #>> '{athlete,role}' ELSE 'UNKNOWN' END
    END,
    CASE WHEN f.outcome = 'GRANTED' AND d.federal_status IN ('GRANTED', 'REFUSED') THEN d.federal_status END
  FROM dossiers d
  JOIN changed ON changed.dossier_id = d.id
  -- The last appeal decided (DECIDE_APPEAL upholds; GRANT_ON_APPEAL and REOPEN_ON_APPEAL overturn).
  LEFT JOIN LATERAL (
    SELECT a.effective_on, a.details ->> 'appealOutcome' AS outcome
    FROM dossier_actions a
    WHERE a.dossier_id = d.id AND a.action IN ('DECIDE_APPEAL', 'GRANT_ON_APPEAL', 'REOPEN_ON_APPEAL')
    ORDER BY a.id DESC LIMIT 1
  ) ap ON true
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
    federal_lead_days = excluded.federal_lead_days, is_within_deadline = excluded.is_within_deadline,
    admissibility_lead_days = excluded.admissibility_lead_days, total_lead_days = excluded.total_lead_days,
    handover_days = excluded.handover_days,
    appeal_decided_on = excluded.appeal_decided_on, appeal_year = excluded.appeal_year,
    appeal_outcome = excluded.appeal_outcome,
    athlete_role = excluded.athlete_role, federal_outcome = excluded.federal_outcome
  -- Most dossier updates (version, assignment, fee) change nothing here: leave the row alone.
  WHERE (s.*) IS DISTINCT FROM (excluded.*);
  GET DIAGNOSTICS changed_rows = ROW_COUNT;
  RETURN changed_rows;
END
$$;

INSERT INTO statistics_pending (dossier_id) SELECT dossier_id FROM dossier_statistics;
