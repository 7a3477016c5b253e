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
});
