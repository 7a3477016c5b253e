-- Enforcement after the grant (issue 14, docs/enforcement.md): the monitoring job's runs, the
-- employers' risk scores and the explainable signals of each run, and the inspections recorded by
-- inspectors with their referrals. A run is kept whole: the work list reads the latest finished run.
CREATE TABLE risk_monitoring_runs (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trigger      text NOT NULL CHECK (trigger IN ('SCHEDULE', 'ON_DEMAND')),
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  read_on      date NOT NULL,
  status       text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  summary      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX risk_monitoring_runs_finished_idx ON risk_monitoring_runs (finished_at DESC) WHERE status = 'SUCCEEDED';

CREATE TABLE employer_risk_scores (
  run_id            uuid NOT NULL REFERENCES risk_monitoring_runs (id) ON DELETE CASCADE,
  enterprise_number text NOT NULL CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  enterprise_name   text,
  nace_code         text,
  province          text,
  score             double precision NOT NULL CHECK (score >= 0),
  parts             jsonb NOT NULL,
  PRIMARY KEY (run_id, enterprise_number)
);
CREATE INDEX employer_risk_scores_rank_idx ON employer_risk_scores (run_id, score DESC);

CREATE TABLE risk_signals (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id            uuid NOT NULL REFERENCES risk_monitoring_runs (id) ON DELETE CASCADE,
  enterprise_number text NOT NULL,
  dossier_id        uuid REFERENCES dossiers (id),
  kind              text NOT NULL,
  points            double precision NOT NULL,
  facts             jsonb NOT NULL,
  rule              jsonb NOT NULL
);
CREATE INDEX risk_signals_employer_idx ON risk_signals (run_id, enterprise_number);

CREATE TABLE inspections (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_number   text NOT NULL CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  inspector_id        uuid REFERENCES users (id) ON DELETE SET NULL,
  origin              text NOT NULL CHECK (origin IN ('SIGNAL', 'REPORT', 'OTHER')),
  inspected_on        date NOT NULL,
  findings            jsonb NOT NULL DEFAULT '[]'::jsonb,
  fine_proposed_cents integer CHECK (fine_proposed_cents >= 0),
  outcome             text NOT NULL CHECK (outcome IN ('NO_INFRINGEMENT', 'WARNING', 'FINE_PROPOSED', 'WITHDRAWAL_PROPOSED')),
  idempotency_key     text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT inspections_idempotency_key UNIQUE (inspector_id, idempotency_key)
);
CREATE INDEX inspections_employer_idx ON inspections (enterprise_number, inspected_on DESC);

CREATE TABLE inspection_referrals (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id),
  addressee     text NOT NULL CHECK (addressee IN ('HOUSING_INSPECTION', 'VICTIM_SUPPORT')),
  referred_on   date NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_referrals_inspection_idx ON inspection_referrals (inspection_id);
