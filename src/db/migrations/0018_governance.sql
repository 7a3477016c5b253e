-- Governance (issue 15): accounts managed by an administrator, and the rule data (parameters and
-- the migration list) as dated versions proposed by one person and approved by another.

-- An account an administrator creates has no password until its user sets one through the link
-- mailed to them: it cannot sign in meanwhile (no hash, no OIDC subject).
ALTER TABLE users DROP CONSTRAINT users_can_log_in;
-- How the user came in last (the administrator sees password vs single sign-on per account).
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
ALTER TABLE users ADD COLUMN last_login_via text CHECK (last_login_via IN ('PASSWORD', 'OIDC'));
ALTER TABLE users ADD COLUMN password_changed_at timestamptz;

-- One-time links to set a password (a new account) or reset it. Only a hash of the token is kept;
-- a link is used once, and a newer link for the same account makes older ones void.
CREATE TABLE password_links (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('SET', 'RESET')),
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX password_links_user_idx ON password_links (user_id);

-- Account mails (the password link) have no dossier; their text is composed when queued, since
-- the link exists only then, and the link is blanked once the mail is sent.
ALTER TABLE mail_outbox ALTER COLUMN dossier_number DROP NOT NULL;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
  CHECK (kind IN ('RECEIVED', 'ACTION_NEEDED', 'DECISION', 'REMINDER', 'HEARING', 'ACCOUNT_LINK'));
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_audience_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_audience_check
  CHECK (audience IN ('EMPLOYER', 'WORKER', 'ACCOUNT'));

-- What each parameter is (from its seed file): the label and unit of the public history.
CREATE TABLE rule_parameters (
  name        text PRIMARY KEY,
  unit        text NOT NULL,
  description text NOT NULL
);

-- Every dated value of a parameter. SEED rows come from rules/parameters/*.yaml on a fresh
-- database; PROPOSAL rows from an administrator. Only APPROVED rows reach the rules engine.
CREATE TABLE rule_parameter_versions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL REFERENCES rule_parameters (name),
  valid_from    date NOT NULL,
  valid_until   date CHECK (valid_until IS NULL OR valid_until >= valid_from),
  value         jsonb NOT NULL,
  source        text NOT NULL CHECK (length(btrim(source)) > 0),
  verified      boolean NOT NULL,
  status        text NOT NULL CHECK (status IN ('VERIFIED', 'PROVISIONAL', 'CONFLICTING')),
  note          text,
  origin        text NOT NULL CHECK (origin IN ('SEED', 'PROPOSAL')),
  state         text NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
  proposed_by   uuid REFERENCES users (id),
  proposed_at   timestamptz NOT NULL DEFAULT now(),
  decided_by    uuid REFERENCES users (id),
  decided_at    timestamptz,
  decision_note text,
  -- Four eyes: nobody decides on their own proposal.
  CONSTRAINT rule_parameter_versions_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CONSTRAINT rule_parameter_versions_proposal_has_author CHECK (origin = 'SEED' OR proposed_by IS NOT NULL)
);
CREATE UNIQUE INDEX rule_parameter_versions_in_force ON rule_parameter_versions (name, valid_from)
  WHERE state = 'APPROVED';
CREATE INDEX rule_parameter_versions_name_idx ON rule_parameter_versions (name, valid_from);

-- Every version of a list (today the migration list of shortage functions), entries as JSON.
CREATE TABLE rule_list_versions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  list          text NOT NULL CHECK (list IN ('migration-list')),
  -- v1, v2, … given when approved (the engine numbers versions in date order).
  version       text CHECK (version ~ '^v[0-9]+$'),
  valid_from    date NOT NULL,
  legal_act     text NOT NULL CHECK (length(btrim(legal_act)) > 0),
  source        text NOT NULL CHECK (length(btrim(source)) > 0),
  verified      boolean NOT NULL,
  note          text,
  entries       jsonb NOT NULL CHECK (jsonb_typeof(entries) = 'array'),
  origin        text NOT NULL CHECK (origin IN ('SEED', 'PROPOSAL')),
  state         text NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'REJECTED')),
  proposed_by   uuid REFERENCES users (id),
  proposed_at   timestamptz NOT NULL DEFAULT now(),
  decided_by    uuid REFERENCES users (id),
  decided_at    timestamptz,
  decision_note text,
  CONSTRAINT rule_list_versions_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CONSTRAINT rule_list_versions_proposal_has_author CHECK (origin = 'SEED' OR proposed_by IS NOT NULL),
  CONSTRAINT rule_list_versions_approved_numbered CHECK ((state = 'APPROVED') = (version IS NOT NULL))
);
CREATE UNIQUE INDEX rule_list_versions_version_key ON rule_list_versions (list, version) WHERE version IS NOT NULL;
CREATE UNIQUE INDEX rule_list_versions_in_force ON rule_list_versions (list, valid_from) WHERE state = 'APPROVED';
