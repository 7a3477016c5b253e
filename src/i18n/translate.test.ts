import { describe, expect, it } from 'vitest';
import { translate } from './translate.ts';

describe('server messages', () => {
  it('write a calendar day the Belgian way, never as YYYY-MM-DD', () => {
    const key = 'validation.talent.recognition.beforeRequest';
    for (const lang of ['nl', 'fr', 'en'] as const) {
      expect(translate(lang, key, { date: '2027-03-01' })).toContain('(01/03/2027)');
    }
    expect(translate('nl', key, { date: '2027-03-01' })).not.toContain('2027-03-01');
  });

  it('leave other parameters as given', () => {
    expect(translate('nl', 'validation.savedFilters.tooMany', { limit: 20 })).toContain('20');
    expect(translate('nl', 'validation.maximum', { limit: '2027-02-30x' })).toContain('2027-02-30x');
  });

  it('write an amount marked as money in euro as the pages do in that language', () => {
    const key = 'validation.talent.pilotAdmin.spendingAboveBudget';
    expect(translate('nl', key, { budget: 1_500_000 })).toMatch(/\(€\s1\.500\.000,00\)$/);
    expect(translate('fr', key, { budget: 1_500_000 })).toMatch(/\(1\s500\s000,00\s€\)$/);
    expect(translate('en', key, { budget: 1_500_000 })).toMatch(/\(€1,500,000\.00\)$/);
    expect(translate('nl', key, { budget: 1_500_000 })).not.toContain('EUR');
  });
});
