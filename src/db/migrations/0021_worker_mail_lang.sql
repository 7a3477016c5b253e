-- The language the worker chose when leaving their address: their decision e-mail is written in
-- it, not in the dossier's procedure language (the employer's). Null until an address is given.
ALTER TABLE dossiers ADD COLUMN worker_lang text CHECK (worker_lang IN ('nl', 'fr', 'en'));
