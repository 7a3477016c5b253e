import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnderAverageTarget, overallAgainstTarget, percentile, summariseLeadTimes } from './lead-times.ts';
import { leadTimeStart } from './supervision.ts';

describe('lead times', () => {
  it('take the nearest-rank percentile', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('never report a percentile that did not occur, and keep the median at or below p90', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1 }), (raw) => {
        const sorted = [...raw].sort((a, b) => a - b);
        const median = percentile(sorted, 50);
        const p90 = percentile(sorted, 90);
        expect(sorted).toContain(median);
        expect(sorted).toContain(p90);
        expect(median as number).toBeLessThanOrEqual(p90 as number);
      }),
    );
  });

  it('give the share within the deadline per category', () => {
    const figures = summariseLeadTimes([
      { category: 'HIGHLY_SKILLED', leadTimeDays: 10, isWithinDeadline: true },
      { category: 'HIGHLY_SKILLED', leadTimeDays: 20, isWithinDeadline: false },
      { category: 'EU_BLUE_CARD', leadTimeDays: 30, isWithinDeadline: true },
    ]);
    expect(figures).toEqual([
      {
        category: 'EU_BLUE_CARD',
        target: 'NONE',
        decided: 1,
        withinDeadline: 1,
        shareWithinDeadline: 1,
        averageDays: 30,
        medianDays: 30,
        p90Days: 30,
        // The EU Blue Card is highly skilled work: the §2.4 target is for the others.
        averageTargetDays: null,
        averageDaysUnderTarget: null,
        meetsAverageTarget: null,
      },
      {
        category: 'HIGHLY_SKILLED',
        target: 'NONE',
        decided: 2,
        withinDeadline: 1,
        shareWithinDeadline: 0.5,
        // The average (the policy note's 30-day target is one) is not the median.
        averageDays: 15,
        medianDays: 10,
        p90Days: 20,
        // The highly skilled have the fast lane's maximum, not the 30-day average (§2.2, §2.4).
        averageTargetDays: null,
        averageDaysUnderTarget: null,
        meetsAverageTarget: null,
      },
    ]);
  });

  it('set the 30-day average target against the dossiers other than highly skilled filed from 2026 (policy note 002 §2.4)', () => {
    expect(isUnderAverageTarget('MEDIUM_SKILLED_SHORTAGE', '2025-12-31')).toBe(false);
    expect(isUnderAverageTarget('MEDIUM_SKILLED_SHORTAGE', '2026-01-01')).toBe(true);
    expect(isUnderAverageTarget('HIGHLY_SKILLED', '2026-01-01')).toBe(false);
    expect(isUnderAverageTarget('EU_BLUE_CARD', '2026-01-01')).toBe(false);
    const row = (leadTimeDays: number, filedOn: string) => ({
      category: 'MEDIUM_SKILLED_SHORTAGE',
      leadTimeDays,
      isWithinDeadline: leadTimeDays <= 45,
      isUnderAverageTarget: isUnderAverageTarget('MEDIUM_SKILLED_SHORTAGE', filedOn),
    });
    // A 2025 dossier of 110 days is in the average of the period, not in the target's.
    const [met] = summariseLeadTimes([row(20, '2026-01-05'), row(40, '2026-02-01'), row(110, '2025-12-20')]);
    expect(met).toMatchObject({ averageDays: 56.7, averageDaysUnderTarget: 30, meetsAverageTarget: true });
    const [missed] = summariseLeadTimes([row(20, '2026-01-05'), row(41, '2026-02-01')]);
    // Both within the 45-day maximum, yet the average misses the target.
    expect(missed).toMatchObject({
      withinDeadline: 2,
      averageDaysUnderTarget: 30.5,
      meetsAverageTarget: false,
    });
  });

  it('say over all categories whether the dossiers the 30-day average applies to met it', () => {
    const row = (category: string, leadTimeDays: number) => ({
      category,
      leadTimeDays,
      isWithinDeadline: true,
      isUnderAverageTarget: isUnderAverageTarget(category, '2026-02-01'),
    });
    // A slow Blue Card dossier weighs on no target; 20 and 41 days average 30.5: missed.
    const decided = [row('MEDIUM_SKILLED_SHORTAGE', 20), row('SEASONAL_WORKER', 41), row('EU_BLUE_CARD', 90)];
    expect(overallAgainstTarget(decided)).toEqual({
      decided: 2,
      averageDays: 30.5,
      targetDays: 30,
      meetsTarget: false,
    });
    expect(overallAgainstTarget([row('SEASONAL_WORKER', 29)])).toMatchObject({ meetsTarget: true });
    expect(overallAgainstTarget([row('EU_BLUE_CARD', 10)])).toMatchObject({ decided: 0, meetsTarget: null });
    expect(summariseLeadTimes(decided).map((r) => [r.category, r.target])).toEqual([
      ['EU_BLUE_CARD', 'NONE'],
      ['MEDIUM_SKILLED_SHORTAGE', 'AVERAGE_30_DAYS'],
      ['SEASONAL_WORKER', 'AVERAGE_30_DAYS'],
    ]);
  });

  it('count each lead time from the day its legal clock started (policy note 002 §2.2)', () => {
    const fastLane = { procedure: { track: 'FAST_LANE' }, fee: { amountDue: 200 } };
    const standard = { procedure: { track: 'STANDARD' }, fee: { amountDue: 200 } };
    const dates = { submitted_on: '2026-03-02', admissible_on: '2026-03-04' };
    expect(leadTimeStart({ ...dates, assessment: standard, fee_paid_on: '2026-03-04' })).toBe('2026-03-04');
    expect(leadTimeStart({ ...dates, assessment: fastLane, fee_paid_on: '2026-03-02' })).toBe('2026-03-02');
    expect(leadTimeStart({ ...dates, assessment: fastLane, fee_paid_on: '2026-03-04' })).toBe('2026-03-04');
    const before2026 = { procedure: { track: 'FAST_LANE' }, fee: { amountDue: 0 } };
    expect(
      leadTimeStart({
        submitted_on: '2025-06-02',
        admissible_on: '2025-06-05',
        assessment: before2026,
        fee_paid_on: null,
      }),
    ).toBe('2025-06-02');
  });
});
