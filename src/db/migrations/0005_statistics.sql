-- Policy-monitoring statistics (issue 6): one narrow row per submitted dossier with every dimension
-- the statistics group by, already extracted from the dossier's jsonb.
--
-- Why a fact table kept by triggers, and not queries on `dossiers` or a table of pre-computed sums:
-- * `dossiers` is wide (application, assessment and decision as jsonb, ~1 kB a row): a report that
--   scans a million of them and digs in jsonb takes seconds. This table is ~100 bytes a row, so a
--   report is one sequential scan of a small table (see docs/performance.md).
-- * Sums kept per combination of a dozen dimensions would be nearly as many rows as dossiers, and
--   percentiles (lead times) cannot be summed at all; rows per dossier support any dimension.
-- * The triggers run in the transaction that changes the dossier, so a decision is in the next
--   query (no job, no lag), and a rolled-back change never reaches the figures. They are statement
--   triggers over transition tables, so a bulk insert (the generator) pays one INSERT … SELECT per
--   statement, not one call per row.
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

-- Dossiers submitted before this migration.
UPDATE dossiers SET id = id WHERE submitted_at IS NOT NULL;
