-- Loket runs as a role of least privilege (docs/decisions/006-app-role.md; docs/operations.md,
-- "Database roles"): the owner (DATABASE_URL) applies migrations and grants; the app role that serves
-- requests may read and write rows but owns nothing, so it cannot alter a table, disable a trigger or
-- rewrite the audit trail. The grants themselves are applied after every migration run by
-- src/db/app-grants.ts, whose list of tables a test keeps complete.

-- New objects in public belong to the owner alone (already PostgreSQL 15's default; a database
-- upgraded from an older version still lets every role create tables there).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The sealer runs with its owner's rights, so the app role needs no INSERT on audit_seals and no
-- UPDATE on the horizon: it can seal, never forge or move a seal. The search path is pinned so a
-- caller cannot put its own audit_seals or audit_event_hash() in front of ours.
ALTER FUNCTION audit_seal_pending() SECURITY DEFINER SET search_path = public, pg_temp;
REVOKE EXECUTE ON FUNCTION audit_seal_pending() FROM PUBLIC;

-- When Loket creates the app role itself (the embedded database, or DATABASE_URL alone), the
-- generated password is kept here, readable only by the owner: every instance started with the
-- owner's URL finds the same password, and the app role cannot read it.
CREATE SCHEMA loket_private;
REVOKE ALL ON SCHEMA loket_private FROM PUBLIC;
CREATE TABLE loket_private.app_role_credentials (
  role_name  text PRIMARY KEY,
  password   text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
