-- Policy-monitoring statistics (issue 6): one narrow row per submitted dossier with every dimension
-- the statistics group by, already extracted from the dossier's jsonb, and small rollups of it at
-- the grain the ready-made reports need.
--
-- Why a fact table kept by triggers, and not queries on `dossiers`:
-- * `dossiers` is wide (application, assessment and decision as jsonb, ~1 kB a row): a report that
--   scans a million of them and digs in jsonb takes seconds. This table is ~100 bytes a row and
--   answers any combination of dimensions (pivots, the aggregate API) in one scan.
-- * The triggers run in the transaction that changes the dossier, so a decision is in the next
--   query (no job, no lag), and a rolled-back change never reaches the figures. They are statement
--   triggers over transition tables, so a bulk insert (the generator) pays one INSERT … SELECT per
--   statement, not one call per row.
-- Why rollups besides (statistics_cohort_counts, statistics_decision_counts, statistics_lead_times):
-- * A scan of a million fact rows still takes 0.3–2 s on a loaded machine; the reports need well
--   under 1 s. The rollups hold counts per (year, category, province, kind[, care profession]) and
--   per one breakdown value (age band, sex, VKS, nationality, refusal ground): ~140,000 rows with a
--   million dossiers, growing with the dimensions' values rather than with the dossiers. Sums over
--   a dozen dimensions at once would be nearly as many rows as dossiers: a request the rollups
--   cannot answer reads the fact table instead (src/stats/rollups.ts decides).
-- * Medians cannot be summed, but a histogram of lead-time days can: percentile_cont over the
--   histogram is exact (src/stats/rollups.ts), so q6 needs no scan of the facts either.
-- * They are kept by statement triggers on `dossier_statistics`, in the same transaction again, as
--   deltas (+1 for a new row version, −1 for an old one). Trade-off: two transactions changing
--   dossiers of the same cell (say two grants of 2025, HIGHLY_SKILLED, Antwerp) wait for each other
--   on the rollup row until the first commits. Rows are upserted in key order, so one statement
--   never deadlocks with another single-statement change; changes that leave a rollup row as it
--   was do not touch it (an edit of an undecided dossier locks nothing in the decision rollups).
-- Years: applications, admissibility and withdrawals count in the year of submission; grants and
-- refusals in the year of the regional decision (docs/statistics.md).

CREATE TABLE dossier_statistics (
  dossier_id              uuid PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
  submitted_on            date NOT NULL,
  submitted_year          smallint NOT NULL,
  decided_on              date,
  decided_year            smallint,
  category                text NOT NULL,
  kind                    text NOT NULL,
  region                  text NOT NULL,
  province                text NOT NULL,
  nationality             text NOT NULL,
  sex                     text NOT NULL,
  age_band                text NOT NULL,
  vks                     text NOT NULL,
  isco_major_group        text NOT NULL,
  migration_list_function text NOT NULL,
  status                  text NOT NULL,
  is_admissible           boolean NOT NULL,
  is_withdrawn            boolean NOT NULL,
  -- GRANTED or REFUSED once the regional (work) decision is taken; kept after an appeal.
  outcome                 text,
  -- Refusal grounds; a refusal motivated by free text only counts as OTHER.
  reason_codes            text[] NOT NULL DEFAULT '{}',
  is_nurse                boolean NOT NULL,
  is_care_worker          boolean NOT NULL,
  -- Days from admissibility to the regional decision, and from it to the federal (residence) one.
  regional_lead_days      integer,
  federal_lead_days       integer,
  is_within_deadline      boolean
);
CREATE INDEX dossier_statistics_submitted_idx ON dossier_statistics (submitted_year, category);
CREATE INDEX dossier_statistics_decided_idx ON dossier_statistics (decided_year, category)
  WHERE decided_year IS NOT NULL;

