import { defaultValidity as proposeValidity } from '../../../../src/rules/dates/default-validity.ts';
import { formatBelgianDate } from '../../../../src/rules/dates/iso-date.ts';
import { categoryLabel } from '../../category-labels.ts';
import { formatMoney } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n.ts';
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
  offset: number;
}

/** The queue's filter as the page URL carries it (`?scope=&status=&category=&q=&offset=`). */
export function readQueueQuery(search: string, defaultScope: QueueScope): QueueQuery {
  const params = new URLSearchParams(search);
  const scope = params.get('scope');
  const offset = Number.parseInt(params.get('offset') ?? '0', 10);
  return {
    scope: (QUEUE_SCOPES as readonly string[]).includes(scope ?? '') ? (scope as QueueScope) : defaultScope,
    status: params.get('status') ?? '',
    category: params.get('category') ?? '',
    q: (params.get('q') ?? '').trim(),
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
  if (query.offset > 0) params.set('offset', String(query.offset));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
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

/** Today in Brussels as an ISO date (the server's clock and the legal deadlines run on Belgian time). */
export function todayInBrussels(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

/** Shares as a whole percentage (0.857 → 86). */
export function toPercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 100);
}
