import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../i18n/languages.ts';
import { translate } from '../../i18n/translate.ts';
import { queueReminderMails } from '../../notifications/mail-outbox.repo.ts';
import { addDays } from '../../rules/dates/iso-date.ts';
import { LoketError } from '../../server/errors.ts';

/**
 * The deadline on a request for information and its one reminder. The employer gets 15 days by
 * default (the term an incomplete application is given to be completed, reference practice);
 * the case handler may set another day, from tomorrow to 90 days out. Three days before the day,
 * the reminder job mails the employer once; after it the case handler sees the request overdue.
 */
export const DEFAULT_ANSWER_DAYS = 15;
export const MAX_ANSWER_DAYS = 90;
export const REMIND_DAYS_BEFORE = 3;

/** The day the answer is due: the case handler's, checked, or the default. */
export function answerDueOn(today: string, chosen: string | undefined, lang: Lang): string {
  if (chosen === undefined) return addDays(today, DEFAULT_ANSWER_DAYS);
  const latest = addDays(today, MAX_ANSWER_DAYS);
  if (chosen <= today || chosen > latest) {
    throw new LoketError('LOKET_VALIDATION_FAILED', {}, [
      {
        path: 'answerDueOn',
        rule: 'answerDueOn',
        message: translate(lang, 'validation.decision.answerDueOn', { days: MAX_ANSWER_DAYS }),
      },
    ]);
  }
  return chosen;
}

/** Whether an unanswered request is past its day (the day itself still counts as in time). */
export function isAnswerOverdue(
  request: { answer_due_on: string | null; answered_on: string | null },
  today: string,
): boolean {
  return request.answered_on === null && request.answer_due_on !== null && today > request.answer_due_on;
}

/** Whether the answer came after its day (accepted all the same: the case handler weighs it). */
export function isAnsweredLate(request: {
  answer_due_on: string | null;
  answered_on: string | null;
}): boolean {
  return (
    request.answered_on !== null &&
    request.answer_due_on !== null &&
    request.answered_on > request.answer_due_on
  );
}

/**
 * The reminder job: every unanswered request whose day is at most REMIND_DAYS_BEFORE away (and
 * not past), asked before today, on a dossier still waiting for the answer, gets its reminder
 * queued once. Marking the request and queueing the mails happen in one transaction per request,
 * so a crash never sends a reminder twice nor loses one.
 */
export async function remindInformationRequests(db: Db, today: string) {
  const due = await db
    .selectFrom('information_requests as r')
    .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
    .select(['r.id'])
    .where('r.answered_on', 'is', null)
    .where('r.reminder_queued_at', 'is', null)
    .where('d.status', '=', 'INFORMATION_REQUESTED')
    .where('r.requested_on', '<', today)
    .where('r.answer_due_on', '>=', today)
    .where('r.answer_due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
    .execute();
  let mails = 0;
  for (const { id } of due) {
    mails += await db.transaction().execute(async (trx) => {
      const request = await trx
        .updateTable('information_requests')
        .set({ reminder_queued_at: sql<Date>`now()` })
        .where('id', '=', id)
        .where('reminder_queued_at', 'is', null)
        .returning(['dossier_id', 'answer_due_on'])
        .executeTakeFirst();
      if (!request?.answer_due_on) return 0;
      const dossier = await trx
        .selectFrom('dossiers')
        .select(['id', 'number', 'version', 'enterprise_number', 'lang', 'worker_email', 'status'])
        .where('id', '=', request.dossier_id)
        .executeTakeFirstOrThrow();
      return queueReminderMails(trx, dossier, request.answer_due_on);
    });
  }
  return { reminded: due.length, mails };
}
