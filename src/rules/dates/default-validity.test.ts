import { describe, expect, it } from 'vitest';
import { defaultValidity } from './default-validity.ts';

describe('default validity of a grant', () => {
  it('runs from the job start for the legal maximum', () => {
    expect(defaultValidity({ startDate: '2026-05-01', maxValidityMonths: 36, today: '2026-03-12' })).toEqual({
      validFrom: '2026-05-01',
      validUntil: '2029-04-30',
    });
  });

  it('ends with a seasonal job, never after it', () => {
    // Seasonal work: 110 days of work, a legal maximum of 5 months.
    expect(
      defaultValidity({
        startDate: '2026-05-01',
        endDate: '2026-08-19',
        maxValidityMonths: 5,
        today: '2026-03-12',
      }),
    ).toEqual({ validFrom: '2026-05-01', validUntil: '2026-08-19' });
  });

  it('keeps the legal maximum when the job runs longer', () => {
    expect(
      defaultValidity({
        startDate: '2026-05-01',
        endDate: '2026-12-31',
        maxValidityMonths: 5,
        today: '2026-03-12',
      }),
    ).toEqual({ validFrom: '2026-05-01', validUntil: '2026-09-30' });
  });

  it('starts today when the start date has passed; a job already ended does not bound it', () => {
    expect(defaultValidity({ startDate: '2026-01-01', maxValidityMonths: 12, today: '2026-03-12' })).toEqual({
      validFrom: '2026-03-12',
      validUntil: '2027-03-11',
    });
    expect(
      defaultValidity({
        startDate: '2026-01-01',
        endDate: '2026-02-01',
        maxValidityMonths: 12,
        today: '2026-03-12',
      }),
    ).toEqual({ validFrom: '2026-03-12', validUntil: '2027-03-11' });
    expect(
      defaultValidity({
        startDate: '2026-05-01',
        endDate: '2026-10-31',
        maxValidityMonths: null,
        today: '2026-03-12',
      }),
    ).toEqual({ validFrom: '2026-05-01', validUntil: '2026-10-31' });
    expect(defaultValidity({ startDate: null, maxValidityMonths: null, today: '2026-03-12' })).toEqual({
      validFrom: '2026-03-12',
      validUntil: '',
    });
  });
});
