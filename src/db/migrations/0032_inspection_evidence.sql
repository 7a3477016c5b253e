-- Evidence files of an inspection (issue 14: an inspection is recorded with "evidence files"):
-- PDF, JPEG or PNG, checked like dossier documents, the bytes in the document storage. Evidence is
-- added, never changed: the app role may only read and insert (src/db/app-grants.ts).
CREATE TABLE inspection_evidence (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inspection_id uuid NOT NULL REFERENCES inspections (id),
  -- The order the files came in.
  seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  file_name     text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
  media_type    text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage       text NOT NULL CHECK (storage IN ('database', 'disk')),
  storage_key   text NOT NULL UNIQUE,
  added_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  added_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_evidence_inspection_idx ON inspection_evidence (inspection_id, seq);
