-- Ministers of religion (policy note 002 §2.7, 1.): "Het Departement WEWIS kan dossiers voorleggen
-- voor advies bij de Informatie- en Screeningsdienst van het Agentschap Binnenlands Bestuur". The
-- referral and the advice received are the case handler's work beside the lifecycle log, like a
-- note (decision 008): two more kinds of staff entry, shown in the staff history.
ALTER TABLE dossier_staff_entries DROP CONSTRAINT dossier_staff_entries_kind_check;
ALTER TABLE dossier_staff_entries ADD CONSTRAINT dossier_staff_entries_kind_check
  CHECK (kind IN ('NOTE', 'ASSIGNED', 'LETTER_EDITED', 'SCREENING_REFERRED', 'SCREENING_ADVICE'));
