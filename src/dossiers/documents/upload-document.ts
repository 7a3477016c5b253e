import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { LoketError } from '../../server/errors.ts';
import { lockDossier } from '../dossiers.repo.ts';
import type { DocumentStorage } from './document-storage.ts';
import { type AcceptedMediaType, cleanFileName, EXTENSIONS, nameForMediaType } from './file-names.ts';
import { inspectPdf } from './pdf-active-content.ts';
import { DOCUMENT_TYPES } from './required-documents.ts';

export const ACCEPTED_MEDIA_TYPES = Object.keys(EXTENSIONS) as AcceptedMediaType[];

// Documents may be added while the employer still edits the dossier or answers a question.
const OPEN_FOR_DOCUMENTS = new Set(['DRAFT', 'INFORMATION_REQUESTED']);
// What was submitted stays part of the dossier: after submission a document is only added (a new
// version beside the old one, e.g. when information is asked), never taken away.
const REMOVABLE_DOCUMENTS = new Set(['DRAFT']);

function rejected(lang: Lang, path: string, rule: string, params: Record<string, unknown> = {}): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', {}, [
    { path, rule, message: translate(lang, `validation.document.${rule}`, params) },
  ]);
}

/** The media type from the bytes themselves (magic numbers), never from the name or the header. */
export async function detectMediaType(content: Buffer): Promise<AcceptedMediaType | null> {
  const detected = await fileTypeFromBuffer(content);
  const mime = detected?.mime;
  return ACCEPTED_MEDIA_TYPES.includes(mime as AcceptedMediaType) ? (mime as AcceptedMediaType) : null;
}

/**
 * The checks every uploaded file passes (dossier documents, the desk's report attachments): not
 * empty, not too large, PDF/JPEG/PNG by its bytes, a PDF without active content. Its media type.
 */
export async function checkDocumentContent(
  content: Buffer,
  lang: Lang,
  maxBytes: number,
): Promise<AcceptedMediaType> {
  if (content.length === 0) throw rejected(lang, 'file', 'empty');
  if (content.length > maxBytes) {
    throw rejected(lang, 'file', 'tooLarge', { megabytes: Math.round(maxBytes / 1_048_576) });
  }
  const mediaType = await detectMediaType(content);
  if (!mediaType) throw rejected(lang, 'file', 'mediaType');
  if (mediaType === 'application/pdf') {
    const pdf = inspectPdf(content);
    if (pdf.active.length > 0)
      throw rejected(lang, 'file', 'pdfActiveContent', { found: pdf.active.join(', ') });
    if (pdf.uncheckable) throw rejected(lang, 'file', 'pdfUncheckable');
  }
  return mediaType;
}

export async function uploadDocument(
  db: Db,
  storage: DocumentStorage,
  input: {
    dossierId: string;
    documentType: string;
    fileName: string;
    content: Buffer;
    userId: string;
    lang: Lang;
    maxBytes: number;
    /** A retry with the key of an earlier upload answers that upload's document (docs/operations.md). */
    idempotencyKey?: string;
  },
) {
  const { lang } = input;
  if (!(DOCUMENT_TYPES as readonly string[]).includes(input.documentType)) {
    throw rejected(lang, 'documentType', 'type', { allowed: DOCUMENT_TYPES.join(', ') });
  }
  const mediaType = await checkDocumentContent(input.content, lang, input.maxBytes);
  const fileName = nameForMediaType(cleanFileName(input.fileName), mediaType);
  const key = randomUUID();
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  // Bytes first, metadata in a transaction after: a failure leaves at most an orphan blob, never a
  // listed document without content.
  await storage.put(db, key, input.content);
  let replayed = false;
  try {
    const stored = await db.transaction().execute(async (trx) => {
      // The dossier's lock also makes concurrent retries of one upload wait for each other.
      const dossier = await lockDossier(trx, input.dossierId);
      if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
      if (input.idempotencyKey) {
        const earlier = await trx
          .selectFrom('dossier_documents')
          .select(['id', 'document_type', 'file_name', 'media_type', 'size_bytes', 'uploaded_at', 'sha256'])
          .where('dossier_id', '=', dossier.id)
          .where('uploaded_by', '=', input.userId)
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirst();
        if (earlier) {
          if (earlier.sha256 !== sha256 || earlier.document_type !== input.documentType)
            throw new LoketError('LOKET_IDEMPOTENCY_CONFLICT');
          replayed = true;
          const { sha256: _same, ...document } = earlier;
          return document;
        }
      }
      if (!OPEN_FOR_DOCUMENTS.has(dossier.status)) {
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', {
          status: dossier.status,
          action: 'UPLOAD_DOCUMENT',
        });
      }
      const document = await trx
        .insertInto('dossier_documents')
        .values({
          dossier_id: dossier.id,
          document_type: input.documentType,
          file_name: fileName,
          media_type: mediaType,
          size_bytes: input.content.length,
          sha256,
          storage: storage.kind,
          storage_key: key,
          uploaded_by: input.userId,
          idempotency_key: input.idempotencyKey ?? null,
        })
        .returning(['id', 'document_type', 'file_name', 'media_type', 'size_bytes', 'uploaded_at'])
        .executeTakeFirstOrThrow();
      await recordAuditEvent(trx, {
        actorUserId: input.userId,
        action: 'DOSSIER_DOCUMENT_ADDED',
        subjectType: 'dossier',
        subjectId: dossier.id,
        details: {
          documentId: document.id,
          documentType: input.documentType,
          mediaType,
          sizeBytes: input.content.length,
        },
      });
      return document;
    });
    if (replayed) await storage.remove(db, key); // the first upload's bytes are the ones kept
    return stored;
  } catch (error) {
    await storage.remove(db, key);
    throw error;
  }
}

export async function removeDocument(
  db: Db,
  input: { dossierId: string; documentId: string; userId: string },
) {
  await db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, input.dossierId);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    if (!REMOVABLE_DOCUMENTS.has(dossier.status)) {
      throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: dossier.status, action: 'REMOVE_DOCUMENT' });
    }
    const removed = await trx
      .updateTable('dossier_documents')
      .set({ removed_at: new Date() })
      .where('id', '=', input.documentId)
      .where('dossier_id', '=', dossier.id)
      .where('removed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!removed) throw new LoketError('LOKET_NOT_FOUND');
    await recordAuditEvent(trx, {
      actorUserId: input.userId,
      action: 'DOSSIER_DOCUMENT_REMOVED',
      subjectType: 'dossier',
      subjectId: dossier.id,
      details: { documentId: input.documentId },
    });
  });
}
