-- The employer's journey (issue 11): drafts the employer deletes, a deadline on each request for
-- information with one reminder before it, and the reminder's mail.

-- A deleted draft keeps its row and its action log (append-only, decision 003) but loses its
-- answers, the worker's name and its documents; every read treats it as gone (404).
ALTER TABLE dossiers ADD COLUMN deleted_at timestamptz;

-- The day by which the employer should answer (set by the case handler, a default otherwise), and
-- when the one reminder was queued (never a second).
ALTER TABLE information_requests ADD COLUMN answer_due_on date;
ALTER TABLE information_requests ADD COLUMN reminder_queued_at timestamptz;
CREATE INDEX information_requests_open_due_idx ON information_requests (answer_due_on)
  WHERE answered_on IS NULL AND reminder_queued_at IS NULL;

-- The reminder is a mail of its own kind; it names the day the answer is due.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
  CHECK (kind IN ('RECEIVED', 'ACTION_NEEDED', 'DECISION', 'REMINDER'));
ALTER TABLE mail_outbox ADD COLUMN due_on date;
