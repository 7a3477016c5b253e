import { DOSSIER_STATUSES, type DossierStatus } from '../lifecycle/dossier-lifecycle.ts';

/**
 * Every status a dossier can have once submitted: what the queue's status filter offers (the web
 * page imports this too). Drafts belong to the employer until submission and never reach staff.
 */
export const QUEUE_STATUSES = DOSSIER_STATUSES.filter(
  (status): status is Exclude<DossierStatus, 'DRAFT'> => status !== 'DRAFT',
);
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
