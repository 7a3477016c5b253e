import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { toDayNumber } from '../../rules/dates/iso-date.ts';
import { effectiveDueDateSql, OPEN_STATUSES } from '../dossiers.repo.ts';
import { QUEUE_STATUSES, type QueueSort, type QueueStatus, type SortDirection } from './queue-statuses.ts';

/**
 * The case handlers' queue: open dossiers, the fewest days left first; dossiers whose clock has
 * not started (awaiting the fee) come last. "At risk" is the same 3-day window as the legal clock.
 * Without a status filter the queue holds the open dossiers; a status filter reaches every status
 * staff may see, closed ones included (granted, refused, inadmissible, withdrawn), so a closed
 * dossier can always be found again. Drafts belong to the employer and never reach the queue.
 */
export interface QueueFilter {
  scope: 'mine' | 'unassigned' | 'all';
  status?: QueueStatus;
  category?: string;
  /** Dossier number, worker name or enterprise number (dots and spaces ignored). */
  search?: string;
  /** Without one: fewest days left first (the legal clock), then the oldest submission. */
  sort?: QueueSort;
  direction?: SortDirection;
  limit: number;
  offset: number;
}

/** `%`, `_` and `\` match literally in the search, not as LIKE wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const AT_RISK_DAYS = 3;

/**
 * What the search looks in: the dossier number, the worker's name in both orders and the
 * enterprise number, joined by line feeds (a search box cannot hold one, so no match spans two
 * fields). Written exactly as the trigram index of migration 0014 is, so the planner uses it.
 */
export const QUEUE_SEARCH_TEXT = sql<string>`(coalesce(d.number, '') || E'\\n' || coalesce(d.worker_identity ->> 'givenNames', '') || ' ' || coalesce(d.worker_identity ->> 'familyName', '') || E'\\n' || coalesce(d.worker_identity ->> 'familyName', '') || ' ' || coalesce(d.worker_identity ->> 'givenNames', '') || E'\\n' || d.enterprise_number)`;

/** The SQL of a sort column; names sort as "family name, given names", case and accents folded. */
function sortColumn(sort: QueueSort, due: ReturnType<typeof effectiveDueDateSql>) {
  switch (sort) {
    case 'dueDate':
      return due;
    case 'number':
      return sql`d.number`;
    case 'category':
      return sql`d.category`;
    case 'status':
      // In the order of the lifecycle (submitted → in review → decided), not alphabetically.
      return sql`array_position(${sql.raw(`ARRAY[${QUEUE_STATUSES.map((st) => `'${st}'`).join(',')}]`)}::text[], d.status)`;
    case 'submittedAt':
      return sql`d.submitted_at`;
    case 'worker':
      return sql`lower(concat_ws(' ', d.worker_identity->>'familyName', d.worker_identity->>'givenNames'))`;
    case 'assignee':
      return sql`lower(u.display_name)`;
  }
}

/** The queue's rows as one query (a page, sorted, each row carrying the total), and its filter alone. */
export function queueQuery(db: Db, userId: string, filter: QueueFilter, today: string) {
  const due = effectiveDueDateSql(today);
  let query = db
    .selectFrom('dossiers as d')
    .leftJoin('users as u', 'u.id', 'd.assigned_to')
    .select([
      'd.id',
      'd.number',
      'd.status',
      'd.category',
      'd.kind',
      'd.enterprise_number',
      'd.worker_identity',
      'd.version',
      'd.paused_since',
      'd.fee_paid_on',
      'd.fee_amount_cents',
      'd.submitted_at',
      'd.pending_refusal',
      'u.id as assignee_id',
      'u.display_name as assignee_name',
      due.as('effective_due_date'),
    ])
    // A search looks for one dossier, open or closed; browsing without one shows the open work.
    .where(
      'd.status',
      'in',
      filter.status ? [filter.status] : filter.search?.trim() ? [...QUEUE_STATUSES] : [...OPEN_STATUSES],
    );
  if (filter.scope === 'mine') query = query.where('d.assigned_to', '=', userId);
  if (filter.scope === 'unassigned') query = query.where('d.assigned_to', 'is', null);
  const search = filter.search?.trim();
  if (search) {
    // One search text, served by its trigram index (migration 0014); names in either order.
    const digits = search.replace(/[.\s]/g, '');
    query = query.where((eb) =>
      eb.or([
        eb(QUEUE_SEARCH_TEXT, 'ilike', likePattern(search)),
        ...(/^\d{4,10}$/.test(digits) ? [eb(QUEUE_SEARCH_TEXT, 'like', likePattern(digits))] : []),
      ]),
    );
  }
  if (filter.category) query = query.where('d.category', '=', filter.category);
  // The total rides along on each row (a window count over the same scan the sort needs anyway):
  // one query instead of two. A page past the end has no row to carry it, and is counted apart.
  const page = query
    .select(sql<number>`count(*) over ()`.as('total_count'))
    .$call((q) => {
      const direction = filter.direction === 'desc' ? sql`desc` : sql`asc`;
      // Empty values (no deadline, nobody assigned) last in either direction.
      const sorted = filter.sort
        ? q.orderBy(sql`${sortColumn(filter.sort, due)} ${direction} nulls last`)
        : q.orderBy(sql`${due} asc nulls last`);
      return sorted.orderBy('d.submitted_at').orderBy('d.id');
    })
    .limit(filter.limit)
    .offset(filter.offset);
  return { page, filtered: query };
}

export async function listQueue(db: Db, userId: string, filter: QueueFilter, today: string) {
  const { page, filtered: query } = queueQuery(db, userId, filter, today);
  const rows = await page.execute();
  const total =
    rows.length > 0
      ? Number(rows[0]?.total_count)
      : filter.offset === 0
        ? 0
        : Number(
            (
              await query
                .clearSelect()
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
  const todayNumber = toDayNumber(today);
  return {
    total,
    items: rows.map((row) => {
      // A closed dossier has no deadline left to keep: no days, no risk or overdue signal.
      const isOpen = (OPEN_STATUSES as readonly string[]).includes(row.status);
      const dueDate = isOpen ? row.effective_due_date : null;
      const daysLeft = dueDate ? toDayNumber(dueDate) - todayNumber : null;
      const identity = row.worker_identity as { givenNames?: string; familyName?: string };
      const isPaused = row.paused_since !== null;
      return {
        id: row.id,
        number: row.number,
        status: row.status,
        category: row.category,
        kind: row.kind,
        enterpriseNumber: row.enterprise_number,
        workerName: [identity.givenNames, identity.familyName].filter(Boolean).join(' ') || null,
        version: row.version,
        dueDate,
        daysLeft,
        isPaused,
        isAtRisk: !isPaused && daysLeft !== null && daysLeft >= 0 && daysLeft <= AT_RISK_DAYS,
        isOverdue: daysLeft !== null && daysLeft < 0,
        isAwaitingFee:
          row.status === 'SUBMITTED' && (row.fee_amount_cents ?? 0) > 0 && row.fee_paid_on === null,
        hasRefusalToCoSign: row.pending_refusal !== null,
        assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name } : null,
      };
    }),
  };
}
