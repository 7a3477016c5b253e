-- The worker confirms, with their access code, that the employer told them the job and its terms
-- (policy note 002 §2.8: the employer must inform the worker of the job and its conditions).
-- What they confirmed is kept as it was shown, so a later question "what did they see?" has an answer.
ALTER TABLE dossiers ADD COLUMN worker_terms_confirmed_at timestamptz;
ALTER TABLE dossiers ADD COLUMN worker_terms_confirmed jsonb;
