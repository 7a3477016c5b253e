import type { Db } from '../../db/client.ts';
import type { Assessment } from '../../rules/index.ts';
import { changeDossier, SYSTEM } from '../change-dossier.ts';
import { type DossierRow, listDocumentTypes } from '../dossiers.repo.ts';
import { checkAdmissibility } from '../lifecycle/admissibility.ts';

/**
 * Runs admissibility on a submitted dossier (inside the caller's transaction, on a locked row) and
 * records Loket's decision. An admissible dossier is queued for the federal immigration office in
 * the same transaction (outbox), so work and residence are handled in parallel and a federal
 * outage never loses the hand-over.
 */
export async function runAdmissibility(trx: Db, dossier: DossierRow, today: string): Promise<DossierRow> {
  if (dossier.status !== 'SUBMITTED' || !dossier.assessment) return dossier;
  const result = checkAdmissibility({
    assessment: dossier.assessment as unknown as Assessment,
    documentTypes: await listDocumentTypes(trx, dossier.id),
    feeAmountDueCents: dossier.fee_amount_cents ?? 0,
    isFeePaid: dossier.fee_paid_on !== null,
  });
  if (result.decision === 'AWAITING_FEE') return dossier;
  if (result.decision === 'INADMISSIBLE') {
    return changeDossier(trx, dossier, {
      action: 'DECLARE_INADMISSIBLE',
      acting: SYSTEM,
      on: today,
      details: { grounds: result.grounds, legalBasis: result.legalBasis },
    });
  }
  const admissible = await changeDossier(trx, dossier, {
    action: 'DECLARE_ADMISSIBLE',
    acting: SYSTEM,
    on: today,
    patch: { admissible_on: today },
  });
  const application = dossier.application as { worker?: Record<string, unknown> };
  await trx
    .insertInto('federal_outbox')
    .values({
      dossier_id: dossier.id,
      idempotency_key: `admissible:${dossier.id}`,
      payload: {
        dossierNumber: dossier.number,
        category: dossier.category,
        enterpriseNumber: dossier.enterprise_number,
        worker: {
          insz: application.worker?.insz ?? null,
          birthDate: application.worker?.birthDate,
          nationality: application.worker?.nationality,
        },
        admissibleOn: today,
      },
    })
    .execute();
  return admissible;
}
