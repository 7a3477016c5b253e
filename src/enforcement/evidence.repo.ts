import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAuditEvent } from '../audit/audit.repo.ts';
import type { Db } from '../db/client.ts';
import type { DocumentStorage } from '../dossiers/documents/document-storage.ts';
import type { AcceptedMediaType } from '../dossiers/documents/file-names.ts';
import { LoketError } from '../server/errors.ts';

/** An inspection holds at most this many files: enough for a visit's photos and documents. */
export const MAX_EVIDENCE_FILES = 30;

export interface EvidenceRow {
  id: string;
  inspection_id: string;
  file_name: string;
  media_type: AcceptedMediaType;
  size_bytes: number;
  added_at: Date;
  added_by: string | null;
}

/**
 * Stores the bytes, then records the file under a lock per inspection (so two uploads together
 * cannot pass the limit) and audits it in the same transaction; bytes of a failed insert are removed.
 */
export async function addEvidence(
  db: Db,
  storage: DocumentStorage,
  input: {
    inspectionId: string;
    fileName: string;
    content: Buffer;
    mediaType: AcceptedMediaType;
    userId: string;
    requestId: string;
  },
): Promise<EvidenceRow> {
  const key = randomUUID();
  await storage.put(db, key, input.content);
  try {
    return await db.transaction().execute(async (trx) => {
      // Inspections are append-only for the app role, so no row lock (it needs UPDATE): a
      // transaction-scoped advisory lock per inspection serialises its uploads instead.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`evidence:${input.inspectionId}`}, 0))`.execute(
        trx,
      );
      const inspection = await trx
        .selectFrom('inspections')
        .select('id')
        .where('id', '=', input.inspectionId)
        .executeTakeFirst();
      if (!inspection) throw new LoketError('LOKET_NOT_FOUND');
      const { n } = await trx
        .selectFrom('inspection_evidence')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('inspection_id', '=', input.inspectionId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_EVIDENCE_FILES)
        throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: 'EVIDENCE_FULL', action: 'ADD_EVIDENCE' });
      const row = await trx
        .insertInto('inspection_evidence')
        .values({
          inspection_id: input.inspectionId,
          file_name: input.fileName,
          media_type: input.mediaType,
          size_bytes: input.content.length,
          sha256: createHash('sha256').update(input.content).digest('hex'),
          storage: storage.kind,
          storage_key: key,
          added_by: input.userId,
        })
        .returning(['id', 'inspection_id', 'file_name', 'media_type', 'size_bytes', 'added_at', 'added_by'])
        .executeTakeFirstOrThrow();
      await recordAuditEvent(trx, {
        actorUserId: input.userId,
        action: 'INSPECTION_EVIDENCE_ADDED',
        subjectType: 'inspection',
        subjectId: input.inspectionId,
        requestId: input.requestId,
        details: { evidenceId: row.id, mediaType: input.mediaType, sizeBytes: input.content.length },
      });
      return row;
    });
  } catch (error) {
    await storage.remove(db, key);
    throw error;
  }
}

/** The evidence of some inspections, in the order it came in. */
export async function evidenceOf(db: Db, inspectionIds: readonly string[]): Promise<EvidenceRow[]> {
  if (inspectionIds.length === 0) return [];
  return db
    .selectFrom('inspection_evidence')
    .select(['id', 'inspection_id', 'file_name', 'media_type', 'size_bytes', 'added_at', 'added_by'])
    .where('inspection_id', 'in', inspectionIds)
    .orderBy('seq')
    .execute();
}

/** One file with where its bytes are, when it belongs to the inspection. */
export async function evidenceFile(db: Db, inspectionId: string, evidenceId: string) {
  return db
    .selectFrom('inspection_evidence')
    .select(['id', 'file_name', 'media_type', 'storage_key'])
    .where('inspection_id', '=', inspectionId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}
