-- Issue 14: after an inspection, the inspector proposes a refusal ground for a pending dossier of
-- the employer (a hub, false documents, a sanctioned director …). The proposal is staff work beside
-- the lifecycle log, like the screening referral: one more kind of staff entry, shown to the case
-- handler who decides, never to the employer or the worker.
ALTER TABLE dossier_staff_entries DROP CONSTRAINT dossier_staff_entries_kind_check;
ALTER TABLE dossier_staff_entries ADD CONSTRAINT dossier_staff_entries_kind_check
  CHECK (kind IN ('NOTE', 'ASSIGNED', 'LETTER_EDITED', 'SCREENING_REFERRED', 'SCREENING_ADVICE',
                  'REFUSAL_GROUNDS_PROPOSED'));
