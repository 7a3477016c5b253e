import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../auth/roles.ts';
import { addDays } from '../../rules/dates/iso-date.ts';
import {
  type Actor,
  ALLOWED_ACTIONS,
  allowedActionsFor,
  applyAction,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  type DossierStatus,
  deriveStatus,
  IllegalTransitionError,
  type LoggedAction,
} from './dossier-lifecycle.ts';
import { clockStartOf, computeLegalClock, effectiveDueDate, projectClock } from './legal-clock.ts';

const ACTORS: Actor[] = [...ROLES, 'SYSTEM'];
const step = (action: LoggedAction['action'], by: Actor, on: string): LoggedAction => ({ action, by, on });

describe('dossier lifecycle', () => {
  it('derives the status of a granted dossier from its log', () => {
    const log = [
      step('SAVE_DRAFT', 'EMPLOYER', '2026-02-01'),
      step('SUBMIT', 'EMPLOYER', '2026-02-02'),
      step('DECLARE_ADMISSIBLE', 'SYSTEM', '2026-02-02'),
      step('START_REVIEW', 'CASE_HANDLER', '2026-02-03'),
      step('REQUEST_INFORMATION', 'CASE_HANDLER', '2026-02-05'),
      step('ANSWER_INFORMATION', 'EMPLOYER', '2026-02-09'),
      step('GRANT', 'CASE_HANDLER', '2026-02-12'),
    ];
    expect(deriveStatus(log)).toBe('DECIDED_GRANTED');
  });

  it('refuses an action the status does not allow, and an actor the action does not allow', () => {
    expect(() => applyAction('DRAFT', 'GRANT', 'CASE_HANDLER')).toThrow(
      expect.objectContaining({ code: 'LOKET_ILLEGAL_TRANSITION', reason: 'NOT_ALLOWED_IN_STATUS' }),
    );
    expect(() => applyAction('IN_REVIEW', 'GRANT', 'EMPLOYER')).toThrow(
      expect.objectContaining({ reason: 'NOT_ALLOWED_FOR_ACTOR' }),
    );
    expect(() => applyAction('DECIDED_GRANTED', 'WITHDRAW', 'EMPLOYER')).toThrow(IllegalTransitionError);
  });

  it('lets an employer withdraw only while the dossier is open', () => {
    const open: DossierStatus[] = ['DRAFT', 'SUBMITTED', 'ADMISSIBLE', 'IN_REVIEW', 'INFORMATION_REQUESTED'];
    for (const status of DOSSIER_STATUSES) {
      expect(allowedActionsFor(status, 'EMPLOYER').includes('WITHDRAW'), status).toBe(open.includes(status));
    }
  });

  it('ends in final statuses from which nothing more can happen', () => {
    for (const status of ['INADMISSIBLE', 'APPEAL_DECIDED', 'WITHDRAWN'] as const) {
      for (const actor of ACTORS) expect(allowedActionsFor(status, actor)).toEqual([]);
    }
  });

  it('leaves a grant only through the withdrawal procedure: proposed, heard, decided by a supervisor, appealed', () => {
    expect(allowedActionsFor('DECIDED_GRANTED', 'INSPECTOR')).toEqual(['PROPOSE_REVOCATION']);
    expect(allowedActionsFor('DECIDED_GRANTED', 'CASE_HANDLER')).toEqual(['PROPOSE_REVOCATION']);
    expect(allowedActionsFor('DECIDED_GRANTED', 'EMPLOYER')).toEqual(['ANSWER_HEARING']);
    expect(allowedActionsFor('DECIDED_GRANTED', 'SUPERVISOR').sort()).toEqual([
      'DISMISS_REVOCATION',
      'REVOKE',
    ]);
    expect(applyAction('DECIDED_GRANTED', 'REVOKE', 'SUPERVISOR')).toBe('REVOKED');
    expect(() => applyAction('DECIDED_GRANTED', 'REVOKE', 'CASE_HANDLER')).toThrow(IllegalTransitionError);
    expect(allowedActionsFor('REVOKED', 'EMPLOYER')).toEqual(['APPEAL']);
  });

  it('lets a supervisor send a proposed refusal back, and decide an appeal three ways', () => {
    expect(allowedActionsFor('IN_REVIEW', 'SUPERVISOR')).toContain('RETURN_REFUSAL');
    expect(allowedActionsFor('IN_REVIEW', 'CASE_HANDLER')).not.toContain('RETURN_REFUSAL');
    expect(applyAction('IN_REVIEW', 'RETURN_REFUSAL', 'SUPERVISOR')).toBe('IN_REVIEW');
    expect(allowedActionsFor('APPEALED', 'SUPERVISOR').sort()).toEqual([
      'DECIDE_APPEAL',
      'GRANT_ON_APPEAL',
      'REOPEN_ON_APPEAL',
    ]);
    expect(allowedActionsFor('APPEALED', 'CASE_HANDLER')).toEqual([]);
    const refused = [
      step('SUBMIT', 'EMPLOYER', '2026-02-02'),
      step('DECLARE_ADMISSIBLE', 'SYSTEM', '2026-02-02'),
      step('START_REVIEW', 'CASE_HANDLER', '2026-02-03'),
      step('REFUSE', 'CASE_HANDLER', '2026-02-10'),
      step('APPEAL', 'EMPLOYER', '2026-02-20'),
    ];
    expect(deriveStatus([...refused, step('DECIDE_APPEAL', 'SUPERVISOR', '2026-03-20')])).toBe(
      'APPEAL_DECIDED',
    );
    expect(deriveStatus([...refused, step('GRANT_ON_APPEAL', 'SUPERVISOR', '2026-03-20')])).toBe(
      'DECIDED_GRANTED',
    );
    const reopened = [...refused, step('REOPEN_ON_APPEAL', 'SUPERVISOR', '2026-03-20')];
    expect(deriveStatus(reopened)).toBe('IN_REVIEW');
    // Back in review, the case handler decides again, and a new refusal can be appealed again.
    expect(
      deriveStatus([
        ...reopened,
        step('REFUSE', 'CASE_HANDLER', '2026-03-25'),
        step('APPEAL', 'EMPLOYER', '2026-03-30'),
      ]),
    ).toBe('APPEALED');
  });

  it('agrees with its table for every status, action and actor', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOSSIER_STATUSES),
        fc.constantFrom(...DOSSIER_ACTIONS),
        fc.constantFrom(...ACTORS),
        (status, action, actor) => {
          const allowed = allowedActionsFor(status, actor).includes(action);
          if (allowed) {
            const to = (ALLOWED_ACTIONS[status] as Record<string, { to: DossierStatus }>)[action]!.to;
            expect(applyAction(status, action, actor)).toBe(to);
          } else {
            expect(() => applyAction(status, action, actor)).toThrow(IllegalTransitionError);
          }
        },
      ),
    );
  });
});

