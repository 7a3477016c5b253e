-- Talent pipelines, first slice (issue 17; docs/talent.md, decision 017): shortage vacancies,
-- candidate pools kept by partner organisations with a consent record, matched in the concentric
-- model. Candidates carry minimal personal data (no name, no national number: the partner's own
-- file reference identifies them to the partner only) and are deleted on request or when their
-- retention date passes; the audit trail keeps that it happened, not who.

-- The partner role (an organisation that screens jobseekers, refugees and asylum seekers).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('EMPLOYER', 'CASE_HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ANALYST', 'ADMIN', 'PARTNER'));

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE talent_partners (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Which partner organisation a PARTNER account acts for: it sees that partner's candidates only.
CREATE TABLE talent_partner_members (
  user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  partner_id uuid NOT NULL REFERENCES talent_partners (id)
);

CREATE TABLE talent_vacancies (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_number     text NOT NULL CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
  -- ESCO occupation (last part of its URI) and its ISCO-08 unit group, copied from data/esco.
  occupation_id         text NOT NULL CHECK (char_length(occupation_id) BETWEEN 1 AND 100),
  isco_code             text NOT NULL CHECK (isco_code ~ '^[0-9]{4}$'),
  isco_minor            text GENERATED ALWAYS AS (left(isco_code, 3)) STORED,
  title                 text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  postal_code           text NOT NULL CHECK (postal_code ~ '^[1-9][0-9]{3}$'),
  required_vks          smallint NOT NULL CHECK (required_vks BETWEEN 1 AND 8),
  -- [{ "lang": "nl", "level": "B1" }]: CEFR levels.
  languages             jsonb NOT NULL DEFAULT '[]'::jsonb,
  start_date            date NOT NULL,
  positions             smallint NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 999),
  gross_annual_salary   numeric(12, 2) CHECK (gross_annual_salary >= 0),
  on_vdab_shortage_list boolean,
  status                text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FILLED', 'WITHDRAWN')),
  source                text NOT NULL DEFAULT 'LOKET' CHECK (source IN ('LOKET', 'VDAB', 'EURES')),
  -- The occupation's labels in nl/fr/en and the title, folded (search-text.ts): trigram search.
  search_text           text NOT NULL,
  idempotency_key       text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX talent_vacancies_idempotency_key ON talent_vacancies (created_by, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX talent_vacancies_open_minor_idx ON talent_vacancies (isco_minor) WHERE status = 'OPEN';
CREATE INDEX talent_vacancies_enterprise_idx ON talent_vacancies (enterprise_number, created_at DESC);
CREATE INDEX talent_vacancies_search_trgm_idx ON talent_vacancies USING gin (search_text gin_trgm_ops);

CREATE TABLE talent_candidates (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id            uuid NOT NULL REFERENCES talent_partners (id),
  -- The partner's own file reference: the only handle on the person, meaningful to the partner alone.
  reference             text NOT NULL CHECK (char_length(reference) BETWEEN 1 AND 40),
  pool                  text NOT NULL CHECK (pool IN ('LOCAL_JOBSEEKER', 'REFUGEE', 'ASYLUM_SEEKER',
                          'PILOT_PARTICIPANT', 'CARE_RECOGNITION')),
  occupation_ids        text[] NOT NULL CHECK (cardinality(occupation_ids) BETWEEN 1 AND 5),
  isco_codes            text[] NOT NULL,
  isco_minors           text[] NOT NULL,
  education_vks         smallint NOT NULL CHECK (education_vks BETWEEN 1 AND 8),
  languages             jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Where the candidate lives now: the concentric circle (Belgium, then the EU, then third countries).
  circle                text NOT NULL CHECK (circle IN ('BELGIUM', 'EU', 'THIRD_COUNTRY')),
  postal_code           text CHECK (postal_code ~ '^[1-9][0-9]{3}$'),
  nationality           text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
  work_access           text NOT NULL CHECK (work_access IN ('FREE', 'ASYLUM_WORK_ALLOWED', 'NOT_YET',
                          'PERMIT_NEEDED')),
  available_from        date NOT NULL,
  recognition_status    text NOT NULL DEFAULT 'NOT_APPLICABLE'
                          CHECK (recognition_status IN ('NOT_APPLICABLE', 'PENDING', 'RECOGNISED', 'REFUSED')),
  naric_reference       text CHECK (char_length(naric_reference) <= 40),
  consent_purpose       text NOT NULL CHECK (consent_purpose IN ('SHORTAGE_MATCHING')),
  consent_given_on      date NOT NULL,
  -- Shown to employers only while this is true (the candidate's own choice, recorded by the partner).
  consent_show_employers boolean NOT NULL DEFAULT false,
  retention_until       date NOT NULL,
  created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT talent_candidates_reference_key UNIQUE (partner_id, reference),
  CONSTRAINT talent_candidates_belgium_has_postal_code CHECK ((circle = 'BELGIUM') = (postal_code IS NOT NULL)),
  CONSTRAINT talent_candidates_retention_after_consent CHECK (retention_until > consent_given_on)
);
CREATE INDEX talent_candidates_minors_idx ON talent_candidates USING gin (isco_minors);
CREATE INDEX talent_candidates_partner_idx ON talent_candidates (partner_id, created_at DESC);
CREATE INDEX talent_candidates_retention_idx ON talent_candidates (retention_until);
