-- The language the worker chose when leaving their address: their decision e-mail is written in
-- it, not in the dossier's procedure language (the employer's). Null until an address is given.
ALTER TABLE dossiers ADD COLUMN worker_lang text CHECK (worker_lang IN ('nl', 'fr', 'en'));

-- A worker's access code opens the dossier on every device until it expires (the mails and the
-- page say so): each exchange of the code makes its own device token, stored hashed. The one
-- token a code had so far moves here, so a worker already signed in stays signed in.
CREATE TABLE worker_access_tokens (
  token_hash  text PRIMARY KEY,
  access_id   uuid NOT NULL REFERENCES worker_access (id) ON DELETE CASCADE,
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX worker_access_tokens_access ON worker_access_tokens (access_id);
INSERT INTO worker_access_tokens (token_hash, access_id, expires_at)
  SELECT token_hash, id, token_expires_at FROM worker_access
  WHERE token_hash IS NOT NULL AND token_expires_at IS NOT NULL;
