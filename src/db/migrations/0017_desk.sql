-- The public desk (issue 14, policy note 002 §2.8): abuse reports filed without an account, the
-- inspectors' triage of them, the questions and answers through the reporter's follow-up code, and
-- the local proof-of-work challenges that slow down automated filing (docs/desk.md, decision 014).
-- Privacy by design: no address, user agent or exact time is kept with a report; only the day it
-- arrived (a timestamp could be matched with a proxy's access log), and its contact details only
-- when the reporter chose to give them.
CREATE TABLE desk_reports (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Orders the queue without a timestamp.
  seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  reference         text NOT NULL UNIQUE CHECK (reference ~ '^M-[A-Z2-9]{8}$'),
  follow_up_hash    text NOT NULL UNIQUE,
  lang              text NOT NULL CHECK (lang IN ('nl', 'fr', 'en', 'tr')),
  received_on       date NOT NULL,
  reporter_role     text NOT NULL CHECK (reporter_role IN ('WORKER', 'COLLEAGUE', 'EMPLOYER', 'OTHER')),
  contact           text CHECK (char_length(contact) <= 300),
  employer_name     text CHECK (char_length(employer_name) <= 200),
  enterprise_number text CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  place             text CHECK (char_length(place) <= 200),
  categories        text[] NOT NULL CHECK (cardinality(categories) BETWEEN 1 AND 8),
  description       text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
  status            text NOT NULL DEFAULT 'RECEIVED'
                    CHECK (status IN ('RECEIVED', 'ADMISSIBLE', 'NOT_ADMISSIBLE', 'FORWARDED')),
  triage_reason     text CHECK (char_length(triage_reason) <= 2000),
  forwarded_to      text CHECK (char_length(forwarded_to) <= 200),
  triaged_by        uuid REFERENCES users (id) ON DELETE SET NULL,
  triaged_on        date,
  CONSTRAINT desk_reports_forwarded CHECK ((status = 'FORWARDED') = (forwarded_to IS NOT NULL))
);
CREATE INDEX desk_reports_status_idx ON desk_reports (status, seq);
CREATE INDEX desk_reports_enterprise_idx ON desk_reports (enterprise_number) WHERE enterprise_number IS NOT NULL;

-- Photos and documents a reporter adds; bytes in the document storage (document_contents or disk).
-- The reporter's file name is not kept (it can name them); images are kept without their metadata.
CREATE TABLE desk_report_attachments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id   uuid NOT NULL REFERENCES desk_reports (id),
  -- The order they came in, without a timestamp.
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  media_type  text NOT NULL,
  size_bytes  integer NOT NULL CHECK (size_bytes > 0),
  sha256      text NOT NULL,
  storage     text NOT NULL CHECK (storage IN ('database', 'disk')),
  storage_key text NOT NULL UNIQUE,
  added_on    date NOT NULL
);
CREATE INDEX desk_report_attachments_report_idx ON desk_report_attachments (report_id);

-- The inspector's questions and the reporter's answers, in order. Append-only.
CREATE TABLE desk_report_messages (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id      uuid NOT NULL REFERENCES desk_reports (id),
  author         text NOT NULL CHECK (author IN ('INSPECTOR', 'REPORTER')),
  author_user_id uuid REFERENCES users (id),
  body           text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 3000),
  written_on     date NOT NULL,
  CONSTRAINT desk_report_messages_author CHECK (author = 'INSPECTOR' OR author_user_id IS NULL)
);
CREATE INDEX desk_report_messages_report_idx ON desk_report_messages (report_id, id);
CREATE TRIGGER desk_report_messages_append_only BEFORE UPDATE OR DELETE ON desk_report_messages
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();

-- Proof-of-work challenges: issued, solved once, then spent. Shared by every instance.
CREATE TABLE desk_challenges (
  salt       text PRIMARY KEY,
  bits       smallint NOT NULL CHECK (bits BETWEEN 1 AND 32),
  expires_at timestamptz NOT NULL,
  spent_at   timestamptz
);
CREATE INDEX desk_challenges_expiry_idx ON desk_challenges (expires_at);
