-- Recruitment pilots (issue 17; docs/talent.md): projects that recruit and train abroad for shortage
-- occupations (PALIM, MATCH, THAMM, the Taiwan memorandum of seed 000), their spending, and their
-- participants' progress through stages up to a filed permit and employment after 12 months. A
-- participant is a partner's file reference with a country and an education level, nothing more;
-- the permit, once filed, is linked by its dossier (the partner learns only its status).

CREATE TABLE recruitment_pilots (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  -- The project's short name as it is known (an acronym or the partner country): data, not UI text.
  name                text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
  -- Who runs it and who takes part: organisation names, kept as they are written.
  lead_organisation   text NOT NULL CHECK (char_length(lead_organisation) BETWEEN 1 AND 120),
  partner_organisations text[] NOT NULL DEFAULT '{}',
  -- The partner organisation whose accounts record participants (none: the project is reported only).
  partner_id          uuid REFERENCES talent_partners (id),
  countries           text[] NOT NULL CHECK (cardinality(countries) >= 1),
  -- The ESCO occupations aimed at (ids of data/esco; labelled in the reader's language).
  occupation_ids      text[] NOT NULL DEFAULT '{}',
  funders             text[] NOT NULL DEFAULT '{}',
  budget_eur          numeric(14, 2) CHECK (budget_eur >= 0),
  started_on          date NOT NULL,
  ended_on            date CHECK (ended_on >= started_on),
  target_participants integer CHECK (target_participants >= 0),
  target_placed       integer CHECK (target_placed >= 0),
  -- The figures that come from the sources (seed 000: the minister's answer); every other figure
  -- shown for the project is a demo value and says so. Names: budget, targetParticipants,
  -- targetPlaced, dates, selected, trained, passed, placed, spending.
  sourced_figures     text[] NOT NULL DEFAULT '{}',
  created_at          timestamptz NOT NULL DEFAULT now()
);

-- What a project spent, per year and funder (question 000 q1).
CREATE TABLE recruitment_pilot_spending (
  pilot_id   uuid NOT NULL REFERENCES recruitment_pilots (id),
  year       smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  funder     text NOT NULL CHECK (char_length(funder) BETWEEN 1 AND 40),
  amount_eur numeric(14, 2) NOT NULL CHECK (amount_eur >= 0),
  PRIMARY KEY (pilot_id, year, funder)
);

CREATE TABLE recruitment_pilot_participants (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pilot_id        uuid NOT NULL REFERENCES recruitment_pilots (id),
  -- The running partner's own file reference: meaningful to that partner only.
  reference       text NOT NULL CHECK (char_length(reference) BETWEEN 1 AND 40),
  country         text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  education_vks   smallint NOT NULL CHECK (education_vks BETWEEN 1 AND 8),
  selected_on     date NOT NULL,
  stage           text NOT NULL DEFAULT 'SELECTED' CHECK (stage IN ('SELECTED', 'TRAINED', 'PASSED',
                    'MATCHED', 'PERMIT_FILED', 'PERMIT_GRANTED', 'ARRIVED', 'EMPLOYED_6M', 'EMPLOYED_12M')),
  -- Left the project after reaching `stage`, for this reason (question 000 q4: where they drop out).
  dropped_reason  text CHECK (dropped_reason IN ('FAILED_TRAINING', 'WITHDREW', 'NO_EMPLOYER',
                    'PERMIT_REFUSED', 'VISA_REFUSED', 'LEFT_EMPLOYMENT', 'OTHER')),
  dropped_on      date,
  -- The permit filed in Loket for this participant, when there is one (a project older than Loket
  -- has none: its permits were filed elsewhere).
  dossier_id      uuid REFERENCES dossiers (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT recruitment_pilot_participants_reference_key UNIQUE (pilot_id, reference),
  CONSTRAINT recruitment_pilot_participants_dropped CHECK ((dropped_reason IS NULL) = (dropped_on IS NULL))
);
CREATE INDEX recruitment_pilot_participants_pilot_idx ON recruitment_pilot_participants (pilot_id, stage);

-- Each stage reached, when, and who recorded it: the participant's history, append-only.
CREATE TABLE recruitment_pilot_stage_events (
  id             bigserial PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES recruitment_pilot_participants (id),
  stage          text NOT NULL,
  reached_on     date NOT NULL,
  recorded_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recruitment_pilot_stage_events_participant_idx ON recruitment_pilot_stage_events (participant_id, id);
