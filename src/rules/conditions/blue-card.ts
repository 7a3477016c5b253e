import { addDays, addMonths, wholeMonthsInclusive } from '../dates/iso-date.ts';
import { type Condition, finding } from './condition.ts';
import { checkSalaryThreshold, shareOfAverageWage } from './salary-threshold.ts';

/** EU Blue Card (art. 20–21/1 BVR; directive (EU) 2021/1883 from 1 May 2024). */

const LEGAL_BASIS = 'BVR 7 Dec 2018, art. 20–21/1';

export const checkBlueCardSalary = checkSalaryThreshold('checkBlueCardSalary', LEGAL_BASIS, (ctx) =>
  shareOfAverageWage(ctx, 'threshold.share.euBlueCard'),
);

/**
 * An open-ended contract always qualifies. A fixed-term one must cover the minimum number of
 * months in force on the application date: start + n months − 1 day, so 1 Jan – 31 Dec is 12.
 */
export const checkBlueCardContractLength: Condition = {
  name: 'checkBlueCardContractLength',
  legalBasis: LEGAL_BASIS,
  reasonCodes: ['CONTRACT_TOO_SHORT'],
  evaluate(ctx) {
    const endDate = ctx.app.job.endDate;
    if (endDate === undefined || endDate === null) return null;
    const minimumMonths = ctx.rules.get('contract.euBlueCardMinimumMonths');
    if (endDate >= addDays(addMonths(ctx.startDate, minimumMonths), -1)) return null;
    return finding('CONTRACT_TOO_SHORT', {
      startDate: ctx.startDate,
      endDate,
      months: wholeMonthsInclusive(ctx.startDate, endDate),
      minimumMonths,
    });
  },
};
