import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { VacancyChannel } from '../../sources/index.ts';
import type { ImportedVacancy } from './imported-vacancy.ts';

/** SQL of the VDAB/EURES import (migration 0041). */

export interface ChannelSummary {
  channel: VacancyChannel;
  outcome: 'SUCCEEDED' | 'FAILED';
  pages: number;
  read: number;
  created: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
  skipped: Record<string, number>;
  /** Why the register gave no complete answer (`SourceUnavailableError`'s cause, or a contract break). */
  failure?: string;
}

export interface ImportRun {
  id: string;
  requestedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'SUCCEEDED' | 'PARTIAL' | 'FAILED' | null;
  channels: ChannelSummary[];
}

const jsonb = (value: unknown) => sql<never>`${JSON.stringify(value)}::jsonb`;

/**
 * Inserts or updates one imported vacancy, idempotent on the source's id: the same version again
 * changes nothing (`unchanged`); a newer version, or a status the source changed, updates it.
 */
export async function upsertImportedVacancy(
  db: Db,
  vacancy: ImportedVacancy,
): Promise<'created' | 'updated' | 'withdrawn' | 'unchanged'> {
  const values = {
    enterprise_number: vacancy.enterpriseNumber,
    created_by: null,
    occupation_id: vacancy.occupationId,
    isco_code: vacancy.iscoCode,
    title: vacancy.title,
    postal_code: vacancy.postalCode,
    required_vks: vacancy.requiredVks,
    languages: jsonb(vacancy.languages),
    start_date: vacancy.startDate,
    positions: vacancy.positions,
    on_vdab_shortage_list: vacancy.onVdabShortageList,
    status: vacancy.status,
    source: vacancy.source,
    search_text: vacancy.searchText,
    source_reference: vacancy.sourceReference,
    source_version: vacancy.sourceVersion,
    source_updated_at: vacancy.sourceUpdatedAt,
    published_until: vacancy.publishedUntil,
  };
  const row = await db
    .insertInto('talent_vacancies')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['source', 'source_reference'])
        .where('source_reference', 'is not', null)
        .doUpdateSet((eb) => ({
          enterprise_number: eb.ref('excluded.enterprise_number'),
          occupation_id: eb.ref('excluded.occupation_id'),
          isco_code: eb.ref('excluded.isco_code'),
          title: eb.ref('excluded.title'),
          postal_code: eb.ref('excluded.postal_code'),
          required_vks: eb.ref('excluded.required_vks'),
          languages: eb.ref('excluded.languages'),
          start_date: eb.ref('excluded.start_date'),
          positions: eb.ref('excluded.positions'),
          on_vdab_shortage_list: eb.ref('excluded.on_vdab_shortage_list'),
          status: eb.ref('excluded.status'),
          search_text: eb.ref('excluded.search_text'),
          source_version: eb.ref('excluded.source_version'),
          source_updated_at: eb.ref('excluded.source_updated_at'),
          published_until: eb.ref('excluded.published_until'),
          updated_at: new Date(),
        }))
        // An older or the same version never overwrites (a page read twice, a late answer).
        .where(
          sql<boolean>`(talent_vacancies.source_version < excluded.source_version
            or talent_vacancies.status is distinct from excluded.status)`,
        ),
    )
    // xmax is 0 for a row this statement inserted (PostgreSQL's usual tell of an upsert's insert).
    .returning([sql<boolean>`xmax = 0`.as('inserted'), 'status'])
    .executeTakeFirst();
  if (!row) return 'unchanged';
  if (row.inserted) return 'created';
  return row.status === 'WITHDRAWN' ? 'withdrawn' : 'updated';
}

/**
 * Open vacancies of a channel that its complete listing no longer has: the source stopped
 * publishing them, so they are withdrawn here too. Only called after every page was read.
 */
export async function withdrawMissing(
  db: Db,
  channel: VacancyChannel,
  listed: readonly string[],
): Promise<number> {
  let update = db
    .updateTable('talent_vacancies')
    .set({ status: 'WITHDRAWN', updated_at: new Date() })
    .where('source', '=', channel)
    .where('status', '=', 'OPEN');
  if (listed.length > 0) update = update.where('source_reference', 'not in', [...listed]);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function startImportRun(db: Db, requestedBy: string | null): Promise<string> {
  const row = await db
    .insertInto('talent_vacancy_imports')
    .values({ requested_by: requestedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishImportRun(
  db: Db,
  id: string,
  outcome: 'SUCCEEDED' | 'PARTIAL' | 'FAILED',
  channels: ChannelSummary[],
): Promise<void> {
  await db
    .updateTable('talent_vacancy_imports')
    .set({ outcome, finished_at: new Date(), channels: jsonb(channels) })
    .where('id', '=', id)
    .execute();
}

export async function listImportRuns(db: Db, filter: { limit: number; id?: string }): Promise<ImportRun[]> {
  let select = db.selectFrom('talent_vacancy_imports').selectAll();
  if (filter.id) select = select.where('id', '=', filter.id);
  const rows = await select.orderBy('started_at', 'desc').orderBy('id').limit(filter.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    requestedBy: row.requested_by,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    outcome: row.outcome,
    channels: row.channels as unknown as ChannelSummary[],
  }));
}
