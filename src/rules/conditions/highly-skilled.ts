import { addDays, addMonths, birthdayOfAge } from '../dates/iso-date.ts';
import type { AssessmentContext } from '../engine/assessment-context.ts';
import type { WarningCheck } from './condition.ts';
import {
  checkSalaryThreshold,
  isBelowThreshold,
  shareOfAverageWage,
  type Threshold,
} from './salary-threshold.ts';

/**
 * Highly skilled (art. 17, 1°): 100 % of the average wage, or the reduced share for a worker under
 * the age limit on the start date, a nurse, or (from 1 May 2024) a teacher. The reduction is not
 * for posted workers, i.e. an employer not established in Belgium (reference.md §1.1).
 */

const LEGAL_BASIS = 'BVR 7 Dec 2018, art. 17, 1°';

function isUnderAgeLimit(ctx: AssessmentContext): boolean {
  return ctx.ageOnStart < ctx.thresholds.get('threshold.reducedAgeLimit');
}

export function resolveHighlySkilledThreshold(ctx: AssessmentContext): Threshold {
  const profession = ctx.app.worker.profession;
  if (ctx.app.employer.establishedInBelgium !== false) {
    if (profession === 'NURSE')
      return shareOfAverageWage(ctx, 'threshold.share.highlySkilledReduced', 'NURSE');
    if (profession === 'TEACHER') {
      const teacher = ctx.thresholds.peek('threshold.share.highlySkilledTeacher');
      const standard = ctx.thresholds.peek('threshold.share.highlySkilled');
      if (teacher !== undefined && standard !== undefined && teacher < standard) {
        return shareOfAverageWage(ctx, 'threshold.share.highlySkilledTeacher', 'TEACHER');
      }
    }
    if (isUnderAgeLimit(ctx)) {
      return shareOfAverageWage(ctx, 'threshold.share.highlySkilledReduced', 'UNDER_AGE_LIMIT');
    }
  }
  return shareOfAverageWage(ctx, 'threshold.share.highlySkilled');
}

export const checkHighlySkilledSalary = checkSalaryThreshold(
  'checkHighlySkilledSalary',
  LEGAL_BASIS,
  resolveHighlySkilledThreshold,
);

/**
 * The reduced under-30 threshold holds only until the worker turns 30: unless pay rises then, the
 * validity stops the day before the birthday. Warn when that birthday falls inside the requested
 * validity (the contract's end, or the maximum validity for an open-ended contract) and the salary
 * needed the reduction (it is below the standard threshold).
 */
export const warnValidityLimitedByAge: WarningCheck = {
  name: 'warnValidityLimitedByAge',
  evaluate(ctx) {
    const salary = ctx.app.job.grossAnnualSalary;
    if (salary === undefined || salary === null) return null;
    const threshold = resolveHighlySkilledThreshold(ctx);
    if (threshold.reduction !== 'UNDER_AGE_LIMIT') return null;
    if (!isBelowThreshold(salary, shareOfAverageWage(ctx, 'threshold.share.highlySkilled').threshold))
      return null;
    const endDate = ctx.app.job.endDate;
    const requestedUntil =
      endDate ??
      addDays(addMonths(ctx.startDate, ctx.rules.get('procedure.maxValidityMonths.highlySkilled')), -1);
    const ageLimit = ctx.thresholds.get('threshold.reducedAgeLimit');
    const turnsAgeLimitOn = birthdayOfAge(ctx.app.worker.birthDate, ageLimit);
    if (turnsAgeLimitOn > requestedUntil) return null;
    return {
      code: 'VALIDITY_LIMITED_BY_AGE',
      facts: { until: addDays(turnsAgeLimitOn, -1), turnsAgeLimitOn, ageLimit, requestedUntil },
    };
  },
};
