import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { SimulationDossier } from './simulation-diff.ts';

/** The stored dossiers a policy simulation re-assesses, and the proposal it evaluates. */

export interface SimulationFilter {
  /** Submission dates, inclusive, Brussels time. */
  from: string;
  to: string;
  /** Empty: every category. */
  categories: readonly string[];
}

function where(filter: SimulationFilter) {
  const categories =
    filter.categories.length > 0 ? sql`and d.category = any(${[...filter.categories]}::text[])` : sql``;
  return sql`d.submitted_at is not null and d.deleted_at is null
    and (d.submitted_at at time zone 'Europe/Brussels')::date between ${filter.from}::date and ${filter.to}::date
    ${categories}`;
}

export async function countSimulationDossiers(db: Db, filter: SimulationFilter): Promise<number> {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from dossiers d where ${where(filter)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The dossiers in pages of `pageSize`, in id order (keyset, so a page costs the same at the end as
 * at the start). Only what the rules read: the stored application, the number, category and year.
 */
export async function* readSimulationDossiers(
  db: Db,
  filter: SimulationFilter,
  pageSize = 5000,
): AsyncGenerator<SimulationDossier[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{
      id: string;
      number: string | null;
      category: string;
      year: number;
      application: unknown;
    }>`select d.id::text, d.number, d.category,
        extract(year from d.submitted_at at time zone 'Europe/Brussels')::int as year, d.application
      from dossiers d where ${where(filter)} and d.id > ${after}::uuid
      order by d.id limit ${pageSize}`.execute(db);
    if (rows.length === 0) return;
    after = (rows.at(-1) as { id: string }).id;
    yield rows.map((row) => ({
      reference: row.number ?? row.id,
      category: row.category,
      year: row.year,
      application: row.application,
    }));
    if (rows.length < pageSize) return;
  }
}

export interface StoredProposal {
  kind: 'parameter' | 'list';
  id: string;
  subject: string;
  state: string;
  validFrom: string;
  value: unknown;
}

/** A proposal with its value (a parameter) or its functions (a list version); undefined if none. */
export async function readProposal(
  db: Db,
  kind: 'parameter' | 'list',
  id: string,
): Promise<StoredProposal | undefined> {
  if (kind === 'parameter') {
    const row = await db
      .selectFrom('rule_parameter_versions')
      .select(['name', 'state', 'valid_from', 'value', 'origin'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row?.origin !== 'PROPOSAL') return undefined;
    return { kind, id, subject: row.name, state: row.state, validFrom: row.valid_from, value: row.value };
  }
  const row = await db
    .selectFrom('rule_list_versions')
    .select(['list', 'state', 'valid_from', 'entries', 'origin'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.origin !== 'PROPOSAL') return undefined;
  return { kind, id, subject: row.list, state: row.state, validFrom: row.valid_from, value: row.entries };
}
