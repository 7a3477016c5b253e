import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { LoketError } from '../../server/errors.ts';
import { type Acting, assertVersion } from '../change-dossier.ts';
import { type DossierRow, lockDossier, OPEN_STATUSES } from '../dossiers.repo.ts';
import { insertStaffEntry } from '../staff/staff-entries.repo.ts';

/**
 * Who works a dossier. One dossier (a case handler takes it, a supervisor hands it on) or many at
 * once (the supervisor's bulk assignment): either way only open dossiers, each change in the
 * dossier's staff history and the audit trail, all in one transaction.
 */

function invalid(path: string, rule: string, message: string): LoketError {
  return new LoketError('LOKET_VALIDATION_FAILED', {}, [{ path, rule, message }]);
}

async function checkAssignee(trx: Db, assigneeId: string | null, lang: Lang): Promise<void> {
  if (!assigneeId) return;
  const assignee = await trx
    .selectFrom('users')
    .select('role')
    .where('id', '=', assigneeId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!assignee || (assignee.role !== 'CASE_HANDLER' && assignee.role !== 'SUPERVISOR')) {
    throw invalid('assigneeId', 'caseHandler', translate(lang, 'validation.decision.assignee'));
  }
}

const isOpen = (dossier: DossierRow) => (OPEN_STATUSES as readonly string[]).includes(dossier.status);

/** Assigns one locked dossier: the row, its staff history and the audit trail. */
async function assignLocked(
  trx: Db,
  dossier: DossierRow,
  acting: Acting,
  assigneeId: string | null,
  today: string,
  isBulk: boolean,
): Promise<DossierRow> {
  const updated = await trx
    .updateTable('dossiers')
    .set({ assigned_to: assigneeId, version: dossier.version + 1, updated_at: new Date() })
    .where('id', '=', dossier.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertStaffEntry(trx, {
    dossierId: dossier.id,
    kind: 'ASSIGNED',
    actorUserId: acting.userId,
    on: today,
    details: { from: dossier.assigned_to, to: assigneeId, ...(isBulk ? { bulk: true } : {}) },
  });
  await recordAuditEvent(trx, {
    actorUserId: acting.userId,
    action: 'DOSSIER_ASSIGNED',
    subjectType: 'dossier',
    subjectId: dossier.id,
    ...(acting.requestId ? { requestId: acting.requestId } : {}),
    details: {
      from: dossier.assigned_to,
      to: assigneeId,
      version: updated.version,
      ...(isBulk ? { bulk: true } : {}),
    },
  });
  return updated;
}

export async function assignDossier(
  db: Db,
  dossierId: string,
  acting: Acting,
  input: { assigneeId: string | null; version: number; lang: Lang; today: string },
): Promise<DossierRow> {
  return db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, dossierId);
    if (!dossier) throw new LoketError('LOKET_NOT_FOUND');
    assertVersion(dossier, input.version);
    await checkAssignee(trx, input.assigneeId, input.lang);
    if (!isOpen(dossier)) {
      throw invalid(
        'params.id',
        'dossierClosed',
        translate(input.lang, 'validation.assignment.closed', { number: dossier.number ?? dossier.id }),
      );
    }
    return assignLocked(trx, dossier, acting, input.assigneeId, input.today, false);
  });
}

/**
 * The supervisor's bulk assignment: every dossier or none. The rows are locked in id order (two
 * bulk assignments over the same dossiers cannot deadlock); a dossier that cannot be assigned
 * (unknown, closed) fails the whole request, naming its position in `dossierIds`.
 */
export async function assignDossiers(
  db: Db,
  dossierIds: readonly string[],
  acting: Acting,
  input: { assigneeId: string | null; lang: Lang; today: string },
): Promise<DossierRow[]> {
  const unique = [...new Set(dossierIds)];
  if (unique.length !== dossierIds.length) {
    throw invalid('dossierIds', 'uniqueItems', translate(input.lang, 'validation.uniqueItems'));
  }
  return db.transaction().execute(async (trx) => {
    await checkAssignee(trx, input.assigneeId, input.lang);
    const locked = new Map<string, DossierRow>();
    for (const id of [...unique].sort()) {
      const dossier = await lockDossier(trx, id);
      if (dossier) locked.set(id, dossier);
    }
    const fields = dossierIds.flatMap((id, index) => {
      const dossier = locked.get(id);
      if (!dossier?.number) {
        return [
          {
            path: `dossierIds[${index}]`,
            rule: 'notFound',
            message: translate(input.lang, 'validation.assignment.notFound'),
          },
        ];
      }
      if (!isOpen(dossier)) {
        return [
          {
            path: `dossierIds[${index}]`,
            rule: 'dossierClosed',
            message: translate(input.lang, 'validation.assignment.closed', { number: dossier.number }),
          },
        ];
      }
      return [];
    });
    if (fields.length > 0) throw new LoketError('LOKET_VALIDATION_FAILED', {}, fields);
    const assigned: DossierRow[] = [];
    for (const id of dossierIds) {
      assigned.push(
        await assignLocked(trx, locked.get(id) as DossierRow, acting, input.assigneeId, input.today, true),
      );
    }
    return assigned;
  });
}
