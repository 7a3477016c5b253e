import type { RuleData } from '../../rules/data/rule-data.ts';
import { addDays, addMonths, toDayNumber } from '../../rules/dates/iso-date.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import { ParameterTable } from '../../rules/parameters/parameter-table.ts';
import type { LoggedAction } from './dossier-lifecycle.ts';

/**
 * The legal clock of a dossier: it starts when the dossier is declared admissible (on the fast
 * lane: when it is submitted, see `ClockStart`), runs for the
 * regional deadline of the assessment (15, 45, 90 or 120 calendar days: BVR 7 Dec 2018 as amended,
 * see rules/parameters), stops while information is requested and resumes on the answer.
 *
 * An appeal allowed with a new examination (REOPEN_ON_APPEAL) starts the clock again, for the full
 * regional deadline from the day of that decision. The law sets no term for the decision that
 * follows an allowed appeal; we hold the new examination to the term of a first decision, so the
 * employer is not left without one (a service choice, docs/case-handling.md).
 *
 * An appeal (APPEAL) runs a clock of its own from the day it is lodged: the advisory council
 * (REOV) advises within four months and the minister decides within two more (reference.md,
 * "Appeal"), so six months; the first instance's due date, long past, no longer counts.
 */
export const APPEAL_DECISION_MONTHS = 6;

/**
 * When a first examination's clock starts. The fast lane for the highly skilled runs "met een
 * maximale doorlooptijd van 15 dagen vanaf het moment van aanvraag" (policy note 002 §2.2), so its
 * clock starts at the submission; every other track at admissibility (BVR 7 Dec 2018: the term runs
 * from the admissible application). A later admissibility does not restart a fast-lane clock.
 *
 * From 2026 a retributie is due, "betaald … door de werkgever die de aanvraag indient" (§2.5), paid
 * at filing, with no processing without payment (vlaanderen.be, decision of 14 Jul 2025). An
 * application whose fee is unpaid is not yet one the service may handle: a fast-lane clock with a fee
 * due starts on the later of the submission and the payment (`{ feePaidOn }`), and does not run
 * while the fee is unpaid (`FEE_UNPAID`). The standard track is unaffected: an unpaid dossier is not
 * admissible (admissibility.ts, AWAITING_FEE), so its clock cannot start before payment anyway.
 */
export type ClockStart = 'SUBMISSION' | 'ADMISSIBILITY' | 'FEE_UNPAID' | { readonly feePaidOn: string };

/**
 * The start rule of a dossier, from the track and fee its stored assessment gave at submission and
 * the day the fee was paid (null: not paid).
 */
export function clockStartOf(assessment: unknown, feePaidOn: string | null = null): ClockStart {
  const stored = assessment as
    | { procedure?: { track?: unknown }; fee?: { amountDue?: unknown } }
    | null
    | undefined;
  if (stored?.procedure?.track !== 'FAST_LANE') return 'ADMISSIBILITY';
  const feeDue = typeof stored.fee?.amountDue === 'number' && stored.fee.amountDue > 0;
  if (!feeDue) return 'SUBMISSION';
  return feePaidOn ? { feePaidOn } : 'FEE_UNPAID';
}

/** Whether a dossier's clock may run once it is submitted, before any admissibility. */
export function runsFromSubmission(startsAt: ClockStart): boolean {
  return startsAt !== 'ADMISSIBILITY' && startsAt !== 'FEE_UNPAID';
}

export interface LegalClock {
  startedOn: string | null;
  /** What started the current run, so a reader sees why it runs from `startedOn`. */
  startedBy: 'SUBMIT' | 'FEE_PAID' | 'DECLARE_ADMISSIBLE' | 'REOPEN_ON_APPEAL' | 'APPEAL' | null;
  /** On the fast lane, the clock waits for the fee (`ClockStart` FEE_UNPAID): nothing runs yet. */
  awaitingFee: boolean;
  dueDate: string | null;
  /** Calendar days left on `today` (negative when overdue); null before the clock starts or after the decision. */
  daysLeft: number | null;
  pausedDays: number;
  isPaused: boolean;
  isAtRisk: boolean;
  isOverdue: boolean;
}

