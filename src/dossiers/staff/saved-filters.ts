import Type, { type Static } from 'typebox';
import { recordAuditEvent } from '../../audit/audit.repo.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { CATEGORIES } from '../../rules/index.ts';
import { LoketError } from '../../server/errors.ts';
import { QUEUE_SORTS, QUEUE_STATUSES, SORT_DIRECTIONS } from '../handling/queue-statuses.ts';

/**
 * A staff user's named queue filters: what the queue page's form and column headers set (scope,
 * status, category, search, sort), kept per user in the database so they follow the user from
 * machine to machine. Saving under a name the user already has replaces that filter.
 */
export const SavedQuerySchema = Type.Object(
  {
    scope: Type.Optional(Type.Enum(['mine', 'unassigned', 'all'])),
    status: Type.Optional(Type.Enum(QUEUE_STATUSES)),
    category: Type.Optional(Type.Enum(CATEGORIES)),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(Type.Enum(QUEUE_SORTS)),
    direction: Type.Optional(Type.Enum(SORT_DIRECTIONS)),
  },
  { additionalProperties: false },
);
export type SavedQuery = Static<typeof SavedQuerySchema>;

/** Enough for anyone's working habits; more is a sign of a script, not a person. */
export const MAX_SAVED_FILTERS = 30;

export interface SavedFilter {
  id: string;
  name: string;
  query: SavedQuery;
  createdAt: string;
}

export async function listSavedFilters(db: Db, userId: string): Promise<SavedFilter[]> {
  const rows = await db
    .selectFrom('staff_saved_filters')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    query: row.query as SavedQuery,
    createdAt: row.created_at.toISOString(),
  }));
}

export async function saveFilter(
  db: Db,
  userId: string,
  input: { name: string; query: SavedQuery; lang: Lang; requestId: string },
): Promise<SavedFilter> {
  const name = input.name.trim();
  if (!name) {
    throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
      { path: 'name', rule: 'required', message: translate(input.lang, 'validation.required') },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    // One user's saves are serialised, so the count below holds.
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
    const existing = await trx
      .selectFrom('staff_saved_filters')
      .select(['name'])
      .where('user_id', '=', userId)
      .execute();
    if (!existing.some((row) => row.name === name) && existing.length >= MAX_SAVED_FILTERS) {
      throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
        {
          path: 'name',
          rule: 'maxSavedFilters',
          message: translate(input.lang, 'validation.savedFilters.tooMany', { limit: MAX_SAVED_FILTERS }),
        },
      ]);
    }
    const row = await trx
      .insertInto('staff_saved_filters')
      .values({ user_id: userId, name, query: input.query })
      .onConflict((oc) =>
        oc.columns(['user_id', 'name']).doUpdateSet({ query: input.query, created_at: new Date() }),
      )
      .returning(['id', 'name', 'query', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: 'STAFF_FILTER_SAVED',
      subjectType: 'saved_filter',
      subjectId: row.id,
      requestId: input.requestId,
      details: { query: input.query },
    });
    return {
      id: row.id,
      name: row.name,
      query: row.query as SavedQuery,
      createdAt: row.created_at.toISOString(),
    };
  });
}

export async function deleteSavedFilter(
  db: Db,
  userId: string,
  id: string,
  requestId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('staff_saved_filters')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    // Another user's filter does not exist for this one.
    if (!deleted) throw new LoketError('LOKET_NOT_FOUND');
    await recordAuditEvent(trx, {
      actorUserId: userId,
      action: 'STAFF_FILTER_DELETED',
      subjectType: 'saved_filter',
      subjectId: id,
      requestId,
    });
  });
}
