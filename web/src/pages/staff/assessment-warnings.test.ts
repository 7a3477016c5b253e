import { describe, expect, it } from 'vitest';
import { staffWarnings } from './assessment-warnings.ts';

const unverified = (parameter: string, status = 'PROVISIONAL') => ({
  code: 'PARAMETER_UNVERIFIED' as const,
  message: `${parameter}.`,
  facts: { parameter, value: 1, validFrom: '2026-01-01', source: 'x', status },
});
const nurse = { code: 'REGULATED_PROFESSION' as const, message: 'Verpleegkundige.', facts: {} };

function assessment(amountDue: number) {
  return {
    fee: { amountDue, currency: 'EUR', payer: 'EMPLOYER', exemption: null },
    warnings: [
      nurse,
      unverified('salary.averageGrossAnnual'),
      unverified('fee.singlePermit', 'CONFLICTING'),
      unverified('salary.averageGrossAnnual'),
    ],
  } as unknown as Parameters<typeof staffWarnings>[0];
}
const parameters = (list: ReturnType<typeof staffWarnings>['unverifiedValues']) =>
  list.map((w) => (w.facts as { parameter: string }).parameter);

describe('staffWarnings', () => {
  it('names the fee’s uncertain amount only while a fee is due and unpaid', () => {
    const open = staffWarnings(assessment(200), { amountDueCents: 20_000, paidOn: null });
    expect(parameters(open.unverifiedValues)).toEqual(['salary.averageGrossAnnual', 'fee.singlePermit']);
    const paid = staffWarnings(assessment(200), { amountDueCents: 20_000, paidOn: '2026-02-01' });
    expect(parameters(paid.unverifiedValues)).toEqual(['salary.averageGrossAnnual']);
    const none = staffWarnings(assessment(0), { amountDueCents: 0, paidOn: null });
    expect(parameters(none.unverifiedValues)).toEqual(['salary.averageGrossAnnual']);
  });

  it('keeps the case’s own warnings apart and lists each unverified value once', () => {
    const { caseWarnings, unverifiedValues } = staffWarnings(assessment(200), null);
    expect(caseWarnings).toEqual([nurse]);
    expect(unverifiedValues).toHaveLength(2);
  });
});