-- Age bands of parliamentary question 003 (q4), on the day of submission.
CREATE FUNCTION statistics_age_band(birth date, on_day date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN birth IS NULL THEN 'UNKNOWN'
    WHEN date_part('year', age(on_day, birth)) < 25 THEN 'UNDER_25'
    WHEN date_part('year', age(on_day, birth)) < 30 THEN 'FROM_25_TO_29'
    WHEN date_part('year', age(on_day, birth)) < 40 THEN 'FROM_30_TO_39'
    WHEN date_part('year', age(on_day, birth)) < 50 THEN 'FROM_40_TO_49'
    ELSE 'FROM_50'
  END
$$;

-- jsonb text that is a valid ISO date, else NULL (a draft may hold anything the schema allowed).
CREATE FUNCTION statistics_date(value text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~ '^\d{4}-\d{2}-\d{2}$' THEN value::date END
$$;

CREATE FUNCTION refresh_dossier_statistics() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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
  FROM new_rows d
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
  RETURN NULL;
END
$$;

-- A trigger with transition tables serves one event only, hence two.
CREATE TRIGGER dossier_statistics_on_insert AFTER INSERT ON dossiers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_dossier_statistics();
CREATE TRIGGER dossier_statistics_on_update AFTER UPDATE ON dossiers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_dossier_statistics();

-- Counts by year of submission (cohort measures). A row exists once a dossier counted in it.
CREATE TABLE statistics_cohort_counts (
  submitted_year smallint NOT NULL,
  category       text NOT NULL,
  province       text NOT NULL,
  kind           text NOT NULL,
  applications   integer NOT NULL,
  admissible     integer NOT NULL,
  withdrawn      integer NOT NULL,
  PRIMARY KEY (submitted_year, category, province, kind)
);

-- Counts by year of the regional decision. Each decided dossier counts once with breakdown '' and
-- once per breakdown (age_band, sex, vks, nationality, value = its value); a refusal counts once
-- more per ground under breakdown 'reason' (as q3 counts grounds). `decided` = 0 means the row is
-- empty (its dossiers changed): queries skip such rows.
CREATE TABLE statistics_decision_counts (
  breakdown       text NOT NULL,
  decided_year    smallint NOT NULL,
  category        text NOT NULL,
  province        text NOT NULL,
  kind            text NOT NULL,
  -- NURSE, CARE_WORKER or OTHER, as the careProfession dimension (src/stats/dimensions.ts).
  care_profession text NOT NULL,
  value           text NOT NULL,
  decided         integer NOT NULL,
  granted         integer NOT NULL,
  refused         integer NOT NULL,
  within_deadline integer NOT NULL,
  with_deadline   integer NOT NULL,
  PRIMARY KEY (breakdown, decided_year, category, province, kind, care_profession, value)
);

-- Histograms of lead times (lead = regional or federal) in days, by year of the regional decision.
CREATE TABLE statistics_lead_times (
  lead         text NOT NULL,
  decided_year smallint NOT NULL,
  category     text NOT NULL,
  province     text NOT NULL,
  days         integer NOT NULL,
  dossiers     integer NOT NULL,
  PRIMARY KEY (lead, decided_year, category, province, days)
);

-- Applies the change of one statement on dossier_statistics to the rollups. The transition tables
-- differ per event, hence the change as SQL text run through EXECUTE (which sees them).
CREATE FUNCTION refresh_statistics_rollups() RETURNS trigger
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
      (submitted_year, category, province, kind, applications, admissible, withdrawn)
    SELECT f.submitted_year, f.category, f.province, f.kind,
           sum(f.sign), sum(f.sign * f.is_admissible::int), sum(f.sign * f.is_withdrawn::int)
    FROM (%s) f
    GROUP BY 1, 2, 3, 4
    HAVING (sum(f.sign), sum(f.sign * f.is_admissible::int), sum(f.sign * f.is_withdrawn::int)) <> (0, 0, 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (submitted_year, category, province, kind) DO UPDATE SET
      applications = c.applications + excluded.applications,
      admissible = c.admissible + excluded.admissible,
      withdrawn = c.withdrawn + excluded.withdrawn
  $sql$, changes);

  EXECUTE format($sql$
    INSERT INTO statistics_decision_counts AS c
      (breakdown, decided_year, category, province, kind, care_profession, value,
       decided, granted, refused, within_deadline, with_deadline)
    SELECT b.breakdown, f.decided_year, f.category, f.province, f.kind,
           CASE WHEN f.is_nurse THEN 'NURSE' WHEN f.is_care_worker THEN 'CARE_WORKER' ELSE 'OTHER' END,
           b.value,
           sum(f.sign),
           sum(f.sign * (f.outcome = 'GRANTED')::int),
           sum(f.sign * (f.outcome = 'REFUSED')::int),
           sum(f.sign * coalesce(f.is_within_deadline::int, 0)),
           sum(f.sign * (f.is_within_deadline IS NOT NULL)::int)
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
            sum(f.sign * (f.is_within_deadline IS NOT NULL)::int)) <> (0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (breakdown, decided_year, category, province, kind, care_profession, value) DO UPDATE SET
      decided = c.decided + excluded.decided,
      granted = c.granted + excluded.granted,
      refused = c.refused + excluded.refused,
      within_deadline = c.within_deadline + excluded.within_deadline,
      with_deadline = c.with_deadline + excluded.with_deadline
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

-- An INSERT … ON CONFLICT DO UPDATE fires both statement triggers, each with its own rows.
CREATE TRIGGER statistics_rollups_on_insert AFTER INSERT ON dossier_statistics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_statistics_rollups();
CREATE TRIGGER statistics_rollups_on_update AFTER UPDATE ON dossier_statistics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION refresh_statistics_rollups();
CREATE TRIGGER statistics_rollups_on_delete AFTER DELETE ON dossier_statistics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_statistics_rollups();

-- Dossiers submitted before this migration.
UPDATE dossiers SET id = id WHERE submitted_at IS NOT NULL;
