-- Issue 17, two parts (docs/talent.md, docs/occupations.md, decision 028).
--
-- 1. Vacancies published at VDAB and EURES come in through the vacancy register adapter. An
--    imported vacancy is a talent vacancy like any other (matched, shown with its shortage status
--    and permit route) whose source is the register: the register's own id makes the import
--    idempotent, its version tells an update, its status a withdrawal. Each import is recorded.
ALTER TABLE talent_vacancies
  ADD COLUMN source_reference text CHECK (source_reference ~ '^[A-Za-z0-9-]{1,40}$'),
  ADD COLUMN source_version integer CHECK (source_version >= 1),
  ADD COLUMN source_updated_at timestamptz,
  ADD COLUMN published_until date;
ALTER TABLE talent_vacancies ADD CONSTRAINT talent_vacancies_source_reference_given
  CHECK ((source = 'LOKET') = (source_reference IS NULL));
CREATE UNIQUE INDEX talent_vacancies_source_reference_key ON talent_vacancies (source, source_reference)
  WHERE source_reference IS NOT NULL;

CREATE TABLE talent_vacancy_imports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The staff member who asked for it; null for the scheduled run.
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  outcome      text CHECK (outcome IN ('SUCCEEDED', 'PARTIAL', 'FAILED')),
  -- Per channel: pages read, created, updated, withdrawn, unchanged, skipped, or why it failed.
  channels     jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX talent_vacancy_imports_started_idx ON talent_vacancy_imports (started_at DESC);

-- 2. The occupation pickers search ESCO's labels in PostgreSQL: every name (preferred and
--    alternative labels) per search language, folded as src/occupations/search-text.ts folds text
--    (lower case, accents and ligatures off), with a trigram GIN index per language so a word
--    inside a name (LIKE '%…%') and a misspelt word (word similarity, `<%`) are both found by the
--    index. pg_trgm ships with PostgreSQL (contrib) and is trusted since 13; migration 0014 made it.
--    Filled from data/esco by the owner at every start when the file changed (esco_catalogue_state).
CREATE TABLE esco_occupation_names (
  occupation_id text NOT NULL,
  isco_code     text NOT NULL CHECK (isco_code ~ '^[0-9]{4}$'),
  -- The language searched in; `label` is the occupation's label shown in it (another language's
  -- when ESCO lacks one: `label_lang`).
  lang          text NOT NULL CHECK (lang IN ('nl', 'fr', 'en')),
  kind          text NOT NULL CHECK (kind IN ('LABEL', 'ALT')),
  name          text NOT NULL,
  folded        text NOT NULL,
  label         text NOT NULL,
  label_lang    text NOT NULL CHECK (label_lang IN ('nl', 'fr', 'en'))
);
CREATE INDEX esco_occupation_names_nl_trgm ON esco_occupation_names USING gin (folded gin_trgm_ops) WHERE lang = 'nl';
CREATE INDEX esco_occupation_names_fr_trgm ON esco_occupation_names USING gin (folded gin_trgm_ops) WHERE lang = 'fr';
CREATE INDEX esco_occupation_names_en_trgm ON esco_occupation_names USING gin (folded gin_trgm_ops) WHERE lang = 'en';
CREATE INDEX esco_occupation_names_isco_idx ON esco_occupation_names (lang, isco_code text_pattern_ops) WHERE kind = 'LABEL';

CREATE TABLE esco_catalogue_state (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  -- sha-256 of data/esco/occupations.csv as loaded: a new export is loaded at the next start.
  checksum   text NOT NULL,
  names      integer NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);
