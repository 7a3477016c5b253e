import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Lang } from '../i18n/languages.ts';
import { queryWords } from '../occupations/search-text.ts';
import { freeMovementGroupOf, getDefaultRuleData } from '../rules/index.ts';
import { summariseDossier } from './dossier-view.ts';
import { type DossierRow, OPEN_STATUSES } from './dossiers.repo.ts';
import type { DossierStatus } from './lifecycle/dossier-lifecycle.ts';
import { effectiveDueDate } from './lifecycle/legal-clock.ts';

/**
 * The employer's dossier list: searched by dossier number, worker name or function, filtered by
 * status, and what waits for the employer first. "Needs your action" is decided here, purely from
 * the dossier, so the list, its marker and its order agree.
 */
export const EMPLOYER_ACTIONS = [
  'ANSWER_HEARING',
  'ANSWER_INFORMATION',
  'PAY_FEE',
  'FINISH_DRAFT',
  'DELETE_DRAFT',
  'INFORM_WORKER',
] as const;
export type EmployerAction = (typeof EMPLOYER_ACTIONS)[number];

// While the service handles a dossier the worker should have been told the terms (policy note 002
// §2.8); once it is decided or closed there is nothing left to confirm.
const TERMS_EXPECTED = new Set(['SUBMITTED', 'ADMISSIBLE', 'IN_REVIEW', 'INFORMATION_REQUESTED']);

type ActionFacts = Pick<
  DossierRow,
  'status' | 'fee_reference' | 'fee_amount_cents' | 'fee_paid_on' | 'worker_terms_confirmed_at'
> &
  Partial<Pick<DossierRow, 'application'>>;

/**
 * Whether a draft's worker needs no work authorisation at all (Belgian, EU, EEA, Swiss: the rules'
 * WORK_AUTHORISATION_NOT_REQUIRED, on the filing date or `today`): such a draft can never be filed.
 */
export function draftNeedsNoAuthorisation(dossier: ActionFacts, today: string): boolean {
  if (dossier.status !== 'DRAFT') return false;
  const application = (dossier.application ?? {}) as {
    applicationDate?: unknown;
    worker?: { nationality?: unknown };
  };
  const nationality = application.worker?.nationality;
  if (typeof nationality !== 'string' || !/^[A-Z]{2}$/.test(nationality)) return false;
  const date = typeof application.applicationDate === 'string' ? application.applicationDate : today;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && freeMovementGroupOf(nationality, date) !== null;
}

/**
 * What the employer must do on a dossier now, most pressing first (empty: nothing). A proposed
 * withdrawal it has not answered, while its hearing runs (`hearingDueOn` on or after `today`),
 * comes first: the grant it holds is at stake (decision 012). A draft for a worker who needs no
 * authorisation is not to be finished but deleted.
 */
export function employerActionsFor(
  dossier: ActionFacts,
  hearing: { dueOn: string | null; today: string } = { dueOn: null, today: '' },
): EmployerAction[] {
  const actions: EmployerAction[] = [];
  if (dossier.status === 'DECIDED_GRANTED' && hearing.dueOn && hearing.dueOn >= hearing.today)
    actions.push('ANSWER_HEARING');
  if (dossier.status === 'INFORMATION_REQUESTED') actions.push('ANSWER_INFORMATION');
  if (
    dossier.status === 'SUBMITTED' &&
    dossier.fee_reference &&
    (dossier.fee_amount_cents ?? 0) > 0 &&
    !dossier.fee_paid_on
  )
    actions.push('PAY_FEE');
  if (dossier.status === 'DRAFT')
    actions.push(draftNeedsNoAuthorisation(dossier, hearing.today) ? 'DELETE_DRAFT' : 'FINISH_DRAFT');
  if (TERMS_EXPECTED.has(dossier.status) && !dossier.worker_terms_confirmed_at) actions.push('INFORM_WORKER');
  return actions;
}

/**
 * What is late on a dossier on `today`, said in the list as text: the service's legal deadline
 * passed on an open dossier (the clock's due date, lengthened while paused: legal-clock.ts), and
 * the employer's answer to a request for information not given by its day.
 */
