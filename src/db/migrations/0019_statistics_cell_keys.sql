-- Open data protected by the cell-key method (issue 16, decision 016).
--
-- Every statistics row gets a record key: 31 bits drawn from the md5 of the dossier's random id, so
-- the same dossier always has the same key and nobody who does not know the ids can compute it.
-- A published cell's key is the sum of the keys of the records in it (mod 2^31), so the same set
-- of dossiers gets the same noise however it is asked for (src/stats/cell-key.ts). Sums are
-- additive, so the rollups keep them next to each count, as deltas like the counts themselves.

ALTER TABLE dossier_statistics
  ADD COLUMN record_key bigint NOT NULL
  GENERATED ALWAYS AS (('x' || left(md5(dossier_id::text), 8))::bit(32)::bigint & 2147483647) STORED;

ALTER TABLE statistics_cohort_counts
  ADD COLUMN applications_key bigint NOT NULL DEFAULT 0,
  ADD COLUMN admissible_key bigint NOT NULL DEFAULT 0,
  ADD COLUMN withdrawn_key bigint NOT NULL DEFAULT 0;

ALTER TABLE statistics_decision_counts
  ADD COLUMN decided_key bigint NOT NULL DEFAULT 0,
  ADD COLUMN granted_key bigint NOT NULL DEFAULT 0,
  ADD COLUMN refused_key bigint NOT NULL DEFAULT 0;

-- The rollup trigger of 0005, now with the key sums. (The transition tables are only visible in
-- the trigger function itself, hence the whole text again rather than a shared helper.)
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
      (submitted_year, category, province, kind, applications, admissible, withdrawn,
       applications_key, admissible_key, withdrawn_key)
    SELECT f.submitted_year, f.category, f.province, f.kind,
           sum(f.sign), sum(f.sign * f.is_admissible::int), sum(f.sign * f.is_withdrawn::int),
           sum(f.sign * f.record_key), sum(f.sign * f.record_key * f.is_admissible::int),
           sum(f.sign * f.record_key * f.is_withdrawn::int)
    FROM (%s) f
    GROUP BY 1, 2, 3, 4
    HAVING (sum(f.sign), sum(f.sign * f.is_admissible::int), sum(f.sign * f.is_withdrawn::int),
            sum(f.sign * f.record_key), sum(f.sign * f.record_key * f.is_admissible::int),
            sum(f.sign * f.record_key * f.is_withdrawn::int)) <> (0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (submitted_year, category, province, kind) DO UPDATE SET
      applications = c.applications + excluded.applications,
      admissible = c.admissible + excluded.admissible,
      withdrawn = c.withdrawn + excluded.withdrawn,
      applications_key = c.applications_key + excluded.applications_key,
      admissible_key = c.admissible_key + excluded.admissible_key,
      withdrawn_key = c.withdrawn_key + excluded.withdrawn_key
  $sql$, changes);

  EXECUTE format($sql$
    INSERT INTO statistics_decision_counts AS c
      (breakdown, decided_year, category, province, kind, care_profession, value,
       decided, granted, refused, within_deadline, with_deadline, decided_key, granted_key, refused_key)
    SELECT b.breakdown, f.decided_year, f.category, f.province, f.kind,
           CASE WHEN f.is_nurse THEN 'NURSE' WHEN f.is_care_worker THEN 'CARE_WORKER' ELSE 'OTHER' END,
           b.value,
           sum(f.sign),
           sum(f.sign * (f.outcome = 'GRANTED')::int),
           sum(f.sign * (f.outcome = 'REFUSED')::int),
           sum(f.sign * coalesce(f.is_within_deadline::int, 0)),
           sum(f.sign * (f.is_within_deadline IS NOT NULL)::int),
           sum(f.sign * f.record_key),
           sum(f.sign * f.record_key * (f.outcome = 'GRANTED')::int),
           sum(f.sign * f.record_key * (f.outcome = 'REFUSED')::int)
    FROM (%s) f
    CROSS JOIN LATERAL (
      SELECT * FROM (VALUES ('', ''), ('age_band', f.age_band), ('sex', f.sex), ('vks', f.vks),
                            ('nationality', f.nationality)) v (breakdown, value)
      UNION ALL
      SELECT 'reason', r.reason FROM unnest(f.reason_codes) r (reason) WHERE f.outcome = 'REFUSED'
    ) b
    WHERE f.decided_year IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING (sum(f.sign), sum(f.sign * (f.outcome = 'GRANTED')::int), sum(f.sign * (f.outcome = 'REFUSED')::int),
            sum(f.sign * coalesce(f.is_within_deadline::int, 0)),
            sum(f.sign * (f.is_within_deadline IS NOT NULL)::int),
            sum(f.sign * f.record_key)) <> (0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (breakdown, decided_year, category, province, kind, care_profession, value) DO UPDATE SET
      decided = c.decided + excluded.decided,
      granted = c.granted + excluded.granted,
      refused = c.refused + excluded.refused,
      within_deadline = c.within_deadline + excluded.within_deadline,
      with_deadline = c.with_deadline + excluded.with_deadline,
      decided_key = c.decided_key + excluded.decided_key,
      granted_key = c.granted_key + excluded.granted_key,
      refused_key = c.refused_key + excluded.refused_key
  $sql$, changes);

  EXECUTE format($sql$
    INSERT INTO statistics_lead_times AS c (lead, decided_year, category, province, days, dossiers)
    SELECT l.lead, f.decided_year, f.category, f.province, l.days, sum(f.sign)
    FROM (%s) f
    CROSS JOIN LATERAL (VALUES ('regional', f.regional_lead_days), ('federal', f.federal_lead_days)) l (lead, days)
    WHERE f.decided_year IS NOT NULL AND l.days IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(f.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (lead, decided_year, category, province, days) DO UPDATE SET
      dossiers = c.dossiers + excluded.dossiers
  $sql$, changes);
  RETURN NULL;
END
$$;

-- Rebuild the rollups with their key sums: empty them, take the statistics rows out without
-- the delete trigger and put them back through the insert trigger.
TRUNCATE statistics_cohort_counts, statistics_decision_counts, statistics_lead_times;
CREATE TEMPORARY TABLE statistics_rebuild AS SELECT * FROM dossier_statistics;
ALTER TABLE statistics_rebuild DROP COLUMN record_key;
ALTER TABLE dossier_statistics DISABLE TRIGGER statistics_rollups_on_delete;
DELETE FROM dossier_statistics;
ALTER TABLE dossier_statistics ENABLE TRIGGER statistics_rollups_on_delete;
INSERT INTO dossier_statistics SELECT * FROM statistics_rebuild;
DROP TABLE statistics_rebuild;
