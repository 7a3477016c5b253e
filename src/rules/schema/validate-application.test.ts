import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../validation/field-errors.ts';
import { validateApplication } from './validate-application.ts';

const application = (worker: Record<string, unknown>, job: Record<string, unknown>, kind = 'FIRST') => ({
  applicationDate: '2026-03-02',
  kind,
  category: 'HIGHLY_SKILLED',
  employer: { enterpriseNumber: '0403.170.701' },
  worker: { birthDate: '1990-05-01', nationality: 'IN', qualificationVks: 7, ...worker },
  job: { requiredVks: 6, grossAnnualSalary: 85000, workplacePostalCode: '9000', ...job },
});

function errorsOf(input: unknown, lang: 'nl' | 'fr' | 'en' = 'nl') {
  const result = validateApplication(input);
  return result.ok ? [] : toFieldErrors(result.errors, lang);
}

describe('implausible dates', () => {
  it('accepts a worker of 15 to 100 and a start from a year before to two years after filing', () => {
    expect(errorsOf(application({ birthDate: '2011-03-02' }, { startDate: '2025-03-02' }))).toEqual([]);
    expect(errorsOf(application({ birthDate: '1925-03-03' }, { startDate: '2028-03-02' }))).toEqual([]);
  });

  it('names the birth date of a worker under 15 or over 100, in the reader’s language', () => {
    expect(errorsOf(application({ birthDate: '2011-03-03' }, {}))).toEqual([
      {
        path: 'worker.birthDate',
        rule: 'plausible.tooYoung',
        message: expect.stringContaining('jonger dan 15 jaar'),
      },
    ]);
    expect(errorsOf(application({ birthDate: '1920-01-01' }, {}), 'fr')).toEqual([
      {
        path: 'worker.birthDate',
        rule: 'plausible.tooOld',
        message: expect.stringContaining('plus âgé que 100 ans'),
      },
    ]);
  });

  it('names a start date far in the past or more than two years ahead; a renewal’s job may be older', () => {
    expect(errorsOf(application({}, { startDate: '2020-01-01' }), 'en')).toEqual([
      {
        path: 'job.startDate',
        rule: 'plausible.startTooEarly',
        message: expect.stringContaining('more than a year before'),
      },
    ]);
    expect(errorsOf(application({}, { startDate: '2028-03-03' }))).toEqual([
      {
        path: 'job.startDate',
        rule: 'plausible.startTooLate',
        message: expect.stringContaining('meer dan twee jaar na'),
      },
    ]);
    expect(errorsOf(application({}, { startDate: '2020-01-01' }, 'RENEWAL'))).toEqual([]);
    const filedIn2030 = {
      ...application({}, { startDate: '2019-06-01' }, 'RENEWAL'),
      applicationDate: '2030-03-04',
    };
    expect(errorsOf(filedIn2030)[0]?.rule).toBe('plausible.startTooEarlyRenewal');
    // A start before the regime (2019) is the assessment's to answer (RulesDateOutOfRangeError), not this check's.
    expect(errorsOf(application({}, { startDate: '2015-01-01' }, 'RENEWAL'))).toEqual([]);
  });
});
