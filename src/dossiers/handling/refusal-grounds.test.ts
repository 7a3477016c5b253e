import { describe, expect, it } from 'vitest';
import { assess } from '../../rules/index.ts';
import { anApplication } from '../../rules/test-support/build-application.ts';
import { GROUND_STATEMENTS } from '../letters/ground-texts.ts';
import { chooseRefusalGrounds, offeredGrounds } from './refusal-grounds.ts';

describe('choosing the grounds of a refusal', () => {
  const application = anApplication({ applicationDate: '2026-02-02' });
  const eligible = assess(application);
  const dossier = { category: eligible.category, application };

  it('offers every ground of the category, marking those the assessment found', () => {
    const lowSalary = assess(anApplication({ job: { grossAnnualSalary: 30000 } }), { lang: 'fr' });
    const app2026 = anApplication({ applicationDate: '2026-02-02', job: { grossAnnualSalary: 30000 } });
    const offered = offeredGrounds('HIGHLY_SKILLED', lowSalary, app2026);
    expect(offered.map((g) => g.code)).toContain('FALSE_DOCUMENTS');
    // The hub ground exists from 2026: not offered for an application of 2025 (false documents were a ground before).
    const offered2025 = offeredGrounds('HIGHLY_SKILLED', lowSalary, anApplication()).map((g) => g.code);
    expect(offered2025).not.toContain('EMPLOYER_ACTS_AS_HUB');
    expect(offered2025).toContain('FALSE_DOCUMENTS');
    const salary = offered.find((g) => g.code === 'SALARY_BELOW_THRESHOLD');
    expect(salary?.found).toMatch(/^Le salaire annuel brut/);
    expect(offered.find((g) => g.code === 'FALSE_DOCUMENTS')?.found).toBeNull();
  });

  it('words a ground the rules did not find by its statement, in the letter language and the category order', () => {
    const reasons = chooseRefusalGrounds(
      dossier,
      eligible,
      { reasonCodes: ['EMPLOYER_ACTS_AS_HUB', 'FALSE_DOCUMENTS'], note: 'Zie het verslag.' },
      'nl',
      'en',
    );
    expect(reasons.map((r) => [r.code, r.message])).toEqual([
      ['FALSE_DOCUMENTS', GROUND_STATEMENTS.en.FALSE_DOCUMENTS],
      ['EMPLOYER_ACTS_AS_HUB', GROUND_STATEMENTS.en.EMPLOYER_ACTS_AS_HUB],
    ]);
    expect(reasons.every((r) => r.legalBasis.startsWith('BVR 7 Dec 2018, art. 12–14'))).toBe(true);
  });

  it('names the field of every mistake at once, in the reader language', () => {
    const attempt = (reasonCodes: string[], note?: string) => () =>
      chooseRefusalGrounds(dossier, eligible, { reasonCodes, note }, 'en', 'nl');
    expect(attempt(['CULT_NOT_RECOGNISED'], 'x')).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ path: 'reasonCodes', rule: 'notAGroundOfCategory' })],
      }),
    );
    expect(attempt([], ' ')).toThrow(
      expect.objectContaining({
        fields: [
          expect.objectContaining({ path: 'reasonCodes', rule: 'reasonRequired' }),
          expect.objectContaining({
            path: 'note',
            rule: 'motivationRequired',
            message: expect.stringMatching(/^write/),
          }),
        ],
      }),
    );
  });
});
