import type { Db } from '../../db/client.ts';
import { toDayNumber } from '../../rules/dates/iso-date.ts';
import { brusselsDate } from '../../server/today.ts';
import { effectiveDueDateSql, OPEN_STATUSES } from '../dossiers.repo.ts';
import { clockStartOf, runsFromSubmission } from '../lifecycle/legal-clock.ts';
import {
  type DecidedDossier,
  isUnderAverageTarget,
  overallAgainstTarget,
  summariseLeadTimes,
} from './lead-times.ts';

/** Open dossiers per case handler, with those at risk or overdue today. */
export async function workloadPerCaseHandler(db: Db, today: string) {
  const due = effectiveDueDateSql(today);
  const rows = await db
    .selectFrom('users as u')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('dossiers as d')
          .select(['d.assigned_to', 'd.paused_since', due.as('due')])
          .where('d.status', 'in', [...OPEN_STATUSES])
          .as('o'),
      (join) => join.onRef('o.assigned_to', '=', 'u.id'),
    )
    .select(['u.id', 'u.display_name', 'u.role', 'o.due', 'o.paused_since', 'o.assigned_to'])
    .where('u.role', 'in', ['CASE_HANDLER', 'SUPERVISOR'])
    .where('u.disabled_at', 'is', null)
    .execute();
  const todayNumber = toDayNumber(today);
  const byUser = new Map<
    string,
    { userId: string; displayName: string; role: string; open: number; atRisk: number; overdue: number }
  >();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? {
      userId: row.id,
      displayName: row.display_name,
      role: row.role,
      open: 0,
      atRisk: 0,
      overdue: 0,
    };
    if (row.assigned_to) {
      entry.open += 1;
      const daysLeft = row.due ? toDayNumber(row.due) - todayNumber : null;
      if (daysLeft !== null && daysLeft < 0) entry.overdue += 1;
      else if (daysLeft !== null && daysLeft <= 3 && !row.paused_since) entry.atRisk += 1;
    }
    byUser.set(row.id, entry);
  }
  const unassigned = await db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', [...OPEN_STATUSES])
    .where('assigned_to', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    caseHandlers: [...byUser.values()].sort(
      (a, b) => b.open - a.open || a.displayName.localeCompare(b.displayName),
    ),
    unassigned: Number(unassigned.n),
  };
}

/**
 * The day a decided dossier's lead time counts from: the day its legal clock started (legal-clock.ts),
 * so the figure and the deadline measure the same span. Standard track: admissibility; fast lane:
 * the application (§2.2 "vanaf het moment van aanvraag"), or the payment when the fee was paid later.
 */
export function leadTimeStart(row: {
  assessment: unknown;
  submitted_on: string | null;
  fee_paid_on: string | null;
  admissible_on: string;
}): string {
  const startsAt = clockStartOf(row.assessment, row.fee_paid_on);
  if (!runsFromSubmission(startsAt) || row.submitted_on === null) return row.admissible_on;
  return typeof startsAt === 'object' && startsAt.feePaidOn > row.submitted_on
    ? startsAt.feePaidOn
    : row.submitted_on;
}

/**
 * Lead time from the clock's start to the regional decision, per category, for decisions in
 * [from, to], and the one line over all categories against the §2.4 target.
 */
export async function leadTimesPerCategory(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('dossiers')
    .select([
      'category',
      'assessment',
      'submitted_at',
      'fee_paid_on',
      'admissible_on',
      'decided_on',
      'due_date',
    ])
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', to)
    .where('admissible_on', 'is not', null)
    .execute();
  const decided = rows.map((row): DecidedDossier => {
    const submittedOn = row.submitted_at ? brusselsDate(new Date(row.submitted_at)) : null;
    const start = leadTimeStart({
      ...row,
      submitted_on: submittedOn,
      admissible_on: row.admissible_on as string,
    });
    return {
      category: row.category,
      leadTimeDays: toDayNumber(row.decided_on as string) - toDayNumber(start),
      isWithinDeadline: row.due_date !== null && (row.decided_on as string) <= row.due_date,
      isUnderAverageTarget: isUnderAverageTarget(row.category, submittedOn),
    };
  });
  return { categories: summariseLeadTimes(decided), overall: overallAgainstTarget(decided) };
}
