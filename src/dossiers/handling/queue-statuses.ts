import { DOSSIER_STATUSES, type DossierStatus } from '../lifecycle/dossier-lifecycle.ts';

/**
 * Every status a dossier can have once submitted: what the queue's status filter offers (the web
 * page imports this too). Drafts belong to the employer until submission and never reach staff.
 */
export const QUEUE_STATUSES = DOSSIER_STATUSES.filter(
  (status): status is Exclude<DossierStatus, 'DRAFT'> => status !== 'DRAFT',
);
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * The columns the queue sorts on (the web page imports this too). Sorting happens on the server,
 * so paging stays right; every order ends on the dossier's id, so equal values keep one order
 * from page to page (stable).
 */
export const QUEUE_SORTS = [
  'dueDate',
  'number',
  'category',
  'worker',
  'status',
  'submittedAt',
  'assignee',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
