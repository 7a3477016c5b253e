import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Category } from '../../rules/index.ts';
import type { ImmigrationOffice } from '../../sources/federal/immigration-office.ts';
import { SourceError } from '../../sources/index.ts';

/**
 * The federal residence part runs in parallel with the regional work part (parliamentary question
 * 003; single-permit flow, reference.md §5.1 step 3): every admissible dossier is notified to the
 * immigration office from the outbox, with an idempotency key so a retry after a lost answer never
 * notifies twice; later the office's residence decision is fetched and kept on the dossier.
 */

interface OutboxPayload {
  dossierNumber: string;
  category: Category;
  enterpriseNumber: string;
  worker: { insz?: string | null; birthDate: string; nationality: string };
  admissibleOn: string;
}

/** Sends one outbox row by its kind: an admissible dossier, or a withdrawn authorisation (decision 012). */
function notify(office: ImmigrationOffice, kind: string, idempotencyKey: string, stored: unknown) {
  if (kind === 'REVOCATION') {
    const revocation = stored as RevocationPayload;
    return office.notifyRevocation({
      dossierNumber: revocation.dossierNumber,
      ...(revocation.receiptId ? { receiptId: revocation.receiptId } : {}),
      revokedOn: revocation.revokedOn,
      groundCodes: revocation.groundCodes,
      idempotencyKey,
    });
  }
  const payload = stored as OutboxPayload;
  return office.notifyAdmissibleDossier({
    ...payload,
    worker: {
      birthDate: payload.worker.birthDate,
      nationality: payload.worker.nationality,
      ...(payload.worker.insz ? { insz: payload.worker.insz } : {}),
    },
    idempotencyKey,
  });
}

interface RevocationPayload {
  dossierNumber: string;
  receiptId: string | null;
  revokedOn: string;
  groundCodes: string[];
}

export async function sendFederalOutbox(db: Db, office: ImmigrationOffice, limit = 50) {
  const pending = await db
    .selectFrom('federal_outbox')
    .selectAll()
    .where('status', '=', 'PENDING')
    .orderBy('id')
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const item of pending) {
    try {
      const { value: receipt } = await notify(office, item.kind, item.idempotency_key, item.payload);
      const isRecordedNow = await db.transaction().execute(async (trx) => {
        // Another run may have sent it meanwhile (the office knows it by its idempotency key):
        // then that run recorded it, and this one must not record it twice.
        const marked = await trx
          .updateTable('federal_outbox')
          .set({
            status: 'SENT',
            sent_at: new Date(),
            receipt_id: receipt.receiptId,
            attempts: item.attempts + 1,
            last_error: null,
          })
          .where('id', '=', item.id)
          .where('status', '=', 'PENDING')
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) === 0) return false;
        if (item.kind === 'REVOCATION') {
          await recordAuditEvent(trx, {
            actorUserId: null,
            action: 'DOSSIER_REVOCATION_SENT_TO_FEDERAL_OFFICE',
            subjectType: 'dossier',
            subjectId: item.dossier_id,
            details: { receiptId: receipt.receiptId },
          });
          return true;
        }
        await trx
          .updateTable('dossiers')
          .set({ federal_status: 'SENT', federal_receipt_id: receipt.receiptId })
          .where('id', '=', item.dossier_id)
          .where('federal_status', '=', 'NOT_SENT')
          .execute();
        await recordAuditEvent(trx, {
          actorUserId: null,
          action: 'DOSSIER_SENT_TO_FEDERAL_OFFICE',
          subjectType: 'dossier',
          subjectId: item.dossier_id,
          details: { receiptId: receipt.receiptId },
        });
        return true;
      });
      if (isRecordedNow) sent += 1;
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      failed += 1;
      await db
        .updateTable('federal_outbox')
        .set({ attempts: item.attempts + 1, last_error: error.message.slice(0, 500) })
        .where('id', '=', item.id)
        .execute();
    }
  }
  return { pending: pending.length, sent, failed };
}

export async function pollResidenceDecisions(db: Db, office: ImmigrationOffice, limit = 200) {
  const waiting = await db
    .selectFrom('dossiers')
    .select(['id', 'federal_receipt_id'])
    .where('federal_status', '=', 'SENT')
    .where('federal_receipt_id', 'is not', null)
    .orderBy('admissible_on')
    .limit(limit)
    .execute();
  let decided = 0;
  let failed = 0;
  for (const dossier of waiting) {
    try {
      const answer = await office.getResidenceDecision(dossier.federal_receipt_id as string);
      if (!answer.found || answer.value.status === 'PENDING') continue;
      const { status, decidedOn } = answer.value;
      const isRecordedNow = await db.transaction().execute(async (trx) => {
        const marked = await trx
          .updateTable('dossiers')
          .set({ federal_status: status, federal_decided_on: decidedOn })
          .where('id', '=', dossier.id)
          .where('federal_status', '=', 'SENT') // not yet recorded by another run
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) === 0) return false;
        await recordAuditEvent(trx, {
          actorUserId: null,
          action: 'DOSSIER_FEDERAL_DECISION_RECEIVED',
          subjectType: 'dossier',
          subjectId: dossier.id,
          details: { status, decidedOn },
        });
        return true;
      });
      if (isRecordedNow) decided += 1;
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      failed += 1;
    }
  }
  return { waiting: waiting.length, decided, failed };
}