const AT_RISK_DAYS = 3;

function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}
const STOPS_CLOCK = new Set([
  'GRANT',
  'REFUSE',
  'WITHDRAW',
  'DECLARE_INADMISSIBLE',
  'DECIDE_APPEAL',
  'GRANT_ON_APPEAL',
]);
const STARTS_CLOCK = {
  ADMISSIBILITY: new Set(['DECLARE_ADMISSIBLE', 'REOPEN_ON_APPEAL', 'APPEAL']),
  SUBMISSION: new Set(['SUBMIT', 'REOPEN_ON_APPEAL', 'APPEAL']),
  // Until the fee is paid no first run starts, unless staff declare the dossier admissible anyway.
  FEE_UNPAID: new Set(['DECLARE_ADMISSIBLE', 'REOPEN_ON_APPEAL', 'APPEAL']),
} as const;

function startsOf(startsAt: ClockStart): ReadonlySet<string> {
  return typeof startsAt === 'string' ? STARTS_CLOCK[startsAt] : STARTS_CLOCK.SUBMISSION;
}

/** The day a run starts: a submission paid for later runs from the payment. */
function startedOnOf(started: LoggedAction, startsAt: ClockStart): string {
  if (typeof startsAt === 'object' && started.action === 'SUBMIT' && startsAt.feePaidOn > started.on)
    return startsAt.feePaidOn;
  return started.on;
}

function startedByOf(started: LoggedAction, startsAt: ClockStart): LegalClock['startedBy'] {
  if (startedOnOf(started, startsAt) !== started.on) return 'FEE_PAID';
  return started.action as LegalClock['startedBy'];
}

/** The due date of a run that started with `started`, before any pause. */
function runDueDate(started: LoggedAction, deadlineDays: number, pausedDays: number): string {
  if (started.action === 'APPEAL') return addMonths(started.on, APPEAL_DECISION_MONTHS);
  return addDays(started.on, deadlineDays + pausedDays);
}

/** The run's first entry, dated the day the run starts (the payment, for a fast lane paid late). */
function runStart(run: readonly LoggedAction[], startsAt: ClockStart): LoggedAction | undefined {
  const first = run[0];
  return first ? { ...first, on: startedOnOf(first, startsAt) } : undefined;
}

/** The entries of the clock's current run: from its last (re)start, or none before admissibility. */
function currentRun(log: readonly LoggedAction[], startsAt: ClockStart): readonly LoggedAction[] {
  const starts = startsOf(startsAt);
  const start = log.findLastIndex((entry) => starts.has(entry.action));
  return start === -1 ? [] : log.slice(start);
}

