-- Rollups for the last five reports of issue 16 that scanned the fact table (decision 022, option 1
-- extended; decision 023): q3Refusals, q1HighlyQualified, q4Combined, appeals and revocations were
-- 4–14× DuckDB on a million dossiers (bench:stats, performance.md), the target being 3×.
--
-- * statistics_cohort_counts counts the dossiers declared inadmissible (q3Refusals), with its key
--   sum for the cell-key method (migration 0019).
-- * statistics_decision_counts counts, among grants, those later withdrawn by the service
--   (revocations: status REVOKED), those whose VKS level is known and those of VKS 5–8
--   (q1HighlyQualified), each with its key sum; in every breakdown row, like the other counts.
-- * statistics_appeal_counts (new): the last appeal decided per dossier, by the year of that
--   decision (the third year of the statistics, `appeal_year`, migration 0025): appeals decided and
--   refusals overturned, with their key sums (appeals).
-- * statistics_profile_counts (new): decided, granted and refused by year of decision × category ×
--   province × athlete role × age band × sex together, the combined breakdown of q4Combined that
--   one breakdown at a time cannot hold. Only the report's own keys and filters (category,
--   province, year; the athlete role for 003 q2's categories), so it stays some ten thousand rows.
-- The trigger of 0033 is replaced with the new columns and tables; its HAVING now names every sum
-- it adds (the key sums included), so a statement whose changes cancel out in the counts but not in
-- a key sum (one dossier granted, another refused, in the same cell) still updates the row. The
-- rollups are rebuilt from the statistics rows as in 0033. Every figure stays the same: the recount
-- tests and the rollup-versus-scan tests compare both paths.

ALTER TABLE statistics_cohort_counts
  ADD COLUMN inadmissible integer NOT NULL DEFAULT 0,
  ADD COLUMN inadmissible_key bigint NOT NULL DEFAULT 0;

ALTER TABLE statistics_decision_counts
  ADD COLUMN revoked integer NOT NULL DEFAULT 0,
  ADD COLUMN qualification_known_granted integer NOT NULL DEFAULT 0,
  ADD COLUMN highly_qualified_granted integer NOT NULL DEFAULT 0,
  ADD COLUMN revoked_key bigint NOT NULL DEFAULT 0,
  ADD COLUMN qualification_known_granted_key bigint NOT NULL DEFAULT 0,
  ADD COLUMN highly_qualified_granted_key bigint NOT NULL DEFAULT 0;

-- Counts by year of the last appeal decided. `appeals_decided` = 0: the row is empty.
CREATE TABLE statistics_appeal_counts (
  appeal_year            smallint NOT NULL,
  category               text NOT NULL,
  province               text NOT NULL,
  kind                   text NOT NULL,
  care_profession        text NOT NULL,
  athlete_role           text NOT NULL,
  appeals_decided        integer NOT NULL,
  appeals_overturned     integer NOT NULL,
  appeals_decided_key    bigint NOT NULL,
  appeals_overturned_key bigint NOT NULL,
  PRIMARY KEY (appeal_year, category, province, kind, care_profession, athlete_role)
);

