import { sql } from 'kysely';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { LoketError } from '../../server/errors.ts';
import type { Acting } from '../change-dossier.ts';
import { lockDossier } from '../dossiers.repo.ts';
import { recordFeePaid } from '../handling/perform-action.ts';
import { type ImportError, matchPayments, parseBankTransactions } from './payment-import.ts';

const INSERT_BATCH_ROWS = 1_000;

export interface PaymentImportResult {
  transactions: number;
  matched: { dossierId: string; dossierNumber: string | null; line: number; status: string }[];
  unmatched: { line: number; reference: string | null; why: string }[];
  alreadyImported: number;
  errors: ImportError[];
}

/**
 * Imports a bank statement (CSV): each credit whose structured reference belongs to an unpaid fee
 * marks it paid and lets admissibility run; every line is kept in fee_payments with its outcome, so
 * an import can be explained afterwards, and a line imported before is recognised and skipped.
 * One transaction: an import is applied wholly or not at all.
 */
export async function importPayments(
  db: Db,
  csv: string,
  acting: Acting,
  today: string,
  lang: Lang,
): Promise<PaymentImportResult> {
  const parsed = parseBankTransactions(csv);
  const missingColumns = parsed.errors.filter((error) => error.rule === 'missing_column');
  if (missingColumns.length > 0) {
    throw new LoketError(
      'LOKET_VALIDATION_FAILED',
      {},
      missingColumns.map((error) => ({
        path: `body.${error.field}`,
        rule: 'missing_column',
        message: translate(lang, 'validation.required'),
      })),
    );
  }
  const references = [
    ...new Set(parsed.transactions.map((t) => t.reference).filter((r): r is string => r !== null)),
  ];
  return db.transaction().execute(async (trx) => {
    const seen = references.length
      ? await trx
          .selectFrom('fee_payments')
          .select(['reference', 'booked_on', 'amount_cents'])
          .where('reference', '=', sql<string>`any(${references})`)
          .execute()
      : [];
    const isKnown = (t: (typeof parsed.transactions)[number]) =>
      seen.some(
        (s) => s.reference === t.reference && s.booked_on === t.bookedOn && s.amount_cents === t.amountCents,
      );
    const fresh = parsed.transactions.filter((t) => !isKnown(t));
    const open = references.length
      ? await trx
          .selectFrom('dossiers')
          .select(['id', 'fee_reference', 'fee_amount_cents'])
          .where('fee_reference', '=', sql<string>`any(${references})`)
          .where('fee_paid_on', 'is', null)
          .execute()
      : [];
    const matches = matchPayments(
      fresh,
      open.map((d) => ({
        dossierId: d.id,
        reference: d.fee_reference as string,
        amountCents: d.fee_amount_cents ?? 0,
      })),
    );
    const result: PaymentImportResult = {
      transactions: parsed.transactions.length,
      matched: [],
      unmatched: matches.unmatched.map((u) => ({
        line: u.transaction.line,
        reference: u.transaction.reference,
        why: u.why,
      })),
      alreadyImported: parsed.transactions.length - fresh.length,
      errors: parsed.errors,
    };
    for (const { dossierId, transaction } of matches.matched) {
      const dossier = await lockDossier(trx, dossierId);
      if (!dossier) continue;
      const updated = await recordFeePaid(trx, dossier, acting, transaction.bookedOn, today);
      result.matched.push({
        dossierId,
        dossierNumber: updated.number,
        line: transaction.line,
        status: updated.status,
      });
    }
    const rows = [
      ...matches.matched.map((m) => ({
        dossier_id: m.dossierId,
        transaction: m.transaction,
        outcome: 'MATCHED' as const,
      })),
      ...matches.unmatched.map((u) => ({ dossier_id: null, transaction: u.transaction, outcome: u.why })),
    ];
    // In batches: one insert of a 12 000-line statement would pass PostgreSQL's 65 535 parameters.
    for (let start = 0; start < rows.length; start += INSERT_BATCH_ROWS) {
      await trx
        .insertInto('fee_payments')
        .values(
          rows.slice(start, start + INSERT_BATCH_ROWS).map((row) => ({
            dossier_id: row.dossier_id,
            booked_on: row.transaction.bookedOn,
            amount_cents: row.transaction.amountCents,
            reference: row.transaction.reference,
            outcome: row.outcome,
            imported_by: acting.userId,
          })),
        )
        .execute();
    }
    await recordAuditEvent(trx, {
      actorUserId: acting.userId,
      action: 'FEE_PAYMENTS_IMPORTED',
      subjectType: 'fee_payments',
      details: {
        transactions: result.transactions,
        matched: result.matched.length,
        unmatched: result.unmatched.length,
        alreadyImported: result.alreadyImported,
        errors: result.errors.length,
      },
    });
    return result;
  });
}
