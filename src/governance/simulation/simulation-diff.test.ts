import { describe, expect, it } from 'vitest';
import { getDefaultRuleData } from '../../rules/index.ts';
import { anApplication } from '../../rules/test-support/build-application.ts';
import {
  addComparison,
  compareDossier,
  emptyTally,
  MAX_EXAMPLES,
  mergeTallies,
  NOT_ASSESSED,
  reformFor,
  simulateDossiers,
} from './simulation-diff.ts';

const baseline = getDefaultRuleData();
const higherThreshold = reformFor(baseline, {
  kind: 'parameter',
  name: 'salary.averageGrossAnnual',
  value: 70000,
});
const dossier = (reference: string, salary: number, year = 2025) => ({
  reference,
  category: 'HIGHLY_SKILLED',
  year,
  application: anApplication({ applicationDate: `${year}-06-02`, job: { grossAnnualSalary: salary } }),
});

describe('policy simulation, the pure diff', () => {
  it('re-assesses a dossier under the change on its own date: a higher base refuses a salary of 60 000', () => {
    const comparison = compareDossier(baseline, higherThreshold, dossier('2025-000001', 60000));
    expect(comparison).toMatchObject({
      reference: '2025-000001',
      category: 'HIGHLY_SKILLED',
      province: 'OOST_VLAANDEREN',
      before: 'ELIGIBLE',
      after: 'INELIGIBLE',
      reasonsBefore: [],
    });
    expect(comparison.reasonsAfter).toContain('SALARY_BELOW_THRESHOLD');
    // The rules in force are untouched by the reform.
    expect(baseline.parameters.resolve('salary.averageGrossAnnual', '2025-06-02')?.value).toBe(48912);
  });

  it('counts per category, province and year, with transitions and examples of the changed ones', () => {
    const tally = simulateDossiers(baseline, higherThreshold, [
      dossier('A', 60000, 2024),
      dossier('B', 80000, 2024),
      dossier('C', 60000, 2025),
      { reference: 'D', category: 'HIGHLY_SKILLED', year: 2025, application: { nonsense: true } },
    ]);
    expect(tally.total).toBe(3);
    expect(tally.changed).toBe(2);
    expect(tally.notAssessed).toBe(1);
    expect(tally.byCategory).toEqual({ HIGHLY_SKILLED: { total: 3, changed: 2 } });
    expect(tally.byYear).toEqual({ '2024': { total: 2, changed: 1 }, '2025': { total: 1, changed: 1 } });
    expect(tally.byProvince).toEqual({ OOST_VLAANDEREN: { total: 3, changed: 2 } });
    expect(tally.transitions).toEqual({ 'ELIGIBLE→INELIGIBLE': 2 });
    expect(tally.examples.map((e) => e.reference)).toEqual(['A', 'C']);
  });

  it('merges tallies of several threads and keeps the first examples by reference', () => {
    const a = emptyTally();
    const b = emptyTally();
    for (let i = 0; i < MAX_EXAMPLES; i++) {
      const base = {
        category: 'OTHER',
        province: 'ANTWERPEN',
        year: 2026,
        reasonsBefore: [],
        reasonsAfter: [],
      };
      addComparison(a, { ...base, reference: `b-${i}`, before: 'ELIGIBLE', after: 'NEEDS_REVIEW' });
      addComparison(b, { ...base, reference: `a-${i}`, before: 'NEEDS_REVIEW', after: 'INELIGIBLE' });
    }
    addComparison(b, {
      reference: 'z',
      category: 'OTHER',
      province: 'UNKNOWN',
      year: 2026,
      before: NOT_ASSESSED,
      after: NOT_ASSESSED,
      reasonsBefore: [],
      reasonsAfter: [],
    });
    const merged = mergeTallies(a, b);
    expect(merged.total).toBe(2 * MAX_EXAMPLES);
    expect(merged.changed).toBe(2 * MAX_EXAMPLES);
    expect(merged.notAssessed).toBe(1);
    expect(merged.transitions).toEqual({
      'ELIGIBLE→NEEDS_REVIEW': MAX_EXAMPLES,
      'NEEDS_REVIEW→INELIGIBLE': MAX_EXAMPLES,
    });
    expect(merged.byProvince.ANTWERPEN).toEqual({ total: 2 * MAX_EXAMPLES, changed: 2 * MAX_EXAMPLES });
    expect(merged.examples).toHaveLength(MAX_EXAMPLES);
    expect(merged.examples.every((e) => e.reference.startsWith('a-'))).toBe(true);
  });

  it('simulates a list version by its functions on every date', () => {
    const listed = baseline.migrationList.at(-1)?.entries[0];
    expect(listed).toBeDefined();
    const reform = reformFor(baseline, { kind: 'list', entries: [] });
    expect(reform.migrationList.map((v) => v.id)).toEqual(baseline.migrationList.map((v) => v.id));
    expect(reform.migrationList.every((v) => v.ids.size === 0)).toBe(true);
    expect(baseline.migrationList.at(-1)?.ids.has(listed?.id ?? '')).toBe(true);
  });
});
