import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { DossiersTable } from '../db/schema.ts';
import type { Actor, DossierAction, LoggedAction } from './lifecycle/dossier-lifecycle.ts';

/** SQL of the dossier tables. No business decisions here: those are in lifecycle/ and the use cases. */

export type DossierRow = Selectable<DossiersTable>;

export const OPEN_STATUSES = [
  'SUBMITTED',
  'ADMISSIBLE',
  'IN_REVIEW',
  'INFORMATION_REQUESTED',
  'APPEALED',
] as const;

// A deleted draft (deleted_at set) is gone for every reader and writer: these never return it.
export async function findDossier(db: Db, id: string): Promise<DossierRow | undefined> {
  return db
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findDossierByNumber(db: Db, number: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('number', '=', number).executeTakeFirst();
}

/** The row, locked until the transaction ends: changes to one dossier are serialised. */
export async function lockDossier(trx: Db, id: string): Promise<DossierRow | undefined> {
  return trx
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export interface ActionRecord extends LoggedAction {
  id: string;
  actorUserId: string | null;
  actorName: string | null;
  occurredAt: Date;
  details: Record<string, unknown>;
}

export async function listActions(db: Db, dossierId: string): Promise<ActionRecord[]> {
  const rows = await db
    .selectFrom('dossier_actions as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.action',
      'a.actor',
      'a.actor_user_id',
      'a.effective_on',
      'a.occurred_at',
      'a.details',
      'u.display_name',
    ])
    .where('a.dossier_id', '=', dossierId)
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    action: row.action as DossierAction,
    by: row.actor as Actor,
    on: row.effective_on,
    actorUserId: row.actor_user_id,
    actorName: row.display_name,
    occurredAt: row.occurred_at,
    details: row.details,
  }));
}

export async function insertAction(
  trx: Db,
  action: {
    dossierId: string;
    action: DossierAction;
    actor: Actor;
    actorUserId: string | null;
    on: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('dossier_actions')
    .values({
      dossier_id: action.dossierId,
      action: action.action,
      actor: action.actor,
      actor_user_id: action.actorUserId,
      effective_on: action.on,
      details: action.details ?? {},
    })
    .execute();
}

/** `VL-2026-000042`: the year of submission and a number that never repeats. */
export async function nextDossierNumber(trx: Db, year: number): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('dossier_number_seq') as n`.execute(trx);
  return `VL-${year}-${String(rows[0]?.n).padStart(6, '0')}`;
}

export async function nextFeeSequence(trx: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select nextval('fee_reference_seq') as n`.execute(trx);
  return Number(rows[0]?.n);
}

/** The enterprises an employer account acts for: its own and those it holds a mandate of. */
export async function enterprisesOf(
  db: Db,
  user: { id: string; enterpriseNumber: string | null },
): Promise<string[]> {
  const mandates = await db
    .selectFrom('employer_mandates')
    .select('enterprise_number')
    .where('user_id', '=', user.id)
    .orderBy('enterprise_number')
    .execute();
  const numbers = mandates.map((m) => m.enterprise_number);
  return user.enterpriseNumber
    ? [user.enterpriseNumber, ...numbers.filter((n) => n !== user.enterpriseNumber)]
    : numbers;
}

export async function listDocumentTypes(db: Db, dossierId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dossier_documents')
    .select('document_type')
    .where('dossier_id', '=', dossierId)
    .where('removed_at', 'is', null)
    .execute();
  return rows.map((row) => row.document_type);
}

/**
 * The effective due date on `today`, in SQL, the same as `effectiveDueDate` in legal-clock.ts:
 * while information is requested, the days since the request are added.
 */
export function effectiveDueDateSql(today: string) {
  return sql<string | null>`case when d.paused_since is not null
    then d.due_date + (${today}::date - d.paused_since) else d.due_date end`;
}
