import { daysInclusive } from '../dates/iso-date.ts';
import type { AssessmentContext } from './assessment-context.ts';

/**
 * Employment of at most 90 days (both ends included) is done on a work card rather than a single
 * permit; an open-ended contract never is.
 */
export function isWorkCardDuration(ctx: AssessmentContext): boolean {
  const endDate = ctx.app.job.endDate;
  if (!endDate) return false;
  return daysInclusive(ctx.startDate, endDate) <= ctx.rules.get('procedure.workCardMaximumDays');
}
