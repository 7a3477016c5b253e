import type { AssessmentContext } from '../engine/assessment-context.ts';
import type { ThresholdFacts } from '../facts.ts';
import type { ParameterName } from '../parameters/parameter-definitions.ts';
import { type Condition, finding } from './condition.ts';
import { FIELDS, type Field } from './fields.ts';

/**
 * Salary thresholds, resolved on the job's start date: new amounts apply to employment starting on
 * or after their date. Amounts are compared to the cent.
 */

export type Threshold = Omit<ThresholdFacts, 'salary'>;

const toCents = (amount: number): number => Math.round(amount * 100);
const roundCents = (amount: number): number => toCents(amount) / 100;
const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

function withMonthly(ctx: AssessmentContext, threshold: number): number {
  return roundCents(threshold / ctx.thresholds.get('salary.monthlyDivisor'));
}

/** A share of the Belgian average gross annual wage in force on the start date. */
export function shareOfAverageWage(
  ctx: AssessmentContext,
  shareParameter: ParameterName & `threshold.share.${string}`,
  reduction?: ThresholdFacts['reduction'],
): Threshold {
  const averageWage = ctx.thresholds.get('salary.averageGrossAnnual');
  const averageWageFrom = ctx.thresholds.validFrom('salary.averageGrossAnnual')!;
  const share = ctx.thresholds.get(shareParameter);
  const threshold = roundCents(averageWage * share);
  const result: Threshold = {
    threshold,
    thresholdMonthly: withMonthly(ctx, threshold),
    basis: `${percent(share)} of the ${averageWageFrom.slice(0, 4)} average gross annual wage`,
    share,
    averageWage,
    averageWageFrom,
    thresholdDate: ctx.startDate,
  };
  if (reduction) result.reduction = reduction;
  return result;
}

/** A fixed yearly amount (athletes, artists: art. 78 BVR, indexed each 1 January). */
export function fixedAmount(ctx: AssessmentContext, parameter: ParameterName, label: string): Threshold {
  const threshold = ctx.thresholds.get(parameter) as number;
  const from = ctx.thresholds.validFrom(parameter)!;
  return {
    threshold,
    thresholdMonthly: withMonthly(ctx, threshold),
    basis: `fixed amount for ${label} in force from ${from}`,
    amountParameter: parameter,
    thresholdDate: ctx.startDate,
  };
}

export function isBelowThreshold(salary: number, threshold: number): boolean {
  return toCents(salary) < toCents(threshold);
}

/** SALARY_BELOW_THRESHOLD against whatever threshold `resolve` gives for the category. */
export function checkSalaryThreshold(
  name: string,
  legalBasis: string,
  resolve: (ctx: AssessmentContext) => Threshold,
  extraRequires: readonly Field[] = [],
): Condition {
  return {
    name,
    legalBasis,
    reasonCodes: ['SALARY_BELOW_THRESHOLD'],
    requires: [FIELDS.grossAnnualSalary, ...extraRequires],
    salaryThreshold: resolve,
    evaluate(ctx) {
      const salary = ctx.app.job.grossAnnualSalary!;
      const threshold = resolve(ctx);
      return isBelowThreshold(salary, threshold.threshold)
        ? finding('SALARY_BELOW_THRESHOLD', { salary, ...threshold })
        : null;
    },
  };
}
