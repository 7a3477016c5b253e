import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { effectiveDueDateSql, OPEN_STATUSES } from '../dossiers.repo.ts';

/**
 * The nightly deadline sweep: every open dossier past its legal due date is reported to the
 * supervisors once (a notification each), so no dossier slips past its deadline unseen.
 */
export async function sweepDeadlines(db: Db, today: string) {
  const due = effectiveDueDateSql(today);
  const overdue = await db
    .selectFrom('dossiers as d')
    .select(['d.id'])
    .where('d.status', 'in', [...OPEN_STATUSES])
    .where(sql<boolean>`${due} < ${today}::date`)
    .execute();
  if (overdue.length === 0) return { overdue: 0, notified: 0 };
  const inserted = await db
    .insertInto('staff_notifications')
    .columns(['recipient_role', 'kind', 'dossier_id', 'created_on'])
    .expression((eb) =>
      eb
        .selectFrom('dossiers as d')
        .select([
          sql.lit('SUPERVISOR').as('recipient_role'),
          sql.lit('DOSSIER_OVERDUE').as('kind'),
          'd.id',
          sql`${today}::date`.as('created_on'),
        ])
        .where(
          'd.id',
          'in',
          overdue.map((row) => row.id),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('staff_notifications as n')
                .select('n.id')
                .whereRef('n.dossier_id', '=', 'd.id')
                .where('n.kind', '=', 'DOSSIER_OVERDUE'),
            ),
          ),
        ),
    )
    .executeTakeFirst();
  return { overdue: overdue.length, notified: Number(inserted.numInsertedOrUpdatedRows ?? 0) };
}
