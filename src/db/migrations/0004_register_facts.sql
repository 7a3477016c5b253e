-- Authentic sources: what the registers said about a dossier, with provenance, and the state of
-- fetching them. A register that is down never blocks a submission: the check waits and retries.

CREATE TABLE register_checks (
  dossier_id      uuid PRIMARY KEY REFERENCES dossiers (id),
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'WAITING', 'COMPLETE')),
  requested_at    timestamptz NOT NULL DEFAULT now(),
  completed_at    timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- Sources still missing: [{ source, since, error }].
  waiting         jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Declared vs register, per fact, with mismatch flags (src/dossiers/register-check).
  comparison      jsonb
);
CREATE INDEX register_checks_due_idx ON register_checks (next_attempt_at) WHERE status <> 'COMPLETE';

-- One answer of one register: the latest per dossier, source and subject.
CREATE TABLE register_facts (
  dossier_id  uuid NOT NULL REFERENCES dossiers (id),
  source      text NOT NULL,
  subject     text NOT NULL,
  is_found    boolean NOT NULL,
  value       jsonb,
  fetched_at  timestamptz NOT NULL,
  request_id  text NOT NULL,
  PRIMARY KEY (dossier_id, source, subject)
);
