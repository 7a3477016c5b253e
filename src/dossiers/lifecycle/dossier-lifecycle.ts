import type { Role } from '../../auth/roles.ts';

/**
 * The life of a dossier (issue "Single window and case handling"), pure: a dossier is an
 * append-only log of actions and its status is derived from that log (STYLE.md, convention 4).
 * Legal frame: BVR 7 Dec 2018, art. 40–68 (application, admissibility, decision) and the appeal
 * to the minister within one month (art. 70).
 */
export const DOSSIER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'ADMISSIBLE',
  'INADMISSIBLE',
  'IN_REVIEW',
  'INFORMATION_REQUESTED',
  'DECIDED_GRANTED',
  'DECIDED_REFUSED',
  'APPEALED',
  'APPEAL_DECIDED',
  'WITHDRAWN',
  // A granted authorisation withdrawn by the service ("intrekking", decision 012). Named apart from
  // WITHDRAWN, which is the employer withdrawing its own application.
  'REVOKED',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Who acts: a person in a role, or Loket itself (admissibility check on submission, jobs). */
export type Actor = Role | 'SYSTEM';

export const DOSSIER_ACTIONS = [
  'SAVE_DRAFT',
  'SUBMIT',
  'DECLARE_ADMISSIBLE',
  'DECLARE_INADMISSIBLE',
  'START_REVIEW',
  'REQUEST_INFORMATION',
  'ANSWER_INFORMATION',
  'PROPOSE_REFUSAL',
  'RETURN_REFUSAL',
  'GRANT',
  'REFUSE',
  'APPEAL',
  'DECIDE_APPEAL',
  'GRANT_ON_APPEAL',
  'REOPEN_ON_APPEAL',
  'WITHDRAW',
  'PROPOSE_REVOCATION',
  'ANSWER_HEARING',
  'DISMISS_REVOCATION',
  'REVOKE',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

interface Transition {
  to: DossierStatus;
  by: readonly Actor[];
}

const STILL_OPEN_WITHDRAWAL: Transition = { to: 'WITHDRAWN', by: ['EMPLOYER'] };

/**
 * The one table of what may happen in each status, and by whom. `satisfies` makes a status
 * without an entry a compile error, so a new status cannot be forgotten.
 */
export const ALLOWED_ACTIONS = {
  DRAFT: {
    SAVE_DRAFT: { to: 'DRAFT', by: ['EMPLOYER'] },
    SUBMIT: { to: 'SUBMITTED', by: ['EMPLOYER'] },
    WITHDRAW: STILL_OPEN_WITHDRAWAL,
  },
  SUBMITTED: {
    DECLARE_ADMISSIBLE: { to: 'ADMISSIBLE', by: ['SYSTEM', 'CASE_HANDLER'] },
    DECLARE_INADMISSIBLE: { to: 'INADMISSIBLE', by: ['SYSTEM', 'CASE_HANDLER'] },
    WITHDRAW: STILL_OPEN_WITHDRAWAL,
  },
  ADMISSIBLE: {
    START_REVIEW: { to: 'IN_REVIEW', by: ['CASE_HANDLER', 'SUPERVISOR'] },
    WITHDRAW: STILL_OPEN_WITHDRAWAL,
  },
  INADMISSIBLE: {},
  IN_REVIEW: {
    REQUEST_INFORMATION: { to: 'INFORMATION_REQUESTED', by: ['CASE_HANDLER'] },
    // Where refusals need a second signature (a setting), the case handler proposes and a
    // supervisor's REFUSE co-signs; the dossier stays in review meanwhile.
    PROPOSE_REFUSAL: { to: 'IN_REVIEW', by: ['CASE_HANDLER'] },
    // A supervisor who does not co-sign sends the proposal back to the case handler, with a note.
    RETURN_REFUSAL: { to: 'IN_REVIEW', by: ['SUPERVISOR'] },
    GRANT: { to: 'DECIDED_GRANTED', by: ['CASE_HANDLER', 'SUPERVISOR'] },
    REFUSE: { to: 'DECIDED_REFUSED', by: ['CASE_HANDLER', 'SUPERVISOR'] },
    WITHDRAW: STILL_OPEN_WITHDRAWAL,
  },
  INFORMATION_REQUESTED: {
    ANSWER_INFORMATION: { to: 'IN_REVIEW', by: ['EMPLOYER'] },
    WITHDRAW: STILL_OPEN_WITHDRAWAL,
  },
  // Withdrawal of the authorisation (policy note 002 §2.1; decision 012): a case handler or an
  // inspector proposes it with grounds, the employer is heard, a supervisor decides (four eyes).
  // The authorisation stands until the supervisor revokes it, so the proposal and the hearing keep
  // the status; the open proposal is kept beside the log (revocation_proposals).
  DECIDED_GRANTED: {
    PROPOSE_REVOCATION: { to: 'DECIDED_GRANTED', by: ['CASE_HANDLER', 'INSPECTOR'] },
    ANSWER_HEARING: { to: 'DECIDED_GRANTED', by: ['EMPLOYER'] },
    DISMISS_REVOCATION: { to: 'DECIDED_GRANTED', by: ['SUPERVISOR'] },
    REVOKE: { to: 'REVOKED', by: ['SUPERVISOR'] },
  },
  DECIDED_REFUSED: {
    APPEAL: { to: 'APPEALED', by: ['EMPLOYER'] },
  },
  // Appealed like a refusal: a motivated letter to the minister within one month (reference.md §5.3,
  // "beroep tegen weigering of intrekking").
  REVOKED: {
    APPEAL: { to: 'APPEALED', by: ['EMPLOYER'] },
  },
  // The appeal to the minister (art. 70), decided by a supervisor on the minister's behalf. Dismissed:
  // DECIDE_APPEAL, the refusal stands and the file closes. Allowed: the refusal is withdrawn and a
  // new decision follows at once, either a grant (GRANT_ON_APPEAL) or a new examination by the
  // case handler (REOPEN_ON_APPEAL; the legal clock starts again, legal-clock.ts).
  APPEALED: {
    DECIDE_APPEAL: { to: 'APPEAL_DECIDED', by: ['SUPERVISOR'] },
    GRANT_ON_APPEAL: { to: 'DECIDED_GRANTED', by: ['SUPERVISOR'] },
    REOPEN_ON_APPEAL: { to: 'IN_REVIEW', by: ['SUPERVISOR'] },
  },
  APPEAL_DECIDED: {},
  WITHDRAWN: {},
} as const satisfies Record<DossierStatus, Partial<Record<DossierAction, Transition>>>;

export interface LoggedAction {
  action: DossierAction;
  by: Actor;
  /** ISO date (YYYY-MM-DD) the action took effect. */
  on: string;
}

/** Refused transition: a stable code for the edge to turn into a 409 and a message. */
export class IllegalTransitionError extends Error {
  readonly code = 'LOKET_ILLEGAL_TRANSITION';
  constructor(
    readonly status: DossierStatus,
    readonly action: DossierAction,
    readonly by: Actor,
    readonly reason: 'NOT_ALLOWED_IN_STATUS' | 'NOT_ALLOWED_FOR_ACTOR',
  ) {
    super(`${action} by ${by} is not allowed when the dossier is ${status} (${reason})`);
    this.name = 'IllegalTransitionError';
  }
}

function transitionFor(status: DossierStatus, action: DossierAction): Transition | undefined {
  return (ALLOWED_ACTIONS[status] as Partial<Record<DossierAction, Transition>>)[action];
}

/** The status after `action`, or an IllegalTransitionError saying why not. */
export function applyAction(status: DossierStatus, action: DossierAction, by: Actor): DossierStatus {
  const transition = transitionFor(status, action);
  if (!transition) throw new IllegalTransitionError(status, action, by, 'NOT_ALLOWED_IN_STATUS');
  if (!transition.by.includes(by))
    throw new IllegalTransitionError(status, action, by, 'NOT_ALLOWED_FOR_ACTOR');
  return transition.to;
}

/** Replays the log from a new draft: the status is never stored apart from its history. */
export function deriveStatus(log: readonly LoggedAction[]): DossierStatus {
  return log.reduce<DossierStatus>((status, entry) => applyAction(status, entry.action, entry.by), 'DRAFT');
}

/** What `by` may do now, for the screens (buttons) and the API. */
export function allowedActionsFor(status: DossierStatus, by: Actor): DossierAction[] {
  return Object.entries(ALLOWED_ACTIONS[status])
    .filter(([, transition]) => (transition as Transition).by.includes(by))
    .map(([action]) => action as DossierAction);
}
