-- Case handling: dossiers, their action log, documents, requests for information, fees, letters,
-- the worker's read access and the outbox towards the federal immigration office.

-- Enterprises an employer account may act for besides its own: a mandated agent (sociaal
-- secretariaat, lawyer) files for several enterprises.
CREATE TABLE employer_mandates (
  user_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  enterprise_number text NOT NULL CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  enterprise_name   text,
  granted_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, enterprise_number)
);

CREATE SEQUENCE dossier_number_seq;
-- Structured payment references are numbered apart from dossiers: a reference is never reused.
CREATE SEQUENCE fee_reference_seq START 100000;

-- One application for one worker. `status`, `due_date` and `paused_since` are projections of the
-- action log (dossier_actions), written in the same transaction as the action that changes them;
-- `version` is the optimistic-lock counter every change must quote.
CREATE TABLE dossiers (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number              text UNIQUE,
  enterprise_number   text NOT NULL CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  category            text NOT NULL,
  kind                text NOT NULL DEFAULT 'FIRST' CHECK (kind IN ('FIRST', 'RENEWAL')),
  lang                text NOT NULL DEFAULT 'nl' CHECK (lang IN ('nl', 'fr', 'en')),
  status              text NOT NULL DEFAULT 'DRAFT',
  version             integer NOT NULL DEFAULT 1,
  application         jsonb NOT NULL DEFAULT '{}'::jsonb,
  worker_identity     jsonb NOT NULL DEFAULT '{}'::jsonb,
  assessment          jsonb,
  previous_dossier_id uuid REFERENCES dossiers (id),
  created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
  idempotency_key     text,
  assigned_to         uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_at        timestamptz,
  admissible_on       date,
  deadline_days       integer,
  due_date            date,
  paused_since        date,
  decided_on          date,
  fee_amount_cents    integer,
  fee_reference       text UNIQUE,
  fee_paid_on         date,
  decision            jsonb,
  pending_refusal     jsonb,
  federal_status      text NOT NULL DEFAULT 'NOT_SENT'
                      CHECK (federal_status IN ('NOT_SENT', 'SENT', 'GRANTED', 'REFUSED')),
  federal_receipt_id  text,
  federal_decided_on  date,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dossiers_idempotency_key UNIQUE (created_by, idempotency_key)
);
CREATE INDEX dossiers_enterprise_idx ON dossiers (enterprise_number, created_at DESC);
CREATE INDEX dossiers_open_queue_idx ON dossiers (due_date)
  WHERE status IN ('SUBMITTED', 'ADMISSIBLE', 'IN_REVIEW', 'INFORMATION_REQUESTED', 'APPEALED');
CREATE INDEX dossiers_assigned_idx ON dossiers (assigned_to, status);

-- The append-only history every status is derived from.
CREATE TABLE dossier_actions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id    uuid NOT NULL REFERENCES dossiers (id),
  action        text NOT NULL,
  actor         text NOT NULL,
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  effective_on  date NOT NULL,
  occurred_at   timestamptz NOT NULL DEFAULT now(),
  details       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dossier_actions_dossier_idx ON dossier_actions (dossier_id, id);
CREATE TRIGGER dossier_actions_append_only BEFORE UPDATE OR DELETE ON dossier_actions
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();

-- Uploaded documents: metadata here, bytes behind the storage interface (this database's
-- document_contents, or a disk folder); the checksum proves the bytes were not altered.
CREATE TABLE dossier_documents (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossiers (id),
  document_type text NOT NULL,
  file_name     text NOT NULL,
  media_type    text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL,
  storage       text NOT NULL CHECK (storage IN ('database', 'disk')),
  storage_key   text NOT NULL,
  uploaded_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  removed_at    timestamptz
);
CREATE INDEX dossier_documents_dossier_idx ON dossier_documents (dossier_id);

CREATE TABLE document_contents (
  storage_key text PRIMARY KEY,
  content     bytea NOT NULL
);

CREATE TABLE information_requests (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id   uuid NOT NULL REFERENCES dossiers (id),
  question     text NOT NULL,
  requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  requested_on date NOT NULL,
  answer       text,
  answered_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  answered_on  date
);
CREATE INDEX information_requests_dossier_idx ON information_requests (dossier_id, requested_on);

-- Generated decision letters, kept as issued: a letter is evidence and never regenerated in place.
CREATE TABLE dossier_letters (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  kind       text NOT NULL CHECK (kind IN ('DECISION', 'APPEAL_DECISION')),
  lang       text NOT NULL CHECK (lang IN ('nl', 'fr', 'en')),
  pdf        bytea NOT NULL,
  sha256     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_letters_dossier_idx ON dossier_letters (dossier_id, created_at DESC);

-- The worker's read access: a one-time code (hash only) exchanged for a token (hash only).
CREATE TABLE worker_access (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id       uuid NOT NULL REFERENCES dossiers (id),
  code_hash        text NOT NULL UNIQUE,
  code_expires_at  timestamptz NOT NULL,
  redeemed_at      timestamptz,
  token_hash       text UNIQUE,
  token_expires_at timestamptz,
  created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Every imported bank transaction, matched or not, so an import can be explained afterwards.
CREATE TABLE fee_payments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id        uuid REFERENCES dossiers (id),
  booked_on         date NOT NULL,
  amount_cents      integer NOT NULL,
  reference         text,
  outcome           text NOT NULL CHECK (outcome IN ('MATCHED', 'NO_REFERENCE', 'UNKNOWN_REFERENCE', 'AMOUNT_TOO_LOW', 'DUPLICATE', 'MANUAL')),
  imported_by       uuid REFERENCES users (id) ON DELETE SET NULL,
  imported_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fee_payments_dossier_idx ON fee_payments (dossier_id);

-- Transactional outbox towards the federal immigration office: written with the admissibility
-- decision, sent by a job, so a federal outage never loses or blocks a dossier.
CREATE TABLE federal_outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id      uuid NOT NULL REFERENCES dossiers (id),
  idempotency_key text NOT NULL UNIQUE,
  payload         jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  receipt_id      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX federal_outbox_pending_idx ON federal_outbox (created_at) WHERE status = 'PENDING';

-- What the service tells its staff (the nightly sweep's overdue dossiers, refusals to co-sign).
CREATE TABLE staff_notifications (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient_role text NOT NULL CHECK (recipient_role IN ('CASE_HANDLER', 'SUPERVISOR')),
  kind           text NOT NULL CHECK (kind IN ('DOSSIER_OVERDUE', 'REFUSAL_TO_CO_SIGN')),
  dossier_id     uuid NOT NULL REFERENCES dossiers (id),
  created_on     date NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  read_at        timestamptz,
  CONSTRAINT staff_notifications_once UNIQUE (kind, dossier_id, created_on)
);
CREATE INDEX staff_notifications_unread_idx ON staff_notifications (recipient_role, created_at DESC)
  WHERE read_at IS NULL;
