import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Pool } from '../talent-model.ts';
import type { PartnerKind, PartnerSettings } from './partner-model.ts';

/** SQL of the partner organisations' administration (migrations 0020 and 0040). */

export interface PartnerOrganisation extends PartnerSettings {
  id: string;
  active: boolean;
  deactivatedAt: string | null;
  /** How many accounts act for it (no names: the accounts page shows who). */
  accounts: number;
  /** How many candidates it keeps. */
  candidates: number;
}

export async function listPartnerOrganisations(db: Db, id?: string): Promise<PartnerOrganisation[]> {
  let query = db
    .selectFrom('talent_partners as p')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.pools',
      'p.retention_months',
      'p.deactivated_at',
      sql<number>`(select count(*) from talent_partner_members m where m.partner_id = p.id)::int`.as(
        'accounts',
      ),
      sql<number>`(select count(*) from talent_candidates c where c.partner_id = p.id)::int`.as('candidates'),
    ])
    .orderBy(sql`lower(p.name)`);
  if (id) query = query.where('p.id', '=', id);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as PartnerKind,
    pools: row.pools as Pool[],
    retentionMonths: row.retention_months,
    active: row.deactivated_at === null,
    deactivatedAt: row.deactivated_at === null ? null : new Date(row.deactivated_at).toISOString(),
    accounts: row.accounts,
    candidates: row.candidates,
  }));
}

export async function findPartnerOrganisation(db: Db, id: string): Promise<PartnerOrganisation | undefined> {
  return (await listPartnerOrganisations(db, id))[0];
}

export class DuplicatePartnerNameError extends Error {}

function rethrowDuplicate(error: unknown): never {
  if ((error as { constraint?: string }).constraint === 'talent_partners_name_key')
    throw new DuplicatePartnerNameError();
  throw error;
}

export async function insertPartnerOrganisation(db: Db, settings: PartnerSettings): Promise<string> {
  const row = await db
    .insertInto('talent_partners')
    .values({
      name: settings.name,
      kind: settings.kind,
      pools: settings.pools,
      retention_months: settings.retentionMonths,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(rethrowDuplicate);
  return row.id;
}

export async function updatePartnerOrganisation(
  db: Db,
  id: string,
  settings: PartnerSettings,
): Promise<void> {
  await db
    .updateTable('talent_partners')
    .set({
      name: settings.name,
      kind: settings.kind,
      pools: settings.pools,
      retention_months: settings.retentionMonths,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute()
    .catch(rethrowDuplicate);
}

export async function setPartnerActive(db: Db, id: string, active: boolean): Promise<void> {
  await db
    .updateTable('talent_partners')
    .set({ deactivated_at: active ? null : sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Locks the organisation for a change: two administrators' saves are applied in turn. */
export async function lockPartnerOrganisation(db: Db, id: string): Promise<void> {
  await db.selectFrom('talent_partners').select('id').where('id', '=', id).forUpdate().execute();
}
