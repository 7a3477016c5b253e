-- The care-sector pipeline (issue 17, seed 004; docs/talent.md#care-sector-pipeline): the recognition
-- file of a foreign nurse's or care worker's diploma at NARIC-Vlaanderen, kept by the partner that
-- screens the candidate. One file per candidate; it goes with the candidate (erased on request or
-- at the end of the consent's retention: ON DELETE CASCADE), so it is kept exactly as long as the
-- rest of the candidate's data. Its status history is appended, never changed.

CREATE TABLE talent_recognition_files (
  candidate_id    uuid PRIMARY KEY REFERENCES talent_candidates (id) ON DELETE CASCADE,
  -- Copied from the candidate: the partner that may see and change the file.
  partner_id      uuid NOT NULL REFERENCES talent_partners (id),
  naric_reference text NOT NULL CHECK (char_length(naric_reference) BETWEEN 1 AND 40),
  profession      text NOT NULL CHECK (profession IN ('NURSE', 'CARE_WORKER')),
  -- Where the file stands (src/talent/care/recognition-model.ts says which step may follow which).
  status          text NOT NULL CHECK (status IN ('REQUESTED', 'DOCUMENTS_MISSING', 'COMPENSATION_MEASURE',
                    'RECOGNISED', 'REFUSED')),
  requested_on    date NOT NULL,
  -- The day the current status was reached; NARIC's decision day for RECOGNISED and REFUSED.
  status_on       date NOT NULL CHECK (status_on >= requested_on),
  -- The record key of the cell-key method (decision 016): 31 bits of the md5 of the random id, so
  -- the care report publishes its counts perturbed like open data (src/stats/cell-key.ts).
  record_key      bigint NOT NULL
                    GENERATED ALWAYS AS (('x' || left(md5(candidate_id::text), 8))::bit(32)::bigint & 2147483647) STORED,
  -- Demo rows (src/talent/care/demo-care.ts): their figures are demo values, and say so.
  is_demo         boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT talent_recognition_files_reference_key UNIQUE (partner_id, naric_reference)
);
CREATE INDEX talent_recognition_files_partner_idx ON talent_recognition_files (partner_id);
CREATE INDEX talent_recognition_files_requested_idx ON talent_recognition_files (requested_on);

CREATE TABLE talent_recognition_events (
  id           bigserial PRIMARY KEY,
  candidate_id uuid NOT NULL REFERENCES talent_recognition_files (candidate_id) ON DELETE CASCADE,
  status       text NOT NULL CHECK (status IN ('REQUESTED', 'DOCUMENTS_MISSING', 'COMPENSATION_MEASURE',
                 'RECOGNISED', 'REFUSED')),
  status_on    date NOT NULL,
  recorded_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX talent_recognition_events_candidate_idx ON talent_recognition_events (candidate_id, id);
