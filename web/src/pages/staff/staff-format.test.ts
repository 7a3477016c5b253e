import { describe, expect, it } from 'vitest';
import {
  ariaSortOf,
  defaultValidity,
  isAnswered,
  nextSort,
  queueFlags,
  queueQueryToSaved,
  readAnswer,
  readQueueQuery,
  savedToQueueQuery,
  todayInBrussels,
  toPercent,
  writeQueueQuery,
} from './staff-format.ts';
import type { QueueItem } from './staff-types.ts';

const ITEM: QueueItem = {
  id: 'd1',
  number: 'VL-2026-000001',
  status: 'IN_REVIEW',
  category: 'HIGHLY_SKILLED',
  kind: 'FIRST',
  workerName: 'Priya Raman',
  version: 3,
  dueDate: '2026-03-17',
  daysLeft: 2,
  isPaused: false,
  isAtRisk: false,
  isOverdue: false,
  isAwaitingFee: false,
  hasRefusalToCoSign: false,
  assignee: null,
};

describe('staff page helpers', () => {
  it('names every reason a queue row needs attention, most urgent first', () => {
    expect(queueFlags(ITEM)).toEqual([]);
    expect(queueFlags({ ...ITEM, isAtRisk: true, hasRefusalToCoSign: true })).toEqual(['atRisk', 'coSign']);
    expect(queueFlags({ ...ITEM, isOverdue: true, isPaused: true, isAwaitingFee: true })).toEqual([
      'overdue',
      'paused',
      'awaitingFee',
    ]);
  });

  it('reads the queue filter from the URL and writes it back without empty filters', () => {
    const query = readQueueQuery('?scope=unassigned&category=TRAINEE&q=+Peeters+&offset=25', 'mine');
    expect(query).toEqual({
      scope: 'unassigned',
      status: '',
      category: 'TRAINEE',
      q: 'Peeters',
      sort: '',
      direction: 'asc',
      offset: 25,
    });
    expect(writeQueueQuery(query)).toBe('scope=unassigned&category=TRAINEE&q=Peeters&offset=25');
    expect(readQueueQuery('?scope=everything&offset=-4', 'all')).toEqual({
      scope: 'all',
      status: '',
      category: '',
      q: '',
      sort: '',
      direction: 'asc',
      offset: 0,
    });
  });

  it('sorts by a column header: another column ascending, the same one turned around', () => {
    const query = readQueueQuery('?scope=all&sort=number&direction=asc', 'mine');
    expect(writeQueueQuery(query)).toBe('scope=all&sort=number&direction=asc');
    expect(nextSort(query, 'number')).toEqual({ sort: 'number', direction: 'desc' });
    expect(nextSort(query, 'worker')).toEqual({ sort: 'worker', direction: 'asc' });
    expect(ariaSortOf(query, 'number')).toBe('ascending');
    expect(ariaSortOf(query, 'dueDate')).toBeUndefined();
    // Without a sort the queue is in due-date order, and says so.
    const plain = readQueueQuery('?scope=all&sort=salary', 'mine');
    expect(plain.sort).toBe('');
    expect(ariaSortOf(plain, 'dueDate')).toBe('ascending');
    expect(nextSort(plain, 'dueDate')).toEqual({ sort: 'dueDate', direction: 'desc' });
    // A saved filter goes to the page and back unchanged.
    const saved = queueQueryToSaved({ ...query, status: 'IN_REVIEW', q: 'Raman' });
    expect(saved).toEqual({
      scope: 'all',
      status: 'IN_REVIEW',
      q: 'Raman',
      sort: 'number',
      direction: 'asc',
    });
    expect(savedToQueueQuery(saved, 'mine')).toEqual({ ...query, status: 'IN_REVIEW', q: 'Raman' });
  });

  it('reads answers at dotted paths and knows an unanswered question', () => {
    const root = { application: { job: { title: 'Engineer', isCareFunction: false } }, workerIdentity: {} };
    expect(readAnswer(root, 'application.job.title')).toBe('Engineer');
    expect(readAnswer(root, 'application.worker.birthDate')).toBeUndefined();
    expect(isAnswered(readAnswer(root, 'application.job.isCareFunction'))).toBe(true);
    expect(isAnswered('')).toBe(false);
    expect(isAnswered([])).toBe(false);
  });

  it('proposes a validity from the start date for the maximum months, the last day included', () => {
    expect(defaultValidity('2026-05-01', 36, '2026-03-12')).toEqual({
      validFrom: '2026-05-01',
      validUntil: '2029-04-30',
    });
    // A start date in the past: the permit cannot start before the decision.
    expect(defaultValidity('2026-01-01', 12, '2026-03-12')).toEqual({
      validFrom: '2026-03-12',
      validUntil: '2027-03-11',
    });
    expect(defaultValidity(null, null, '2026-03-12')).toEqual({ validFrom: '2026-03-12', validUntil: '' });
    // A seasonal job of 110 days: the permit ends with the job, not at the legal maximum.
    expect(defaultValidity('2026-05-01', 5, '2026-03-12', '2026-08-19')).toEqual({
      validFrom: '2026-05-01',
      validUntil: '2026-08-19',
    });
  });

  it('takes today on Brussels time and rounds shares to whole percentages', () => {
    expect(todayInBrussels(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(toPercent(0.857)).toBe(86);
    expect(toPercent(null)).toBeNull();
  });
});

describe('grantValidityProblem', () => {
  it('finds a grant longer than the maximum, or ending before it starts, before the confirmation', async () => {
    const { grantValidityProblem } = await import('./staff-format.ts');
    expect(grantValidityProblem('2026-03-01', '2029-03-01', 36)).toBeNull();
    expect(grantValidityProblem('2026-03-01', '2029-03-02', 36)).toEqual({
      rule: 'maxValidity',
      latest: '2029-03-01',
    });
    expect(grantValidityProblem('2026-03-01', '2026-02-28', 36)).toEqual({ rule: 'afterValidFrom' });
    expect(grantValidityProblem('2026-03-01', '2040-01-01', null)).toBeNull();
    expect(grantValidityProblem('2026-03-01', '', 36)).toBeNull();
  });
});
