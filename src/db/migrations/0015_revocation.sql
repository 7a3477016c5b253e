-- Withdrawal (intrekking) of a granted authorisation (issue 13, decision 012). The lifecycle log
-- keeps the actions (PROPOSE_REVOCATION, ANSWER_HEARING, DISMISS_REVOCATION, REVOKE); this table
-- keeps the proposal the employer is heard on: its grounds, the facts and evidence, the day the
-- employer may answer by, the answer and the supervisor's decision. One open proposal per dossier.
CREATE TABLE revocation_proposals (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id      uuid NOT NULL REFERENCES dossiers (id),
  proposed_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  proposed_role   text NOT NULL CHECK (proposed_role IN ('CASE_HANDLER', 'INSPECTOR')),
  proposed_on     date NOT NULL,
  ground_codes    text[] NOT NULL CHECK (cardinality(ground_codes) BETWEEN 1 AND 30),
  facts           text NOT NULL CHECK (char_length(facts) BETWEEN 1 AND 8000),
  evidence        text CHECK (char_length(evidence) <= 4000),
  hearing_due_on  date NOT NULL,
  answer          text CHECK (char_length(answer) BETWEEN 1 AND 8000),
  answered_on     date,
  answered_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  outcome         text CHECK (outcome IN ('REVOKED', 'DISMISSED')),
  decided_on      date,
  decided_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  decision_note   text CHECK (char_length(decision_note) <= 8000),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome IS NULL) = (decided_on IS NULL)),
  CHECK ((answer IS NULL) = (answered_on IS NULL))
);
CREATE UNIQUE INDEX revocation_proposals_one_open ON revocation_proposals (dossier_id) WHERE outcome IS NULL;
CREATE INDEX revocation_proposals_dossier_idx ON revocation_proposals (dossier_id, created_at);

-- The revocation's letter, kept like the decision letters.
ALTER TABLE dossier_letters DROP CONSTRAINT dossier_letters_kind_check;
ALTER TABLE dossier_letters ADD CONSTRAINT dossier_letters_kind_check
  CHECK (kind IN ('DECISION', 'APPEAL_DECISION', 'REVOCATION'));

-- The federal office hears of a revocation through the same outbox as of an admissible dossier.
ALTER TABLE federal_outbox ADD COLUMN kind text NOT NULL DEFAULT 'ADMISSIBLE'
  CHECK (kind IN ('ADMISSIBLE', 'REVOCATION'));

-- A supervisor is told of a proposal to decide.
ALTER TABLE staff_notifications DROP CONSTRAINT staff_notifications_kind_check;
ALTER TABLE staff_notifications ADD CONSTRAINT staff_notifications_kind_check
  CHECK (kind IN ('DOSSIER_OVERDUE', 'REFUSAL_TO_CO_SIGN', 'REVOCATION_TO_DECIDE'));

-- The employer is told by mail that it is heard on a proposed withdrawal, and by which day.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
  CHECK (kind IN ('RECEIVED', 'ACTION_NEEDED', 'DECISION', 'REMINDER', 'HEARING'));
