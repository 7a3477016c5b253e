import { daysInclusive } from '../dates/iso-date.ts';
import { type Condition, finding } from './condition.ts';
import { FIELDS } from './fields.ts';

/** Medium-skilled shortage functions need at least 80 % employment (art. 18 §2). */
export const checkEmploymentFraction: Condition = {
  name: 'checkEmploymentFraction',
  legalBasis: 'BVR 7 Dec 2018, art. 18 §2',
  reasonCodes: ['EMPLOYMENT_FRACTION_TOO_LOW'],
  requires: [FIELDS.employmentFraction],
  evaluate(ctx) {
    const employmentFraction = ctx.app.job.employmentFraction!;
    const minimumFraction = ctx.rules.get('employment.mediumSkilledMinimumFraction');
    return employmentFraction >= minimumFraction
      ? null
      : finding('EMPLOYMENT_FRACTION_TOO_LOW', { employmentFraction, minimumFraction });
  },
};

/**
 * Seasonal work may last at most 150 days in 365 (art. 22–24/1; DVZ). The application only
 * describes this contract, so its own length (both ends included) is what is checked; earlier
 * seasons in the same 365 days are for the case handler. An open-ended contract (no end date)
 * is by definition longer than any seasonal maximum.
 */
export const checkSeasonalDuration: Condition = {
  name: 'checkSeasonalDuration',
  legalBasis: 'BVR 7 Dec 2018, art. 22–24/1',
  reasonCodes: ['SEASONAL_DURATION_EXCEEDED'],
  evaluate(ctx) {
    const endDate = ctx.app.job.endDate ?? null;
    const days = endDate === null ? null : daysInclusive(ctx.startDate, endDate);
    const maximumDays = ctx.rules.get('seasonal.maximumDays');
    const referencePeriodDays = ctx.rules.get('seasonal.referencePeriodDays');
    if (days !== null && days <= maximumDays) return null;
    return finding('SEASONAL_DURATION_EXCEEDED', {
      startDate: ctx.startDate,
      endDate,
      days,
      maximumDays,
      referencePeriodDays,
    });
  },
};

/** Seasonal work exists only in agriculture, horticulture and hospitality (the schema's values). */
export const checkSeasonalSector: Condition = {
  name: 'checkSeasonalSector',
  legalBasis: 'BVR 7 Dec 2018, art. 22',
  reasonCodes: [],
  requires: [FIELDS.sector],
  evaluate: () => null,
};
