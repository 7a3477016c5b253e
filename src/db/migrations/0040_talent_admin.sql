-- Talent pipelines administered (issue 17; docs/talent.md, decision 027): the partner organisations
-- an administrator keeps (kind, which groups of candidates they may record, how long at most,
-- deactivation), and the recruitment pilots an analyst records and edits with the figures the
-- projects report, each with its date, every edit kept as a revision.

-- What kind of organisation: a screening partner (jobseekers, refugees, asylum seekers), the
-- operator of a recruitment pilot abroad, or a coordination centre for the care sector.
ALTER TABLE talent_partners
  ADD COLUMN kind text NOT NULL DEFAULT 'SCREENING'
    CHECK (kind IN ('SCREENING', 'PILOT_OPERATOR', 'CARE_COORDINATION')),
  -- The purposes it may record candidates for: the candidate pools of migration 0020.
  ADD COLUMN pools text[] NOT NULL
    DEFAULT '{LOCAL_JOBSEEKER,REFUGEE,ASYLUM_SEEKER,PILOT_PARTICIPANT,CARE_RECOGNITION}'
    CHECK (cardinality(pools) >= 1 AND pools <@ ARRAY['LOCAL_JOBSEEKER', 'REFUGEE', 'ASYLUM_SEEKER',
      'PILOT_PARTICIPANT', 'CARE_RECOGNITION']),
  -- The longest a candidate's data may be kept after consent, at most the 24 months of decision 017.
  ADD COLUMN retention_months smallint NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 1 AND 24),
  -- Deactivated: its accounts record no new candidate (they still read, withdraw consent and erase).
  ADD COLUMN deactivated_at timestamptz,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE recruitment_pilots ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The results a project reports (seed 000: PALIM trained 120, 116 passed, none placed in Flanders),
-- one current figure per kind with the day it holds for; earlier values are in the revisions.
CREATE TABLE recruitment_pilot_results (
  pilot_id uuid NOT NULL REFERENCES recruitment_pilots (id),
  figure   text NOT NULL CHECK (figure IN ('TRAINED', 'PASSED', 'PLACED_FLANDERS', 'PLACED_ELSEWHERE')),
  value    integer NOT NULL CHECK (value BETWEEN 0 AND 1000000),
  as_of    date NOT NULL,
  PRIMARY KEY (pilot_id, figure)
);

-- Every creation and edit of a project: who, when, which fields changed, and the project as it was
-- saved (results included). Append-only: the history an analyst reads beside the audit trail.
CREATE TABLE recruitment_pilot_revisions (
  id             bigserial PRIMARY KEY,
  pilot_id       uuid NOT NULL REFERENCES recruitment_pilots (id),
  changed_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  changed_at     timestamptz NOT NULL DEFAULT now(),
  changed_fields text[] NOT NULL,
  snapshot       jsonb NOT NULL
);
CREATE INDEX recruitment_pilot_revisions_pilot_idx ON recruitment_pilot_revisions (pilot_id, id);
