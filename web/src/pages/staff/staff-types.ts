import type { LetterDraft, LetterPart } from '../../../../src/dossiers/letters/letter-draft.ts';
import type { DossierAction, DossierStatus } from '../../../../src/dossiers/lifecycle/dossier-lifecycle.ts';
import type { ShownWithdrawalGround } from '../../../../src/dossiers/revocation/revocation-rules.ts';
import type { ShownProposal, ShownRevocation } from '../../../../src/dossiers/revocation/revocation-view.ts';
import type { SavedFilter } from '../../../../src/dossiers/staff/saved-filters.ts';
import type { StaffEntryKind } from '../../../../src/dossiers/staff/staff-entries.repo.ts';
import type { Assessment, Category } from '../../../../src/rules/index.ts';

/**
 * What the service side reads from the API, as JSON (src/dossiers/dossier-view.ts,
 * src/dossiers/handling/queue.ts and supervision.ts are the source; dates arrive as ISO strings).
 */

export type {
  Assessment,
  Category,
  DossierAction,
  DossierStatus,
  LetterDraft,
  LetterPart,
  SavedFilter,
  ShownProposal,
  ShownRevocation,
  ShownWithdrawalGround,
};

/** A row of the staff history: a lifecycle action, or a note, assignment or letter edit. */
export interface HistoryEntry {
  action: DossierAction | StaffEntryKind;
  by: string;
  actorName: string | null;
  on: string;
  /** A note's text, the assignee's name, a letter's signed motivation; null otherwise. */
  detail?: string | null;
  /** Consecutive draft saves folded into one entry: how many, and the day of the first. */
  count: number;
  firstOn: string;
}

export interface InternalNote {
  id: string;
  text: string;
  authorName: string | null;
  on: string;
}

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
  /** What started the current run (absent from older servers). */
  startedBy?: 'SUBMIT' | 'FEE_PAID' | 'DECLARE_ADMISSIBLE' | 'REOPEN_ON_APPEAL' | 'APPEAL' | null;
  /** On the fast lane, the clock waits for the fee to be paid (absent from older servers). */
  awaitingFee?: boolean;
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
  /** Set by the decision on an appeal (handling/decide-appeal.ts). */
  appeal?: {
    outcome: AppealOutcome;
    followUp?: AppealFollowUp | null;
    decidedOn: string;
    note?: string;
  };
}

/** UPHELD: the refusal stands (appeal dismissed); OVERTURNED: the appeal is allowed. */
export const APPEAL_OUTCOMES = ['UPHELD', 'OVERTURNED'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
/** What replaces the refusal when the appeal is allowed: a grant, or a new examination. */
export const APPEAL_FOLLOW_UPS = ['GRANT', 'REVIEW'] as const;
export type AppealFollowUp = (typeof APPEAL_FOLLOW_UPS)[number];

/** A legal ground of the dossier's category a refusal may rest on (handling/refusal-grounds.ts). */
export interface RefusalGround {
  code: string;
  effect: 'REFUSE' | 'REVIEW';
  legalBasis: string;
  /** What the rules found about it, or null when they found nothing. */
  found: string | null;
  /** An inspector's proposal naming this ground (issue 14), or null. */
  proposed?: { on: string; by: string | null; facts: string } | null;
}

/** A supervisor's note on a refusal proposal sent back, until a new proposal or decision. */
export interface ReturnedRefusal {
  note: string;
  reasonCodes: string[];
  returnedOn: string;
  returnedBy: string | null;
}

/** One fact the employer declared, set against what a register says (register-check/map-register-facts.ts). */
export interface RegisterComparison {
  /** Dotted name of the fact (`worker.familyName`, `job.grossAnnualSalary`). */
  fact: string;
  declared: unknown;
  register: unknown;
  source: string;
  fetchedAt: string;
  requestId: string;
  isMismatch: boolean;
}

/** A signal for the case handler; the list of codes may grow (an unknown one shows as its code). */
export interface RegisterFinding {
  code: string;
  facts: Record<string, unknown>;
}

/** One question put to a register for this dossier, with its provenance. */
export interface RegisterFactAsked {
  source: string;
  /** `kind:identifier`, e.g. `enterprise:0403170701`, `person:<insz>`, `quarter:<insz>:2026-Q1`. */
  subject: string;
  isFound: boolean;
  fetchedAt: string;
  requestId: string;
}

export type RegisterCheckStatus = 'PENDING' | 'WAITING' | 'COMPLETE';

/** The background register check of a submitted dossier (staff only; null before submission). */
export interface RegisterCheck {
  status: RegisterCheckStatus;
  requestedAt: string;
  completedAt: string | null;
  /** Registers that did not answer yet, and since when; the check retries them by itself. */
  waiting: Array<{ source: string; since: string; error: string }>;
  comparisons: RegisterComparison[];
  findings: RegisterFinding[];
  facts: RegisterFactAsked[];
}

export interface DossierOverview {
  /** When the worker confirmed, with their access code, that the employer told them the terms. */
  workerTermsConfirmedAt: string | null;
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
    /** The day the employer should answer by; overdue once passed unanswered. */
    answerDueOn?: string | null;
    isOverdue?: boolean;
    /** Answered after its day. */
    isAnsweredLate?: boolean;
    reminderSentAt?: string | null;
  }>;
  decision: DossierDecision | null;
  inadmissibility: { grounds?: InadmissibilityGround[]; legalBasis?: string } | null;
  pendingRefusal: PendingRefusal | null;
  /** Absent from older servers. */
  refusalNeedsCoSign?: boolean | null;
  refusalGrounds?: RefusalGround[] | null;
  returnedRefusal?: ReturnedRefusal | null;
  /** The employer's appeal: their grounds, for the supervisor who decides it. */
  appeal?: { grounds: string; lodgedOn: string } | null;
  /** The latest withdrawal proposal (decision 012): the open one, else the last decided one. */
  withdrawal?: ShownProposal | null;
  /** The grounds a withdrawal may rest on today (a granted dossier only), with legal basis. */
  withdrawalGrounds?: ShownWithdrawalGround[] | null;
  /** A withdrawal decided: day, grounds, motivation. */
  revocation?: ShownRevocation | null;
  letters: Array<{ id: string; kind: string; lang: string; createdAt: string }>;
  /** Consecutive draft saves come folded: `count` of them, from `firstOn` to `on`. */
  history: HistoryEntry[];
  /** A minister of religion's dossier put to the screening service, and the advice received. */
  screening?: {
    referredOn: string;
    referredBy: string | null;
    question: string;
    advice: 'NO_OBJECTION' | 'OBJECTION' | null;
    adviceOn: string | null;
    adviceNote: string | null;
  } | null;
  /** Staff only (null for the employer): notes never shown outside the service. */
  internalNotes?: InternalNote[] | null;
  assignee: { id: string; displayName: string } | null;
  /** Absent from older servers; null for a dossier whose registers were never asked. */
  registerCheck?: RegisterCheck | null;
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
    averageDays?: number | null;
    /** The §2.4 target (30 days) and the mean of the dossiers it applies to (absent from older servers). */
    averageTargetDays?: number | null;
    averageDaysUnderTarget?: number | null;
    meetsAverageTarget?: boolean | null;
    /** The target the category is rated against: the §2.4 average, or none (highly skilled). */
    target?: 'AVERAGE_30_DAYS' | 'NONE';
    medianDays: number | null;
    p90Days: number | null;
  }>;
  /** Over all categories the §2.4 target applies to (absent from older servers). */
  overall?: { decided: number; averageDays: number | null; targetDays: number; meetsTarget: boolean | null };
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
