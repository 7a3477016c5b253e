-- Rollups for three reports of issue 16 that scanned the fact table (decision 022, option 1):
-- q2Question, q6Total and q7Handover took 1.5–2.2 s on the million-dossier benchmark.
--
-- * statistics_cohort_counts and statistics_decision_counts get the athlete's role as one more
--   key column ('' for every other category), so the question's categories of 003 q2
--   (src/stats/dimensions.ts, QUESTION_CATEGORY_SQL) can be computed on them; athletes are a
--   small category, so few rows are added.
-- * statistics_cohort_counts counts the dossiers handed over to the Immigration Office (q7), and
--   statistics_decision_counts the residence decisions on grants (q2's residenceGranted and
--   residenceRefused), each with its key sum for the cell-key method (migration 0019).
-- * statistics_lead_times holds two more histograms by year of the regional decision: submission
--   → admissibility ('admissibility') and submission → residence decision ('total') (q6Total).
-- * statistics_cohort_lead_times (new): histograms by year of submission; the hand-over delay
--   ('handover', q7), admissibility → sending to the Immigration Office.
-- The trigger of 0019 is replaced with the new columns and the rollups are rebuilt as in 0019.
-- Every figure stays the same: the recount tests compare the rollups and the fact table.

ALTER TABLE statistics_cohort_counts
  ADD COLUMN athlete_role text NOT NULL DEFAULT '',
  ADD COLUMN handed_over integer NOT NULL DEFAULT 0,
  ADD COLUMN handed_over_key bigint NOT NULL DEFAULT 0,
  DROP CONSTRAINT statistics_cohort_counts_pkey,
  ADD PRIMARY KEY (submitted_year, category, province, kind, athlete_role);

ALTER TABLE statistics_decision_counts
  ADD COLUMN athlete_role text NOT NULL DEFAULT '',
  ADD COLUMN residence_granted integer NOT NULL DEFAULT 0,
  ADD COLUMN residence_refused integer NOT NULL DEFAULT 0,
  ADD COLUMN residence_granted_key bigint NOT NULL DEFAULT 0,
  ADD COLUMN residence_refused_key bigint NOT NULL DEFAULT 0,
  DROP CONSTRAINT statistics_decision_counts_pkey,
  ADD PRIMARY KEY (breakdown, decided_year, category, province, kind, care_profession, value, athlete_role);

-- Histograms of lead times in days by year of submission (lead = handover).
CREATE TABLE statistics_cohort_lead_times (
  lead           text NOT NULL,
  submitted_year smallint NOT NULL,
  category       text NOT NULL,
  province       text NOT NULL,
  days           integer NOT NULL,
  dossiers       integer NOT NULL,
  PRIMARY KEY (lead, submitted_year, category, province, days)
);

