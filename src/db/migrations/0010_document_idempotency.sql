-- An upload retried with its Idempotency-Key (the answer to the first was lost) finds the document
-- the first stored instead of storing it twice (src/dossiers/documents/upload-document.ts).
ALTER TABLE dossier_documents ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX dossier_documents_idempotency_key
  ON dossier_documents (dossier_id, uploaded_by, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
