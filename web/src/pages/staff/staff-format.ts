import {
  QUEUE_SORTS,
  type QueueSort,
  SORT_DIRECTIONS,
  type SortDirection,
} from '../../../../src/dossiers/handling/queue-statuses.ts';
import { defaultValidity as proposeValidity } from '../../../../src/rules/dates/default-validity.ts';
import { addMonths, formatBelgianDate, isIsoDate } from '../../../../src/rules/dates/iso-date.ts';
import { categoryLabel } from '../../category-labels.ts';
import { formatMoney } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n.ts';
import { dossierStatusLabel } from '../../status-labels.ts';
import type { QueueItem } from './staff-types.ts';

/** Pure helpers of the service side's pages: labels, dates, queue flags, URL queries, defaults. */

export type LabelGroup =
  | 'statuses'
  | 'categories'
  | 'kinds'
  | 'actions'
  | 'actors'
  | 'documentTypes'
  | 'reasons'
  | 'outcomes'
  | 'effects'
  | 'procedureTypes'
  | 'tracks'
  | 'letterKinds'
  | 'notificationKinds'
  | 'steps'
  | 'questions'
  | 'options'
  | 'grounds'
  | 'appealOutcomes'
  | 'appealFollowUps'
  | 'register.facts'
  | 'register.sources'
  | 'register.subjects'
  | 'register.enterpriseStatuses'
  | 'register.recognitionStates';

/**
 * The label of a code the server sends (status, category, reason…). A code the catalogue does not
 * know yet (the server gained one) shows as itself rather than as a broken key.
 */
export function labelOf(t: Translate, group: LabelGroup, code: string | number): string {
  if (group === 'categories') return categoryLabel(t, String(code)); // shared with every other page
  if (group === 'statuses') return dossierStatusLabel(t, String(code)); // the employer's names too
  return t(`staff.${group}.${code}` as MessageKey, { defaultValue: String(code) });
}

/** A date as Belgians write it (dd/mm/yyyy); the empty mark when there is none. */
export function formatDate(iso: string | null | undefined, none = '—'): string {
  if (!iso) return none;
  return formatBelgianDate(iso.slice(0, 10));
}

export function formatEuro(amount: number, lang: string): string {
  return formatMoney(lang, amount);
}

export type QueueFlag = 'overdue' | 'atRisk' | 'paused' | 'awaitingFee' | 'coSign';

/** What needs attention in a queue row, most urgent first; each is shown as text, not colour alone. */
export function queueFlags(item: QueueItem): QueueFlag[] {
  const flags: QueueFlag[] = [];
  if (item.isOverdue) flags.push('overdue');
  if (item.isAtRisk) flags.push('atRisk');
  if (item.isPaused) flags.push('paused');
  if (item.isAwaitingFee) flags.push('awaitingFee');
  if (item.hasRefusalToCoSign) flags.push('coSign');
  return flags;
}

export const QUEUE_SCOPES = ['mine', 'unassigned', 'all'] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];
export const QUEUE_PAGE_SIZE = 25;

export interface QueueQuery {
  scope: QueueScope;
  status: string;
  category: string;
  /** Free text: dossier number, worker name or enterprise number. */
  q: string;
  /** '' is the queue's own order: fewest days left first. */
  sort: QueueSort | '';
  direction: SortDirection;
  offset: number;
}

export type { QueueSort, SortDirection };