describe('legal clock', () => {
  const admissible = [
    step('SUBMIT', 'EMPLOYER', '2026-03-01'),
    step('DECLARE_ADMISSIBLE', 'SYSTEM', '2026-03-02'),
  ];

  it('has not started before admissibility', () => {
    expect(computeLegalClock(admissible.slice(0, 1), 45, '2026-03-05')).toMatchObject({
      startedOn: null,
      dueDate: null,
    });
  });

  it('runs from admissibility for the regional deadline and flags the last three days', () => {
    const clock = computeLegalClock(admissible, 15, '2026-03-14');
    expect(clock).toMatchObject({
      startedOn: '2026-03-02',
      dueDate: '2026-03-17',
      daysLeft: 3,
      isAtRisk: true,
      isOverdue: false,
    });
    expect(computeLegalClock(admissible, 15, '2026-03-13').isAtRisk).toBe(false);
    expect(computeLegalClock(admissible, 15, '2026-03-18')).toMatchObject({ daysLeft: -1, isOverdue: true });
  });

  it('runs on the fast lane from the application, not from admissibility (policy note 002 §2.2)', () => {
    const late = [
      step('SUBMIT', 'EMPLOYER', '2026-03-01'),
      step('DECLARE_ADMISSIBLE', 'CASE_HANDLER', '2026-03-06'),
    ];
    expect(computeLegalClock(late.slice(0, 1), 15, '2026-03-03', 'SUBMISSION')).toMatchObject({
      startedOn: '2026-03-01',
      startedBy: 'SUBMIT',
      dueDate: '2026-03-16',
      daysLeft: 13,
    });
    // A later admissibility does not restart it; on the standard track it is the start.
    expect(computeLegalClock(late, 15, '2026-03-10', 'SUBMISSION')).toMatchObject({
      startedBy: 'SUBMIT',
      dueDate: '2026-03-16',
    });
    expect(computeLegalClock(late, 15, '2026-03-10', 'ADMISSIBILITY')).toMatchObject({
      startedBy: 'DECLARE_ADMISSIBLE',
      dueDate: '2026-03-21',
    });
    expect(projectClock(late, 15, 'SUBMISSION').dueDate).toBe('2026-03-16');
    expect(projectClock(late, 15).dueDate).toBe('2026-03-21');
  });

  it('takes the start rule from the track the assessment gave', () => {
    expect(clockStartOf({ procedure: { track: 'FAST_LANE' } })).toBe('SUBMISSION');
    expect(clockStartOf({ procedure: { track: 'STANDARD' } })).toBe('ADMISSIBILITY');
    expect(clockStartOf(null)).toBe('ADMISSIBILITY');
  });

  it('on the fast lane with a fee due, runs from the payment when paid after the submission (policy note 002 §2.2, §2.5)', () => {
    const fastLaneWithFee = { procedure: { track: 'FAST_LANE' }, fee: { amountDue: 200 } };
    // 2025: no retributie existed (fee 0), the clock runs from the submission.
    expect(clockStartOf({ procedure: { track: 'FAST_LANE' }, fee: { amountDue: 0 } })).toBe('SUBMISSION');
    expect(clockStartOf(fastLaneWithFee)).toBe('FEE_UNPAID');
    expect(clockStartOf(fastLaneWithFee, '2026-03-04')).toEqual({ feePaidOn: '2026-03-04' });
    expect(clockStartOf({ procedure: { track: 'STANDARD' }, fee: { amountDue: 200 } }, null)).toBe(
      'ADMISSIBILITY',
    );

    const submitted = [step('SUBMIT', 'EMPLOYER', '2026-03-01')];
    // Unpaid: nothing runs, and the reader is told the clock waits for the fee.
    expect(computeLegalClock(submitted, 15, '2026-03-20', 'FEE_UNPAID')).toMatchObject({
      startedOn: null,
      dueDate: null,
      awaitingFee: true,
      isOverdue: false,
    });
    expect(projectClock(submitted, 15, 'FEE_UNPAID').dueDate).toBeNull();
    // Paid three days later: 15 days from the payment, and it says so.
    const paid = [...submitted, step('DECLARE_ADMISSIBLE', 'SYSTEM', '2026-03-04')];
    expect(computeLegalClock(paid, 15, '2026-03-05', { feePaidOn: '2026-03-04' })).toMatchObject({
      startedOn: '2026-03-04',
      startedBy: 'FEE_PAID',
      dueDate: '2026-03-19',
      awaitingFee: false,
    });
    expect(projectClock(paid, 15, { feePaidOn: '2026-03-04' }).dueDate).toBe('2026-03-19');
    // Paid on the day of the submission: the submission starts it, as without a fee.
    expect(computeLegalClock(paid, 15, '2026-03-05', { feePaidOn: '2026-03-01' })).toMatchObject({
      startedOn: '2026-03-01',
      startedBy: 'SUBMIT',
      dueDate: '2026-03-16',
    });
    // Declared admissible by staff without payment: that starts it.
    expect(computeLegalClock(paid, 15, '2026-03-05', 'FEE_UNPAID')).toMatchObject({
      startedBy: 'DECLARE_ADMISSIBLE',
      dueDate: '2026-03-19',
    });
  });

  it('stops while information is requested and resumes on the answer', () => {
    const log = [
      ...admissible,
      step('START_REVIEW', 'CASE_HANDLER', '2026-03-03'),
      step('REQUEST_INFORMATION', 'CASE_HANDLER', '2026-03-10'),
    ];
    const paused = computeLegalClock(log, 45, '2026-03-20');
    expect(paused).toMatchObject({ isPaused: true, pausedDays: 10, dueDate: '2026-04-26', isAtRisk: false });
    const answered = computeLegalClock(
      [...log, step('ANSWER_INFORMATION', 'EMPLOYER', '2026-03-24')],
      45,
      '2026-03-25',
    );
    expect(answered).toMatchObject({ isPaused: false, pausedDays: 14, dueDate: '2026-04-30', daysLeft: 36 });
  });

  it('stops at the decision and records whether it came late', () => {
    const decided = [
      ...admissible,
      step('START_REVIEW', 'CASE_HANDLER', '2026-03-03'),
      step('GRANT', 'CASE_HANDLER', '2026-03-20'),
    ];
    expect(computeLegalClock(decided, 15, '2026-06-01')).toMatchObject({
      daysLeft: null,
      isOverdue: true,
      dueDate: '2026-03-17',
    });
    expect(computeLegalClock(decided, 45, '2026-06-01')).toMatchObject({ isOverdue: false });
  });

  it('gives a pending appeal its own term (six months from lodging), not the refusal’s past due date', () => {
    const appealed = [
      ...admissible,
      step('START_REVIEW', 'CASE_HANDLER', '2026-03-03'),
      step('REFUSE', 'CASE_HANDLER', '2026-03-10'),
      step('APPEAL', 'EMPLOYER', '2026-04-08'),
    ];
    // Lodged today: not overdue (it was "-22 days" against the first instance's due date).
    expect(computeLegalClock(appealed, 15, '2026-04-08')).toMatchObject({
      startedOn: '2026-04-08',
      dueDate: '2026-10-08',
      isOverdue: false,
    });
    expect(projectClock(appealed, 15)).toEqual({ dueDate: '2026-10-08', pausedSince: null });
    const dismissed = [...appealed, step('DECIDE_APPEAL', 'SUPERVISOR', '2026-05-01')];
    expect(computeLegalClock(dismissed, 15, '2026-06-01')).toMatchObject({
      daysLeft: null,
      isOverdue: false,
    });
  });

  it('starts again, for the full deadline, when an allowed appeal sends the dossier back to review', () => {
    const reopened = [
      ...admissible,
      step('START_REVIEW', 'CASE_HANDLER', '2026-03-03'),
      step('REQUEST_INFORMATION', 'CASE_HANDLER', '2026-03-04'),
      step('ANSWER_INFORMATION', 'EMPLOYER', '2026-03-09'),
      step('REFUSE', 'CASE_HANDLER', '2026-03-10'),
      step('APPEAL', 'EMPLOYER', '2026-03-20'),
      step('REOPEN_ON_APPEAL', 'SUPERVISOR', '2026-04-15'),
    ];
    const clock = computeLegalClock(reopened, 45, '2026-04-20');
    expect(clock).toMatchObject({
      startedOn: '2026-04-15',
      dueDate: '2026-05-30',
      daysLeft: 40,
      pausedDays: 0,
      isOverdue: false,
    });
    expect(projectClock(reopened, 45)).toEqual({ dueDate: '2026-05-30', pausedSince: null });
    const decidedAgain = [...reopened, step('GRANT', 'CASE_HANDLER', '2026-05-02')];
    expect(computeLegalClock(decidedAgain, 45, '2026-06-01')).toMatchObject({
      daysLeft: null,
      isOverdue: false,
    });
  });

  it('keeps in the database exactly the due date the clock computes, on any day', () => {
    const logs = fc
      .record({
        deadline: fc.constantFrom(15, 45, 90, 120),
        gaps: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 6 }),
        decided: fc.boolean(),
        daysAfter: fc.integer({ min: 0, max: 200 }),
      })
      .map(({ deadline, gaps, decided, daysAfter }) => {
        let on = '2026-03-02';
        const log: LoggedAction[] = [
          step('SUBMIT', 'EMPLOYER', on),
          step('DECLARE_ADMISSIBLE', 'SYSTEM', on),
          step('START_REVIEW', 'CASE_HANDLER', on),
        ];
        gaps.forEach((gap, index) => {
          on = addDays(on, gap);
          log.push(
            index % 2 === 0
              ? step('REQUEST_INFORMATION', 'CASE_HANDLER', on)
              : step('ANSWER_INFORMATION', 'EMPLOYER', on),
          );
        });
        if (decided && gaps.length % 2 === 0) log.push(step('GRANT', 'CASE_HANDLER', on));
        return { log, deadline, today: addDays(on, daysAfter) };
      });
    fc.assert(
      fc.property(logs, ({ log, deadline, today }) => {
        expect(deriveStatus(log)).toBeDefined();
        expect(effectiveDueDate(projectClock(log, deadline), today)).toBe(
          computeLegalClock(log, deadline, today).dueDate,
        );
      }),
    );
  });
});
