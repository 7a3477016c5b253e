import { type Condition, finding } from './condition.ts';
import { FIELDS } from './fields.ts';

/**
 * The pay floor of medium-skilled work (issue 13, item 6): the gross wage is at least the
 * guaranteed average minimum monthly income (GGMMI, national collective agreement no. 43) and,
 * where the employer gives it, the sector's pay scale for the function, both full time and pro
 * rata for part-time work. reference.md, medium-skilled: "at least the GGMMI … and the sector scale
 * for a skilled worker of the joint committee". From 2026 the same floor applies to "overige":
 * "worden de salarisvereisten voor deze categorie verhoogd naar het niveau van middengeschoolde"
 * (policy note 002 §2.3).
 *
 * Amounts are taken on the start date like every salary threshold; the annual salary is brought to
 * a month with `salary.monthlyDivisor` (13th month and holiday pay included) and compared to the
 * cent. No sourced GGMMI amount, no check: the parameter is null then (never an invented figure).
 */
const toCents = (amount: number): number => Math.round(amount * 100);

function payFloor(
  name: string,
  legalBasis: string,
  switchParameter?: 'salary.payFloorAppliesToOther',
): Condition {
  return {
    name,
    legalBasis,
    reasonCodes: ['PAY_BELOW_MINIMUM'],
    isInForce: (ctx) =>
      typeof ctx.thresholds.peek('salary.guaranteedMinimumMonthlyIncome') === 'number' &&
      (switchParameter === undefined || ctx.rules.peek(switchParameter) === true),
    requires: [FIELDS.grossAnnualSalary, FIELDS.employmentFraction],
    evaluate(ctx) {
      if (switchParameter) ctx.rules.get(switchParameter);
      const guaranteedMinimumMonthly = ctx.thresholds.get('salary.guaranteedMinimumMonthlyIncome') as number;
      const divisor = ctx.thresholds.get('salary.monthlyDivisor');
      const grossAnnualSalary = ctx.app.job.grossAnnualSalary!;
      const employmentFraction = ctx.app.job.employmentFraction!;
      const sectorScaleMonthly = ctx.app.job.sectorScaleMonthly ?? null;
      const fullTime = Math.max(guaranteedMinimumMonthly, sectorScaleMonthly ?? 0);
      const minimumMonthly = toCents(fullTime * employmentFraction) / 100;
      const monthlySalary = toCents(grossAnnualSalary / divisor) / 100;
      if (toCents(monthlySalary) >= toCents(minimumMonthly)) return null;
      return finding('PAY_BELOW_MINIMUM', {
        grossAnnualSalary,
        monthlySalary,
        employmentFraction,
        guaranteedMinimumMonthly,
        sectorScaleMonthly,
        minimumMonthly,
        thresholdDate: ctx.startDate,
      });
    },
  };
}

/** Medium-skilled shortage functions (art. 18 §2): the GGMMI and the sector scale. */
export const checkMediumSkilledPayFloor = payFloor(
  'checkMediumSkilledPayFloor',
  'BVR 7 Dec 2018, art. 18 §2; CAO no. 43 of 2 May 1988 (GGMMI)',
);

/** "Overige" from 2026: the salary requirement raised to the medium-skilled level (§2.3). */
export const checkOtherPayFloor = payFloor(
  'checkOtherPayFloor',
  'BVR 7 Dec 2018, art. 18 §1, as amended with effect from 1 Jan 2026; CAO no. 43 of 2 May 1988 (GGMMI)',
  'salary.payFloorAppliesToOther',
);
