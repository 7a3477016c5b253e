-- E-mail to employers and workers when their action is needed or a decision is taken (issue 11).
-- Mails are written in the same transaction as the dossier change that causes them and sent
-- afterwards from this outbox, so a slow or absent mail server never blocks or loses a change.

-- Where an employer account is told; optional (an account without an address is not mailed).
ALTER TABLE users ADD COLUMN email text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$');

-- Where a worker who asked to be told of decisions is told (they give it themselves, with their
-- access code); erased with the dossier's other personal data.
ALTER TABLE dossiers ADD COLUMN worker_email text CHECK (worker_email IS NULL OR worker_email ~ '^[^@\s]+@[^@\s]+$');

CREATE TABLE mail_outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id      uuid REFERENCES dossiers (id),
  -- What happened, for the mail's text and for de-duplication: one mail per kind, dossier version
  -- and recipient, so a retried transaction never queues the same mail twice.
  kind            text NOT NULL CHECK (kind IN ('RECEIVED', 'ACTION_NEEDED', 'DECISION')),
  dossier_version integer,
  -- The dossier status the mail reports (its text is composed when sent, with the service's address).
  reported_status text NOT NULL,
  dossier_number  text NOT NULL,
  audience        text NOT NULL CHECK (audience IN ('EMPLOYER', 'WORKER')),
  recipient       text NOT NULL,
  lang            text NOT NULL CHECK (lang IN ('nl', 'fr', 'en')),
  -- What was sent, kept as sent.
  subject         text,
  body_text       text,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  message_id      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  CONSTRAINT mail_outbox_once UNIQUE (dossier_id, dossier_version, kind, recipient)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_dossier_idx ON mail_outbox (dossier_id);