CREATE OR REPLACE FUNCTION refresh_statistics_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o'
  END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO statistics_cohort_counts AS c
      (submitted_year, category, province, kind, athlete_role, applications, admissible, withdrawn,
       handed_over, applications_key, admissible_key, withdrawn_key, handed_over_key)
    SELECT f.submitted_year, f.category, f.province, f.kind, coalesce(f.athlete_role, ''),
           sum(f.sign), sum(f.sign * f.is_admissible::int), sum(f.sign * f.is_withdrawn::int),
           sum(f.sign * (f.handover_days IS NOT NULL)::int),
           sum(f.sign * f.record_key), sum(f.sign * f.record_key * f.is_admissible::int),
           sum(f.sign * f.record_key * f.is_withdrawn::int),
           sum(f.sign * f.record_key * (f.handover_days IS NOT NULL)::int)
    FROM (%s) f
    GROUP BY 1, 2, 3, 4, 5
    HAVING (sum(f.sign), sum(f.sign * f.is_admissible::int), sum(f.sign * f.is_withdrawn::int),
            sum(f.sign * (f.handover_days IS NOT NULL)::int),
            sum(f.sign * f.record_key), sum(f.sign * f.record_key * f.is_admissible::int),
            sum(f.sign * f.record_key * f.is_withdrawn::int),
            sum(f.sign * f.record_key * (f.handover_days IS NOT NULL)::int)) <> (0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (submitted_year, category, province, kind, athlete_role) DO UPDATE SET
      applications = c.applications + excluded.applications,
      admissible = c.admissible + excluded.admissible,
      withdrawn = c.withdrawn + excluded.withdrawn,
      handed_over = c.handed_over + excluded.handed_over,
      applications_key = c.applications_key + excluded.applications_key,
      admissible_key = c.admissible_key + excluded.admissible_key,
      withdrawn_key = c.withdrawn_key + excluded.withdrawn_key,
      handed_over_key = c.handed_over_key + excluded.handed_over_key
  $sql$, changes);

  EXECUTE format($sql$
    INSERT INTO statistics_decision_counts AS c
      (breakdown, decided_year, category, province, kind, care_profession, value, athlete_role,
       decided, granted, refused, within_deadline, with_deadline, residence_granted, residence_refused,
       decided_key, granted_key, refused_key, residence_granted_key, residence_refused_key)
    SELECT b.breakdown, f.decided_year, f.category, f.province, f.kind,
           CASE WHEN f.is_nurse THEN 'NURSE' WHEN f.is_care_worker THEN 'CARE_WORKER' ELSE 'OTHER' END,
           b.value,
           coalesce(f.athlete_role, ''),
           sum(f.sign),
           sum(f.sign * (f.outcome = 'GRANTED')::int),
           sum(f.sign * (f.outcome = 'REFUSED')::int),
           sum(f.sign * coalesce(f.is_within_deadline::int, 0)),
           sum(f.sign * (f.is_within_deadline IS NOT NULL)::int),
           sum(f.sign * ((f.outcome = 'GRANTED' AND f.federal_outcome = 'GRANTED') IS TRUE)::int),
           sum(f.sign * ((f.outcome = 'GRANTED' AND f.federal_outcome = 'REFUSED') IS TRUE)::int),
           sum(f.sign * f.record_key),
           sum(f.sign * f.record_key * (f.outcome = 'GRANTED')::int),
           sum(f.sign * f.record_key * (f.outcome = 'REFUSED')::int),
           sum(f.sign * f.record_key * ((f.outcome = 'GRANTED' AND f.federal_outcome = 'GRANTED') IS TRUE)::int),
           sum(f.sign * f.record_key * ((f.outcome = 'GRANTED' AND f.federal_outcome = 'REFUSED') IS TRUE)::int)
    FROM (%s) f
    CROSS JOIN LATERAL (
      SELECT * FROM (VALUES ('', ''), ('age_band', f.age_band), ('sex', f.sex), ('vks', f.vks),
                            ('nationality', f.nationality)) v (breakdown, value)
      UNION ALL
      SELECT 'reason', r.reason FROM unnest(f.reason_codes) r (reason) WHERE f.outcome = 'REFUSED'
    ) b
    WHERE f.decided_year IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING (sum(f.sign), sum(f.sign * (f.outcome = 'GRANTED')::int), sum(f.sign * (f.outcome = 'REFUSED')::int),
            sum(f.sign * coalesce(f.is_within_deadline::int, 0)),
            sum(f.sign * (f.is_within_deadline IS NOT NULL)::int),
            sum(f.sign * ((f.outcome = 'GRANTED' AND f.federal_outcome = 'GRANTED') IS TRUE)::int),
            sum(f.sign * ((f.outcome = 'GRANTED' AND f.federal_outcome = 'REFUSED') IS TRUE)::int),
            sum(f.sign * f.record_key)) <> (0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (breakdown, decided_year, category, province, kind, care_profession, value, athlete_role)
    DO UPDATE SET
      decided = c.decided + excluded.decided,
      granted = c.granted + excluded.granted,
      refused = c.refused + excluded.refused,
      within_deadline = c.within_deadline + excluded.within_deadline,
      with_deadline = c.with_deadline + excluded.with_deadline,
      residence_granted = c.residence_granted + excluded.residence_granted,
      residence_refused = c.residence_refused + excluded.residence_refused,
      decided_key = c.decided_key + excluded.decided_key,
      granted_key = c.granted_key + excluded.granted_key,
      refused_key = c.refused_key + excluded.refused_key,
      residence_granted_key = c.residence_granted_key + excluded.residence_granted_key,
      residence_refused_key = c.residence_refused_key + excluded.residence_refused_key
  $sql$, changes);

  EXECUTE format($sql$
    INSERT INTO statistics_lead_times AS c (lead, decided_year, category, province, days, dossiers)
    SELECT l.lead, f.decided_year, f.category, f.province, l.days, sum(f.sign)
    FROM (%s) f
    CROSS JOIN LATERAL (VALUES ('regional', f.regional_lead_days), ('federal', f.federal_lead_days),
                               ('admissibility', f.admissibility_lead_days), ('total', f.total_lead_days))
      l (lead, days)
    WHERE f.decided_year IS NOT NULL AND l.days IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(f.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (lead, decided_year, category, province, days) DO UPDATE SET
      dossiers = c.dossiers + excluded.dossiers
  $sql$, changes);

  EXECUTE format($sql$
    INSERT INTO statistics_cohort_lead_times AS c (lead, submitted_year, category, province, days, dossiers)
    SELECT 'handover', f.submitted_year, f.category, f.province, f.handover_days, sum(f.sign)
    FROM (%s) f
    WHERE f.handover_days IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(f.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (lead, submitted_year, category, province, days) DO UPDATE SET
      dossiers = c.dossiers + excluded.dossiers
  $sql$, changes);
  RETURN NULL;
END
$$;

-- Rebuild the rollups: empty them, take the statistics rows out without the delete trigger and put
-- them back through the insert trigger (every column but the generated record key, by name).
TRUNCATE statistics_cohort_counts, statistics_decision_counts, statistics_lead_times, statistics_cohort_lead_times;
DO $$
DECLARE
  columns text;
BEGIN
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
  FROM pg_attribute
  WHERE attrelid = 'dossier_statistics'::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
  EXECUTE format('CREATE TEMPORARY TABLE statistics_rebuild AS SELECT %s FROM dossier_statistics', columns);
  ALTER TABLE dossier_statistics DISABLE TRIGGER statistics_rollups_on_delete;
  DELETE FROM dossier_statistics;
  ALTER TABLE dossier_statistics ENABLE TRIGGER statistics_rollups_on_delete;
  EXECUTE format('INSERT INTO dossier_statistics (%s) SELECT %s FROM statistics_rebuild', columns, columns);
  DROP TABLE statistics_rebuild;
END
$$;
