import type { DossierAction, DossierStatus } from '../../../../src/dossiers/lifecycle/dossier-lifecycle.ts';
import type { Assessment, Category } from '../../../../src/rules/index.ts';

/**
 * What the service side reads from the API, as JSON (src/dossiers/dossier-view.ts,
 * src/dossiers/handling/queue.ts and supervision.ts are the source; dates arrive as ISO strings).
 */

export type { Assessment, Category, DossierAction, DossierStatus };

export interface QueueItem {
  id: string;
  number: string | null;
  status: DossierStatus;
  category: Category;
  kind: string;
  workerName: string | null;
  version: number;
  dueDate: string | null;
  daysLeft: number | null;
  isPaused: boolean;
  isAtRisk: boolean;
  isOverdue: boolean;
  isAwaitingFee: boolean;
  hasRefusalToCoSign: boolean;
  assignee: { id: string; displayName: string | null } | null;
}

export interface QueuePage {
  total: number;
  items: QueueItem[];
}

export interface Question {
  path: string;
  input: string;
  required: boolean;
  options?: (string | number)[];
}

export interface Step {
  id: string;
  questions: Question[];
}

export interface LegalClock {
  startedOn: string | null;
  dueDate: string | null;
  daysLeft: number | null;
  pausedDays: number;
  isPaused: boolean;
  isAtRisk: boolean;
  isOverdue: boolean;
  deadlineDays: number | null;
}

export interface PendingRefusal {
  reasonCodes: string[];
  note: string | null;
  proposedBy: string;
}

export interface InadmissibilityGround {
  code: string;
  region?: string | null;
  fields?: string[];
  invalid?: string[];
  documentTypes?: string[];
}

export interface DossierDecision {
  outcome?: 'GRANTED' | 'REFUSED';
  decidedOn?: string;
  validFrom?: string;
  validUntil?: string;
  note?: string | null;
  reasonCodes?: string[];
}

export interface DossierOverview {
  id: string;
  number: string | null;
  status: DossierStatus;
  category: Category;
  kind: string;
  enterpriseNumber: string;
  workerName: string | null;
  version: number;
  submittedAt: string | null;
  application: Record<string, unknown>;
  workerIdentity: Record<string, unknown>;
  steps: Step[];
  assessment: Assessment | null;
  clock: LegalClock | null;
  fee: { amountDueCents: number | null; reference: string | null; paidOn: string | null };
  documents: Array<{
    id: string;
    documentType: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    uploadedAt: string;
  }>;
  informationRequests: Array<{
    id: string;
    question: string;
    requestedOn: string;
    answer: string | null;
    answeredOn: string | null;
  }>;
  decision: DossierDecision | null;
  inadmissibility: { grounds?: InadmissibilityGround[]; legalBasis?: string } | null;
  pendingRefusal: PendingRefusal | null;
  letters: Array<{ id: string; kind: string; lang: string; createdAt: string }>;
  history: Array<{ action: DossierAction; by: string; actorName: string | null; on: string }>;
  assignee: { id: string; displayName: string } | null;
  allowedActions: DossierAction[];
}

export interface Workload {
  caseHandlers: Array<{
    userId: string;
    displayName: string;
    role: string;
    open: number;
    atRisk: number;
    overdue: number;
  }>;
  unassigned: number;
}

export interface LeadTimes {
  from: string;
  to: string;
  categories: Array<{
    category: string;
    decided: number;
    withinDeadline: number;
    shareWithinDeadline: number | null;
    medianDays: number | null;
    p90Days: number | null;
  }>;
}

export interface StaffNotification {
  id: string;
  kind: string;
  createdOn: string;
  dossierId: string;
  dossierNumber: string | null;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
}
