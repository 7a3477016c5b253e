import { describe, expect, it } from 'vitest';
import { draftNeedsNoAuthorisation, employerActionsFor, lateness } from './employer-dossiers.ts';

// The employer's list: a draft that can never be filed (its worker needs no work authorisation)
// asks to be deleted, not finished.
const draft = (nationality: string | undefined) => ({
  status: 'DRAFT',
  fee_reference: null,
  fee_amount_cents: null,
  fee_paid_on: null,
  worker_terms_confirmed_at: null,
  application: { category: 'HIGHLY_SKILLED', worker: nationality ? { nationality } : {} },
});
const today = { dueOn: null, today: '2026-12-02' };

describe('what a draft asks of the employer', () => {
  it('asks to finish a draft for a worker who needs an authorisation, or whose nationality is not given yet', () => {
    expect(employerActionsFor(draft('IN'), today)).toEqual(['FINISH_DRAFT']);
    expect(employerActionsFor(draft(undefined), today)).toEqual(['FINISH_DRAFT']);
    expect(draftNeedsNoAuthorisation(draft('IN'), today.today)).toBe(false);
  });

  it('asks to delete a draft for an EU, Swiss or Belgian worker: it can never be filed', () => {
    for (const nationality of ['PL', 'CH', 'BE', 'NO']) {
      expect(employerActionsFor(draft(nationality), today)).toEqual(['DELETE_DRAFT']);
      expect(draftNeedsNoAuthorisation(draft(nationality), today.today)).toBe(true);
    }
    // Once submitted it is no longer a draft to delete.
    expect(draftNeedsNoAuthorisation({ ...draft('PL'), status: 'INADMISSIBLE' }, today.today)).toBe(false);
  });
});

describe('what is late on a dossier, for the employer’s list', () => {
  const open = { status: 'IN_REVIEW', due_date: '2026-11-30', paused_since: null };
  it('says the service’s legal deadline has passed on an open dossier, not on a closed one', () => {
    expect(lateness(open, null, '2026-12-02')).toEqual({ isOverdue: true, isAnswerLate: false });
    expect(lateness(open, null, '2026-11-30').isOverdue).toBe(false);
    expect(lateness({ ...open, status: 'DECIDED_GRANTED' }, null, '2026-12-02').isOverdue).toBe(false);
  });

  it('lengthens the deadline while paused, and says the employer’s own answer is late', () => {
    const paused = { status: 'INFORMATION_REQUESTED', due_date: '2026-11-30', paused_since: '2026-11-20' };
    expect(lateness(paused, '2026-11-27', '2026-12-02')).toEqual({ isOverdue: false, isAnswerLate: true });
    expect(lateness(paused, '2026-12-05', '2026-12-02').isAnswerLate).toBe(false);
  });
});