/** The queue's filter as the page URL carries it (`?scope=&status=&category=&q=&offset=`). */
export function readQueueQuery(search: string, defaultScope: QueueScope): QueueQuery {
  const params = new URLSearchParams(search);
  const scope = params.get('scope');
  const offset = Number.parseInt(params.get('offset') ?? '0', 10);
  const sort = params.get('sort') ?? '';
  const direction = params.get('direction') ?? '';
  return {
    scope: (QUEUE_SCOPES as readonly string[]).includes(scope ?? '') ? (scope as QueueScope) : defaultScope,
    status: params.get('status') ?? '',
    category: params.get('category') ?? '',
    q: (params.get('q') ?? '').trim(),
    sort: (QUEUE_SORTS as readonly string[]).includes(sort) ? (sort as QueueSort) : '',
    direction: (SORT_DIRECTIONS as readonly string[]).includes(direction)
      ? (direction as SortDirection)
      : 'asc',
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** The same filter as a query string; empty filters are left out. */
export function writeQueueQuery(query: QueueQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set('scope', query.scope);
  if (query.status) params.set('status', query.status);
  if (query.category) params.set('category', query.category);
  if (query.q) params.set('q', query.q);
  if (query.sort) {
    params.set('sort', query.sort);
    params.set('direction', query.direction);
  }
  if (query.offset > 0) params.set('offset', String(query.offset));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/**
 * The order a column header asks for: a click on the sorted column turns it around, a click on
 * another sorts it ascending (the queue's own order is the due date ascending).
 */
export function nextSort(query: QueueQuery, column: QueueSort): Pick<QueueQuery, 'sort' | 'direction'> {
  const current = query.sort || 'dueDate';
  if (current !== column) return { sort: column, direction: 'asc' };
  return { sort: column, direction: query.direction === 'asc' ? 'desc' : 'asc' };
}

/** What `aria-sort` says of a column header. */
export function ariaSortOf(query: QueueQuery, column: QueueSort): 'ascending' | 'descending' | undefined {
  if ((query.sort || 'dueDate') !== column) return undefined;
  return query.direction === 'desc' ? 'descending' : 'ascending';
}

/** A saved filter's query as the queue page's filter; what it does not say is left at its default. */
export function savedToQueueQuery(
  saved: {
    scope?: string;
    status?: string;
    category?: string;
    q?: string;
    sort?: string;
    direction?: string;
  },
  defaultScope: QueueScope,
): QueueQuery {
  const params = new URLSearchParams(
    Object.entries(saved).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return readQueueQuery(params.toString(), defaultScope);
}

/** The filter as the saved-filters API keeps it: empty parts left out. */
export function queueQueryToSaved(query: QueueQuery): Record<string, string> {
  return {
    scope: query.scope,
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.sort ? { sort: query.sort, direction: query.direction } : {}),
  };
}

/** A value of the draft at a question's dotted path (`application.job.title`, `workerIdentity.familyName`). */
export function readAnswer(root: Record<string, unknown>, path: string): unknown {
  let value: unknown = root;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** The validity a grant proposes: see `defaultValidity` in src/rules/dates (job period and legal maximum). */
export function defaultValidity(
  startDate: string | null | undefined,
  maxValidityMonths: number | null | undefined,
  today: string,
  endDate?: string | null,
): { validFrom: string; validUntil: string } {
  return proposeValidity({ startDate, endDate, maxValidityMonths, today });
}

/** The validity proposed for a dossier's grant, from its application and assessment. */
export function proposedValidity(
  dossier: {
    application: Record<string, unknown>;
    assessment: { procedure: { maxValidityMonths: number | null } } | null;
  },
  today: string,
): { validFrom: string; validUntil: string } {
  const job = (dossier.application.job ?? {}) as { startDate?: string; endDate?: string };
  return defaultValidity(
    job.startDate,
    dossier.assessment?.procedure.maxValidityMonths ?? null,
    today,
    job.endDate,
  );
}

/** Today in Brussels as an ISO date (the server's clock and the legal deadlines run on Belgian time). */
export function todayInBrussels(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

/** Shares as a whole percentage (0.857 → 86). */
export function toPercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 100);
}

/**
 * What is wrong with a grant's validity before it is confirmed, by the rule the server applies
 * (handling/decide-dossier.ts checkGrant): the end not before the start, at most the category's
 * maximum of months after it. Null when nothing is, or the dates are not yet whole.
 */
export function grantValidityProblem(
  validFrom: string,
  validUntil: string,
  maxMonths: number | null,
): { rule: 'afterValidFrom' } | { rule: 'maxValidity'; latest: string } | null {
  if (!isIsoDate(validFrom) || !isIsoDate(validUntil)) return null;
  if (validUntil < validFrom) return { rule: 'afterValidFrom' };
  if (maxMonths !== null && validUntil > addMonths(validFrom, maxMonths)) {
    return { rule: 'maxValidity', latest: addMonths(validFrom, maxMonths) };
  }
  return null;
}
