-- The case handler's own working material, beside the dossier's lifecycle log (which the status is
-- replayed from, decision 003, and so holds lifecycle actions only):
--  * dossier_staff_entries: what staff did on a dossier that is not a change of status, shown in
--    the staff history only: an internal note (never shown to the employer or worker, never in a
--    letter), an assignment (one by one or in bulk), the letter text edited before signing.
--    Append-only like the action log.
--  * staff_saved_filters: a staff user's named queue filters (filter, search and sort).
CREATE TABLE dossier_staff_entries (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id    uuid NOT NULL REFERENCES dossiers (id),
  kind          text NOT NULL CHECK (kind IN ('NOTE', 'ASSIGNED', 'LETTER_EDITED')),
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  effective_on  date NOT NULL,
  occurred_at   timestamptz NOT NULL DEFAULT now(),
  details       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dossier_staff_entries_dossier_idx ON dossier_staff_entries (dossier_id, id);
CREATE TRIGGER dossier_staff_entries_append_only BEFORE UPDATE OR DELETE ON dossier_staff_entries
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();

CREATE TABLE staff_saved_filters (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
  query      jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT staff_saved_filters_name UNIQUE (user_id, name)
);
