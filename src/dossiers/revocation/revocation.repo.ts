import type { Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { RevocationProposalsTable } from '../../db/schema.ts';

/** SQL of the withdrawal procedure: its proposals, and the federal office's notice. */
export type ProposalRow = Selectable<RevocationProposalsTable>;

export async function findOpenProposal(db: Db, dossierId: string): Promise<ProposalRow | undefined> {
  return db
    .selectFrom('revocation_proposals')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
}

/** Every proposal on the dossier, the latest first (open, dismissed or leading to the withdrawal). */
export async function listProposals(db: Db, dossierId: string): Promise<ProposalRow[]> {
  return db
    .selectFrom('revocation_proposals')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertProposal(
  trx: Db,
  row: Omit<
    ProposalRow,
    | 'id'
    | 'created_at'
    | 'answer'
    | 'answered_on'
    | 'answered_by'
    | 'outcome'
    | 'decided_on'
    | 'decided_by'
    | 'decision_note'
  >,
): Promise<ProposalRow> {
  return trx.insertInto('revocation_proposals').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function recordAnswer(
  trx: Db,
  proposalId: string,
  answer: { answer: string; answered_on: string; answered_by: string | null },
): Promise<void> {
  await trx.updateTable('revocation_proposals').set(answer).where('id', '=', proposalId).execute();
}

export async function recordOutcome(
  trx: Db,
  proposalId: string,
  outcome: {
    outcome: 'REVOKED' | 'DISMISSED';
    decided_on: string;
    decided_by: string | null;
    decision_note: string;
    ground_codes: string[];
  },
): Promise<void> {
  await trx.updateTable('revocation_proposals').set(outcome).where('id', '=', proposalId).execute();
  // The supervisors' notice of the proposal is done.
  const proposal = await trx
    .selectFrom('revocation_proposals')
    .select('dossier_id')
    .where('id', '=', proposalId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('staff_notifications')
    .set({ read_at: new Date() })
    .where('dossier_id', '=', proposal.dossier_id)
    .where('kind', '=', 'REVOCATION_TO_DECIDE')
    .where('read_at', 'is', null)
    .execute();
}

export async function notifySupervisors(trx: Db, dossierId: string, today: string): Promise<void> {
  await trx
    .insertInto('staff_notifications')
    .values({
      recipient_role: 'SUPERVISOR',
      kind: 'REVOCATION_TO_DECIDE',
      dossier_id: dossierId,
      created_on: today,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The federal office is told of the withdrawal through the outbox, sent by the same job as admissibility. */
export async function queueFederalRevocation(
  trx: Db,
  dossier: { id: string; number: string | null; federal_receipt_id: string | null },
  revokedOn: string,
  groundCodes: string[],
): Promise<void> {
  await trx
    .insertInto('federal_outbox')
    .values({
      dossier_id: dossier.id,
      kind: 'REVOCATION',
      idempotency_key: `revocation:${dossier.id}:${revokedOn}`,
      payload: {
        dossierNumber: dossier.number,
        receiptId: dossier.federal_receipt_id,
        revokedOn,
        groundCodes,
      },
    })
    .execute();
}
