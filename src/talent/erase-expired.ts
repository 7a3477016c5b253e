import { recordAuditEvents } from '../audit/audit.repo.ts';
import type { Db } from '../db/client.ts';
import { deleteExpiredCandidates } from './talent.repo.ts';

/**
 * The nightly end of purpose: every candidate past the retention date their consent gave is
 * deleted, each deletion noted in the audit trail without any of the person's data. Until it runs,
 * such candidates are no longer shown (talent.repo.ts filters on the date).
 */
export async function eraseExpiredCandidates(db: Db, today: string): Promise<{ erased: number }> {
  return db.transaction().execute(async (trx) => {
    const erased = await deleteExpiredCandidates(trx, today);
    await recordAuditEvents(
      trx,
      erased.map((row) => ({
        actorUserId: null,
        action: 'TALENT_CANDIDATE_ERASED',
        subjectType: 'talent_candidate',
        subjectId: row.id,
        details: { partnerId: row.partner_id, reason: 'RETENTION_ENDED' },
      })),
    );
    return { erased: erased.length };
  });
}