export function lateness(
  dossier: Pick<DossierRow, 'status' | 'due_date' | 'paused_since'>,
  answerDueOn: string | null,
  today: string,
): { isOverdue: boolean; isAnswerLate: boolean } {
  const isOpen = (OPEN_STATUSES as readonly string[]).includes(dossier.status);
  const due = isOpen
    ? effectiveDueDate({ dueDate: dossier.due_date, pausedSince: dossier.paused_since }, today)
    : null;
  return {
    isOverdue: due !== null && due < today,
    isAnswerLate: dossier.status === 'INFORMATION_REQUESTED' && answerDueOn !== null && answerDueOn < today,
  };
}

export interface EmployerListFilter {
  /** Dossier number, worker name, job title or migration-list function; accents and case ignored. */
  search?: string;
  status?: DossierStatus;
  lang: Lang;
  /** Brussels' date, to tell whether a hearing still runs. */
  today: string;
}

const LIST_LIMIT = 500;
// Accented letters and their plain forms, so "Đorđević" is found as "dordevic" (as the pickers fold).
const ACCENTED = 'áàâäãåāăąçćčďđéèêëēėęěíìîïīįñńňóòôöõøōőšśşťúùûüūůűýÿžźżł';
const PLAIN = 'aaaaaaaaacccddeeeeeeeeiiiiiinnnoooooooossstuuuuuuuyyzzzl';

/** The migration-list functions (any version, any language) whose name holds every word. */
function migrationFunctionsMatching(words: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const version of getDefaultRuleData().migrationList) {
    for (const entry of version.entries) {
      const names = queryWords(Object.values(entry.labels).join(' ')).join(' ');
      if (words.every((word) => names.includes(word))) ids.add(entry.id);
    }
  }
  return [...ids];
}

export async function listEmployerDossiers(
  db: Db,
  enterprises: readonly string[],
  filter: EmployerListFilter,
) {
  if (enterprises.length === 0) return [];
  let query = db
    .selectFrom('dossiers as d')
    .selectAll('d')
    .select((eb) =>
      eb
        .selectFrom('information_requests as r')
        .select((r) => r.fn.min('r.answer_due_on').as('due'))
        .whereRef('r.dossier_id', '=', 'd.id')
        .where('r.answered_on', 'is', null)
        .as('answer_due_on'),
    )
    // The day an unanswered, undecided withdrawal proposal may be answered until (one at most).
    .select((eb) =>
      eb
        .selectFrom('revocation_proposals as p')
        .select('p.hearing_due_on')
        .whereRef('p.dossier_id', '=', 'd.id')
        .where('p.outcome', 'is', null)
        .where('p.answered_on', 'is', null)
        .limit(1)
        .as('hearing_due_on'),
    )
    .where('d.enterprise_number', 'in', [...enterprises])
    .where('d.deleted_at', 'is', null);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  const words = queryWords(filter.search ?? '');
  if (words.length > 0) {
    const haystack = sql<string>`translate(lower(concat_ws(' ', d.number,
      d.worker_identity ->> 'givenNames', d.worker_identity ->> 'familyName',
      d.application #>> '{job,title}')), ${ACCENTED}, ${PLAIN})`;
    const functions = migrationFunctionsMatching(words);
    query = query.where((eb) =>
      eb.or([
        eb.and(words.map((word) => eb(haystack, 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))),
        ...(functions.length > 0
          ? [eb(sql<string>`d.application #>> '{job,migrationListFunction}'`, 'in', functions)]
          : []),
      ]),
    );
  }
  const rows = await query.orderBy('d.updated_at', 'desc').limit(LIST_LIMIT).execute();
  const listed = rows.map((row) => ({
    ...summariseDossier(row),
    ...lateness(row, (row.answer_due_on as string | null) ?? null, filter.today),
    needsAction: employerActionsFor(row, {
      dueOn: (row.hearing_due_on as string | null) ?? null,
      today: filter.today,
    }),
    needsNoAuthorisation: draftNeedsNoAuthorisation(row, filter.today),
    answerDueOn: (row.answer_due_on as string | null) ?? null,
    hearingDueOn: (row.hearing_due_on as string | null) ?? null,
  }));
  // What waits for the employer first, each group newest first (the sort is stable).
  return listed.sort((a, b) => Number(b.needsAction.length > 0) - Number(a.needsAction.length > 0));
}
