import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, summariseLeadTimes } from './lead-times.ts';

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
        decided: 1,
        withinDeadline: 1,
        shareWithinDeadline: 1,
        averageDays: 30,
        medianDays: 30,
        p90Days: 30,
      },
      {
        category: 'HIGHLY_SKILLED',
        decided: 2,
        withinDeadline: 1,
        shareWithinDeadline: 0.5,
        // The average (the policy note's 30-day target is one) is not the median.
        averageDays: 15,
        medianDays: 10,
        p90Days: 20,
      },
    ]);
  });
});
