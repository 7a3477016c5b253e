import { describe, expect, it } from 'vitest';
import { foldDraftSaves } from './dossier-history.ts';

const entry = (action: string, on: string, actorName: string | null = 'An Peeters') => ({
  action,
  by: action === 'START_REVIEW' ? 'CASE_HANDLER' : 'EMPLOYER',
  actorName,
  on,
  occurredAt: `${on}T10:00:00.000Z`,
});

describe('dossier history', () => {
  it('folds consecutive draft saves into one entry with their number and last day', () => {
    const history = foldDraftSaves([
      entry('SAVE_DRAFT', '2026-03-01'),
      entry('SAVE_DRAFT', '2026-03-01'),
      entry('SAVE_DRAFT', '2026-03-02'),
      entry('SUBMIT', '2026-03-02'),
      entry('START_REVIEW', '2026-03-04', 'Bart'),
    ]);
    expect(history.map((item) => [item.action, item.count, item.firstOn, item.on])).toEqual([
      ['SAVE_DRAFT', 3, '2026-03-01', '2026-03-02'],
      ['SUBMIT', 1, '2026-03-02', '2026-03-02'],
      ['START_REVIEW', 1, '2026-03-04', '2026-03-04'],
    ]);
  });

  it('keeps saves apart when someone else saved or something happened in between', () => {
    const history = foldDraftSaves([
      entry('SAVE_DRAFT', '2026-03-01'),
      entry('SAVE_DRAFT', '2026-03-01', 'Colleague'),
      entry('REQUEST_INFORMATION', '2026-03-02'),
      entry('SAVE_DRAFT', '2026-03-03'),
    ]);
    expect(history.map((item) => item.count)).toEqual([1, 1, 1, 1]);
  });
});
