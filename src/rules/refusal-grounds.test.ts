import { describe, expect, it } from 'vitest';
import { CATEGORIES, REASON_EFFECTS } from './contract.ts';
import { getDefaultRuleData } from './index.ts';
import { isRefusalGroundCode, refusalGroundsFor, refusalGroundsOf } from './refusal-grounds.ts';
import { anApplication } from './test-support/build-application.ts';

describe('the refusal grounds of a category', () => {
  it('are the codes its conditions can produce, each with its legal basis', () => {
    const codes = (category: Parameters<typeof refusalGroundsOf>[0]) =>
      refusalGroundsOf(category).map((ground) => ground.code);
    // A worker who needs no authorisation (found by the registers after filing) is a ground in every category.
    expect(codes('HIGHLY_SKILLED')).toEqual([
      'WORK_AUTHORISATION_NOT_REQUIRED',
      'NOT_COMPETENT_REGION',
      'QUALIFICATION_TOO_LOW',
      'FUNCTION_NOT_HIGHLY_SKILLED',
      'SALARY_BELOW_THRESHOLD',
      'LOW_SKILLED_FUNCTION_EXCLUDED',
      'LOW_SKILLED_RENEWAL_TO_JUDGE',
      'EMPLOYER_EXCLUDED',
      'FALSE_DOCUMENTS',
      'EMPLOYER_ALMOST_ONLY_NON_EU',
      'EMPLOYER_ACTS_AS_HUB',
    ]);
    expect(codes('SEASONAL_WORKER')).toContain('SEASONAL_DURATION_EXCEEDED');
    expect(codes('SEASONAL_WORKER')).not.toContain('SALARY_BELOW_THRESHOLD');
    expect(codes('OTHER_LABOUR_MARKET_TEST')).toEqual(
      expect.arrayContaining([
        'VACANCY_PUBLICATION_INSUFFICIENT',
        'NOT_ON_SHORTAGE_LIST',
        'FUNCTION_ABOVE_MEDIUM_SKILLED',
        'LABOUR_MARKET_SEARCH_TO_JUDGE',
      ]),
    );
    // An au pair is on a work card: the exclusion of VKS 1–2 single permits does not reach it.
    expect(codes('AU_PAIR')).not.toContain('LOW_SKILLED_FUNCTION_EXCLUDED');
    expect(codes('EU_BLUE_CARD')).toContain('FUNCTION_NOT_HIGHLY_SKILLED');
    expect(codes('MINISTER_OF_RELIGION')).toContain('CULT_NOT_RECOGNISED');
    expect(codes('RESEARCHER')).not.toContain('CULT_NOT_RECOGNISED');
    const salary = refusalGroundsOf('EU_BLUE_CARD').find(
      (ground) => ground.code === 'SALARY_BELOW_THRESHOLD',
    );
    expect(salary?.legalBasis).toBe('BVR 7 Dec 2018, art. 20–21/1');
  });

  it('never offer an incompleteness as a refusal ground, and give every ground a legal basis', () => {
    for (const category of CATEGORIES) {
      const grounds = refusalGroundsOf(category);
      expect(grounds.length, category).toBeGreaterThan(0);
      expect(new Set(grounds.map((g) => g.code)).size, category).toBe(grounds.length);
      for (const ground of grounds) {
        expect(REASON_EFFECTS[ground.code], ground.code).not.toBe('INCOMPLETE');
        expect(ground.legalBasis.trim(), ground.code).not.toBe('');
      }
    }
    expect(isRefusalGroundCode('MISSING_INFORMATION')).toBe(false);
    expect(isRefusalGroundCode('INVALID_INSZ')).toBe(false);
    expect(isRefusalGroundCode('EMPLOYER_ACTS_AS_HUB')).toBe(true);
    expect(isRefusalGroundCode('NO_SUCH_CODE')).toBe(false);
  });

  it('for one application, only those in force on its date and applying to its kind', () => {
    const codes = (patch: Parameters<typeof anApplication>[0]) =>
      refusalGroundsFor(getDefaultRuleData(), anApplication(patch)).map((ground) => ground.code);
    // False documents were a ground of the 2018 decree already; the hub review is from 2026.
    expect(codes({ applicationDate: '2025-06-02' })).toContain('FALSE_DOCUMENTS');
    expect(codes({ applicationDate: '2025-06-02' })).not.toContain('EMPLOYER_ACTS_AS_HUB');
    expect(codes({ applicationDate: '2026-02-02' })).toContain('EMPLOYER_ACTS_AS_HUB');
    const labourMarket = { category: 'OTHER_LABOUR_MARKET_TEST', applicationDate: '2026-02-02' } as const;
    expect(codes({ ...labourMarket, kind: 'FIRST' })).toContain('VACANCY_PUBLICATION_INSUFFICIENT');
    expect(codes({ ...labourMarket, kind: 'RENEWAL' })).not.toContain('VACANCY_PUBLICATION_INSUFFICIENT');
  });
});