export function computeLegalClock(
  log: readonly LoggedAction[],
  deadlineDays: number,
  today: string,
  startsAt: ClockStart = 'ADMISSIBILITY',
): LegalClock {
  const run = currentRun(log, startsAt);
  const started = runStart(run, startsAt);
  if (!started) {
    return {
      startedOn: null,
      startedBy: null,
      awaitingFee: startsAt === 'FEE_UNPAID' && log.some((entry) => entry.action === 'SUBMIT'),
      dueDate: null,
      daysLeft: null,
      pausedDays: 0,
      isPaused: false,
      isAtRisk: false,
      isOverdue: false,
    };
  }
  let pausedDays = 0;
  let pausedSince: string | null = null;
  let stoppedOn: string | null = null;
  for (const entry of run) {
    if (entry.action === 'REQUEST_INFORMATION') pausedSince = entry.on;
    if (entry.action === 'ANSWER_INFORMATION' && pausedSince) {
      pausedDays += daysBetween(pausedSince, entry.on);
      pausedSince = null;
    }
    if (STOPS_CLOCK.has(entry.action)) stoppedOn = entry.on;
  }
  const runningPause = pausedSince && !stoppedOn ? daysBetween(pausedSince, today) : 0;
  const dueDate = runDueDate(started, deadlineDays, pausedDays + runningPause);
  if (stoppedOn) {
    return {
      startedOn: started.on,
      startedBy: startedByOf(run[0] as LoggedAction, startsAt),
      awaitingFee: false,
      dueDate,
      daysLeft: null,
      pausedDays,
      isPaused: false,
      isAtRisk: false,
      isOverdue: stoppedOn > dueDate,
    };
  }
  const daysLeft = daysBetween(today, dueDate);
  return {
    startedOn: started.on,
    startedBy: startedByOf(run[0] as LoggedAction, startsAt),
    awaitingFee: false,
    dueDate,
    daysLeft,
    pausedDays: pausedDays + runningPause,
    isPaused: pausedSince !== null,
    isAtRisk: pausedSince === null && daysLeft >= 0 && daysLeft <= AT_RISK_DAYS,
    isOverdue: daysLeft < 0,
  };
}

/**
 * What the database keeps of the clock so the queue can sort without replaying every log: the
 * due date counting only finished pauses, and the day a still-open pause began. The effective
 * due date on a day D is `dueDate + (D - pausedSince)` while paused; `effectiveDueDate` says so
 * once, for the code; the queue's SQL says the same (see dossiers.repo.ts).
 */
export interface StoredClock {
  dueDate: string | null;
  pausedSince: string | null;
}

export function projectClock(
  log: readonly LoggedAction[],
  deadlineDays: number,
  startsAt: ClockStart = 'ADMISSIBILITY',
): StoredClock {
  const run = currentRun(log, startsAt);
  const started = runStart(run, startsAt);
  if (!started) return { dueDate: null, pausedSince: null };
  let pausedDays = 0;
  let pausedSince: string | null = null;
  let isStopped = false;
  for (const entry of run) {
    if (entry.action === 'REQUEST_INFORMATION') pausedSince = entry.on;
    if (entry.action === 'ANSWER_INFORMATION' && pausedSince) {
      pausedDays += daysBetween(pausedSince, entry.on);
      pausedSince = null;
    }
    if (STOPS_CLOCK.has(entry.action)) isStopped = true;
  }
  return {
    dueDate: runDueDate(started, deadlineDays, pausedDays),
    pausedSince: isStopped ? null : pausedSince,
  };
}

export function effectiveDueDate(stored: StoredClock, today: string): string | null {
  if (!stored.dueDate) return null;
  return stored.pausedSince
    ? addDays(stored.dueDate, daysBetween(stored.pausedSince, today))
    : stored.dueDate;
}

/**
 * The months an employer has to appeal a refusal or withdrawal decided on `decidedOn`: the dated
 * rule parameter `appeal.lodgingPeriodMonths` (rules/parameters, BVR 7 Dec 2018: one month from the
 * notification; reference.md §5.3), in force on the decision's day.
 */
export function appealPeriodMonths(decidedOn: string, data: RuleData = getDefaultRuleData()): number {
  const use = data.parameters.resolve('appeal.lodgingPeriodMonths', decidedOn);
  if (!use) throw new Error(`no appeal period in force on ${decidedOn}`);
  return ParameterTable.valueOf<'appeal.lodgingPeriodMonths'>(use);
}

/**
 * The last day an employer may appeal a refusal or withdrawal: the appeal period after its
 * notification (vlaanderen.be "beroep tegen weigering of intrekking"), counted from the decision's
 * day, that day included in the month: decided 2 November, last day 2 December.
 */
export function appealLastDay(decidedOn: string, data: RuleData = getDefaultRuleData()): string {
  return addMonths(decidedOn, appealPeriodMonths(decidedOn, data));
}
