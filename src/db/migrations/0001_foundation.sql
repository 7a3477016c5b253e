-- Foundation: accounts, sessions and the audit trail every later capability writes to.

CREATE TABLE users (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username          text NOT NULL,
  display_name      text NOT NULL,
  role              text NOT NULL CHECK (role IN ('EMPLOYER', 'CASE_HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ANALYST', 'ADMIN')),
  -- KBO enterprise number (10 digits, no dots) of the enterprise an employer user acts for.
  enterprise_number text CHECK (enterprise_number ~ '^[01][0-9]{9}$'),
  password_hash     text,
  oidc_subject      text,
  preferred_lang    text NOT NULL DEFAULT 'nl' CHECK (preferred_lang IN ('nl', 'fr', 'en')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  disabled_at       timestamptz,
  CONSTRAINT users_employer_has_enterprise CHECK ((role = 'EMPLOYER') = (enterprise_number IS NOT NULL)),
  CONSTRAINT users_can_log_in CHECK (password_hash IS NOT NULL OR oidc_subject IS NOT NULL)
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_oidc_subject_key ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;

-- Only a hash of the session token is stored: a leaked table does not hand out sessions.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- Append-only: who did or read what, when. Details never hold personal data of workers in clear;
-- they reference the subject by id.
CREATE TABLE audit_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at   timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  action        text NOT NULL,
  subject_type  text,
  subject_id    text,
  request_id    text,
  details       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, occurred_at);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at);

CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();

-- Each run of a scheduled job, so operators see that background work happens.
CREATE TABLE job_runs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_name    text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome     text NOT NULL DEFAULT 'RUNNING' CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
  summary     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX job_runs_job_name_idx ON job_runs (job_name, started_at DESC);