-- Counts by year of decision with age band and sex together. `decided` = 0: the row is empty.
CREATE TABLE statistics_profile_counts (
  decided_year smallint NOT NULL,
  category     text NOT NULL,
  province     text NOT NULL,
  athlete_role text NOT NULL,
  age_band     text NOT NULL,
  sex          text NOT NULL,
  decided      integer NOT NULL,
  granted      integer NOT NULL,
  refused      integer NOT NULL,
  decided_key  bigint NOT NULL,
  granted_key  bigint NOT NULL,
  refused_key  bigint NOT NULL,
  PRIMARY KEY (decided_year, category, province, athlete_role, age_band, sex)
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
  -- Each statement sums the signed changes per key in a CTE, keeps the keys where any sum moved
  -- and upserts them in key order (two folds never deadlock; one fold runs at a time anyway).
  EXECUTE format($sql$
    WITH d AS (
      SELECT f.submitted_year, f.category, f.province, f.kind, coalesce(f.athlete_role, '') AS athlete_role,
             sum(f.sign) AS applications,
             sum(f.sign * f.is_admissible::int) AS admissible,
             sum(f.sign * f.is_withdrawn::int) AS withdrawn,
             sum(f.sign * (f.handover_days IS NOT NULL)::int) AS handed_over,
             sum(f.sign * ((f.status = 'INADMISSIBLE') IS TRUE)::int) AS inadmissible,
             sum(f.sign * f.record_key) AS applications_key,
             sum(f.sign * f.record_key * f.is_admissible::int) AS admissible_key,
             sum(f.sign * f.record_key * f.is_withdrawn::int) AS withdrawn_key,
             sum(f.sign * f.record_key * (f.handover_days IS NOT NULL)::int) AS handed_over_key,
             sum(f.sign * f.record_key * ((f.status = 'INADMISSIBLE') IS TRUE)::int) AS inadmissible_key
      FROM (%s) f
      GROUP BY 1, 2, 3, 4, 5
    )
    INSERT INTO statistics_cohort_counts AS c
      (submitted_year, category, province, kind, athlete_role, applications, admissible, withdrawn,
       handed_over, inadmissible, applications_key, admissible_key, withdrawn_key, handed_over_key,
       inadmissible_key)
    SELECT d.* FROM d
    WHERE (applications, admissible, withdrawn, handed_over, inadmissible, applications_key,
           admissible_key, withdrawn_key, handed_over_key, inadmissible_key)
          <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (submitted_year, category, province, kind, athlete_role) DO UPDATE SET
      applications = c.applications + excluded.applications,
      admissible = c.admissible + excluded.admissible,
      withdrawn = c.withdrawn + excluded.withdrawn,
      handed_over = c.handed_over + excluded.handed_over,
      inadmissible = c.inadmissible + excluded.inadmissible,
      applications_key = c.applications_key + excluded.applications_key,
      admissible_key = c.admissible_key + excluded.admissible_key,
      withdrawn_key = c.withdrawn_key + excluded.withdrawn_key,
      handed_over_key = c.handed_over_key + excluded.handed_over_key,
      inadmissible_key = c.inadmissible_key + excluded.inadmissible_key
  $sql$, changes);

  EXECUTE format($sql$
    WITH d AS (
      SELECT b.breakdown, f.decided_year, f.category, f.province, f.kind,
             CASE WHEN f.is_nurse THEN 'NURSE' WHEN f.is_care_worker THEN 'CARE_WORKER' ELSE 'OTHER' END
               AS care_profession,
             b.value,
             coalesce(f.athlete_role, '') AS athlete_role,
             sum(f.sign) AS decided,
             sum(f.sign * (f.outcome = 'GRANTED')::int) AS granted,
             sum(f.sign * (f.outcome = 'REFUSED')::int) AS refused,
             sum(f.sign * coalesce(f.is_within_deadline::int, 0)) AS within_deadline,
             sum(f.sign * (f.is_within_deadline IS NOT NULL)::int) AS with_deadline,
             sum(f.sign * f.g_residence_granted) AS residence_granted,
             sum(f.sign * f.g_residence_refused) AS residence_refused,
             sum(f.sign * f.g_revoked) AS revoked,
             sum(f.sign * f.g_known) AS qualification_known_granted,
             sum(f.sign * f.g_highly) AS highly_qualified_granted,
             sum(f.sign * f.record_key) AS decided_key,
             sum(f.sign * f.record_key * (f.outcome = 'GRANTED')::int) AS granted_key,
             sum(f.sign * f.record_key * (f.outcome = 'REFUSED')::int) AS refused_key,
             sum(f.sign * f.record_key * f.g_residence_granted) AS residence_granted_key,
             sum(f.sign * f.record_key * f.g_residence_refused) AS residence_refused_key,
             sum(f.sign * f.record_key * f.g_revoked) AS revoked_key,
             sum(f.sign * f.record_key * f.g_known) AS qualification_known_granted_key,
             sum(f.sign * f.record_key * f.g_highly) AS highly_qualified_granted_key
      FROM (SELECT x.*,
                   ((x.outcome = 'GRANTED' AND x.federal_outcome = 'GRANTED') IS TRUE)::int AS g_residence_granted,
                   ((x.outcome = 'GRANTED' AND x.federal_outcome = 'REFUSED') IS TRUE)::int AS g_residence_refused,
                   ((x.outcome = 'GRANTED' AND x.status = 'REVOKED') IS TRUE)::int AS g_revoked,
                   ((x.outcome = 'GRANTED' AND x.vks <> 'UNKNOWN') IS TRUE)::int AS g_known,
                   ((x.outcome = 'GRANTED' AND x.vks IN ('5', '6', '7', '8')) IS TRUE)::int AS g_highly
            FROM (%s) x) f
      CROSS JOIN LATERAL (
        SELECT * FROM (VALUES ('', ''), ('age_band', f.age_band), ('sex', f.sex), ('vks', f.vks),
                              ('nationality', f.nationality)) v (breakdown, value)
        UNION ALL
        SELECT 'reason', r.reason FROM unnest(f.reason_codes) r (reason) WHERE f.outcome = 'REFUSED'
      ) b
      WHERE f.decided_year IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    )
    INSERT INTO statistics_decision_counts AS c
      (breakdown, decided_year, category, province, kind, care_profession, value, athlete_role,
       decided, granted, refused, within_deadline, with_deadline, residence_granted, residence_refused,
       revoked, qualification_known_granted, highly_qualified_granted,
       decided_key, granted_key, refused_key, residence_granted_key, residence_refused_key,
       revoked_key, qualification_known_granted_key, highly_qualified_granted_key)
    SELECT d.* FROM d
    WHERE (decided, granted, refused, within_deadline, with_deadline, residence_granted,
           residence_refused, revoked, qualification_known_granted, highly_qualified_granted,
           decided_key, granted_key, refused_key, residence_granted_key, residence_refused_key,
           revoked_key, qualification_known_granted_key, highly_qualified_granted_key)
          <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
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
      revoked = c.revoked + excluded.revoked,
      qualification_known_granted = c.qualification_known_granted + excluded.qualification_known_granted,
      highly_qualified_granted = c.highly_qualified_granted + excluded.highly_qualified_granted,
      decided_key = c.decided_key + excluded.decided_key,
      granted_key = c.granted_key + excluded.granted_key,
      refused_key = c.refused_key + excluded.refused_key,
      residence_granted_key = c.residence_granted_key + excluded.residence_granted_key,
      residence_refused_key = c.residence_refused_key + excluded.residence_refused_key,
      revoked_key = c.revoked_key + excluded.revoked_key,
      qualification_known_granted_key = c.qualification_known_granted_key + excluded.qualification_known_granted_key,
      highly_qualified_granted_key = c.highly_qualified_granted_key + excluded.highly_qualified_granted_key
  $sql$, changes);

  EXECUTE format($sql$
    WITH d AS (
      SELECT f.appeal_year, f.category, f.province, f.kind,
             CASE WHEN f.is_nurse THEN 'NURSE' WHEN f.is_care_worker THEN 'CARE_WORKER' ELSE 'OTHER' END
               AS care_profession,
             coalesce(f.athlete_role, '') AS athlete_role,
             sum(f.sign) AS appeals_decided,
             sum(f.sign * ((f.appeal_outcome = 'OVERTURNED') IS TRUE)::int) AS appeals_overturned,
             sum(f.sign * f.record_key) AS appeals_decided_key,
             sum(f.sign * f.record_key * ((f.appeal_outcome = 'OVERTURNED') IS TRUE)::int) AS appeals_overturned_key
      FROM (%s) f
      WHERE f.appeal_year IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6
    )
    INSERT INTO statistics_appeal_counts AS c
      (appeal_year, category, province, kind, care_profession, athlete_role,
       appeals_decided, appeals_overturned, appeals_decided_key, appeals_overturned_key)
    SELECT d.* FROM d
    WHERE (appeals_decided, appeals_overturned, appeals_decided_key, appeals_overturned_key) <> (0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (appeal_year, category, province, kind, care_profession, athlete_role) DO UPDATE SET
      appeals_decided = c.appeals_decided + excluded.appeals_decided,
      appeals_overturned = c.appeals_overturned + excluded.appeals_overturned,
      appeals_decided_key = c.appeals_decided_key + excluded.appeals_decided_key,
      appeals_overturned_key = c.appeals_overturned_key + excluded.appeals_overturned_key
  $sql$, changes);

  EXECUTE format($sql$
    WITH d AS (
      SELECT f.decided_year, f.category, f.province, coalesce(f.athlete_role, '') AS athlete_role,
             f.age_band, f.sex,
             sum(f.sign) AS decided,
             sum(f.sign * (f.outcome = 'GRANTED')::int) AS granted,
             sum(f.sign * (f.outcome = 'REFUSED')::int) AS refused,
             sum(f.sign * f.record_key) AS decided_key,
             sum(f.sign * f.record_key * (f.outcome = 'GRANTED')::int) AS granted_key,
             sum(f.sign * f.record_key * (f.outcome = 'REFUSED')::int) AS refused_key
      FROM (%s) f
      WHERE f.decided_year IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6
    )
    INSERT INTO statistics_profile_counts AS c
      (decided_year, category, province, athlete_role, age_band, sex,
       decided, granted, refused, decided_key, granted_key, refused_key)
    SELECT d.* FROM d
    WHERE (decided, granted, refused, decided_key, granted_key, refused_key) <> (0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (decided_year, category, province, athlete_role, age_band, sex) DO UPDATE SET
      decided = c.decided + excluded.decided,
      granted = c.granted + excluded.granted,
      refused = c.refused + excluded.refused,
      decided_key = c.decided_key + excluded.decided_key,
      granted_key = c.granted_key + excluded.granted_key,
      refused_key = c.refused_key + excluded.refused_key
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
TRUNCATE statistics_cohort_counts, statistics_decision_counts, statistics_lead_times,
  statistics_cohort_lead_times, statistics_appeal_counts, statistics_profile_counts;
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
