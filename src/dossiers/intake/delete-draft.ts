import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import { LoketError } from '../../server/errors.ts';
import type { Acting } from '../change-dossier.ts';
import type { DocumentStorage } from '../documents/document-storage.ts';
import { lockDossier } from '../dossiers.repo.ts';

/**
 * Deletes a draft the employer no longer wants. Only a draft: once submitted, a dossier is the
 * service's record and can only be withdrawn. The row and its action log stay (the log is
 * append-only, decision 003) as a tombstone every read treats as gone; what the employer typed
 * (answers, the worker's name), its documents and any worker code are erased, so nothing personal
 * outlives the deletion. The idempotency key is cleared, so "renew" can start a fresh draft.
 */
export async function deleteDraft(
  db: Db,
  storage: DocumentStorage | undefined,
  input: { dossierId: string; acting: Acting; expectedVersion?: number },
): Promise<void> {
  const storageKeys = await db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, input.dossierId);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    if (dossier.status !== 'DRAFT') {
      throw new LoketError('LOKET_ILLEGAL_TRANSITION', { status: dossier.status, action: 'DELETE_DRAFT' });
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== dossier.version) {
      throw new LoketError('LOKET_VERSION_CONFLICT', {
        current: dossier.version,
        given: input.expectedVersion,
      });
    }
    const documents = await trx
      .updateTable('dossier_documents')
      .set({ removed_at: new Date(), file_name: '-' })
      .where('dossier_id', '=', dossier.id)
      .returning(['storage', 'storage_key'])
      .execute();
    await trx.deleteFrom('worker_access').where('dossier_id', '=', dossier.id).execute();
    await trx
      .updateTable('dossiers')
      .set({
        deleted_at: new Date(),
        application: {},
        worker_identity: {},
        idempotency_key: null,
        version: dossier.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', dossier.id)
      .execute();
    await recordAuditEvent(trx, {
      actorUserId: input.acting.userId,
      action: 'DOSSIER_DRAFT_DELETED',
      subjectType: 'dossier',
      subjectId: dossier.id,
      ...(input.acting.requestId ? { requestId: input.acting.requestId } : {}),
      details: { category: dossier.category, kind: dossier.kind, documents: documents.length },
    });
    return documents.filter((doc) => doc.storage === storage?.kind).map((doc) => doc.storage_key);
  });
  // The bytes go after the commit: a failed removal leaves an orphan, never a half-deleted draft.
  for (const key of storageKeys) await storage?.remove(db, key);
}
