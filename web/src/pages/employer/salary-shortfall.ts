import type { ReasonFacts } from '../../../../src/rules/index.ts';
import { formatMoney, formatPercent } from '../../format.ts';
import type { Translate } from '../../i18n.ts';
import type { Assessment } from './dossier-model.ts';
import { categoryName, formatDate } from './labels.ts';

/**
 * A salary below what the category asks, as the rules engine found it on the saved answers (the
 * draft's assessment): the threshold, its date and its parts come from the rule data in force,
 * never from a figure kept here. The job step says it under the salary field, so the employer
 * learns it where the salary is given rather than at review.
 */
export type SalaryShortfall =
  | { kind: 'ANNUAL_THRESHOLD'; facts: ReasonFacts['SALARY_BELOW_THRESHOLD'] }
  | { kind: 'MONTHLY_MINIMUM'; facts: ReasonFacts['PAY_BELOW_MINIMUM'] };

export const SALARY_PATH = 'application.job.grossAnnualSalary';

/** The answers a salary condition reads on the job step: a change to one makes a finding stale. */
export const SALARY_INPUT_PATHS: readonly string[] = [
  SALARY_PATH,
  'application.job.startDate',
  'application.job.employmentFraction',
  'application.job.sectorScaleMonthly',
];

export function salaryShortfall(assessment: Assessment | null | undefined): SalaryShortfall | null {
  for (const reason of assessment?.reasons ?? []) {
    if (reason.code === 'SALARY_BELOW_THRESHOLD')
      return {
        kind: 'ANNUAL_THRESHOLD',
        facts: reason.facts as unknown as ReasonFacts['SALARY_BELOW_THRESHOLD'],
      };
    if (reason.code === 'PAY_BELOW_MINIMUM')
      return { kind: 'MONTHLY_MINIMUM', facts: reason.facts as unknown as ReasonFacts['PAY_BELOW_MINIMUM'] };
  }
  return null;
}

/** The key under which a shortfall was shown: the same salary answers are not stopped twice. */
export function shortfallKey(answerAt: (path: string) => unknown): string {
  return JSON.stringify(SALARY_INPUT_PATHS.map((path) => answerAt(path) ?? null));
}

/**
 * What the employer reads under the salary field: the finding with the threshold in euro, then in
 * plain words what the amount is (gross, per year or per month, and what part-time work changes).
 */
export function salaryWarning(
  t: Translate,
  lang: string,
  category: string,
  shortfall: SalaryShortfall,
): { finding: string; explanation: string } {
  const money = (amount: number) => formatMoney(lang, amount);
  const common = {
    category: categoryName(t, category),
    date: formatDate(lang, shortfall.facts.thresholdDate),
  };
  if (shortfall.kind === 'ANNUAL_THRESHOLD') {
    const { facts } = shortfall;
    return {
      finding: t('employer.salaryCheck.annual.finding', { ...common, threshold: money(facts.threshold) }),
      explanation: t('employer.salaryCheck.annual.explanation', {
        threshold: money(facts.threshold),
        monthly: money(facts.thresholdMonthly),
      }),
    };
  }
  const { facts } = shortfall;
  const isSectorScale =
    facts.sectorScaleMonthly !== null && facts.sectorScaleMonthly > facts.guaranteedMinimumMonthly;
  return {
    finding: t('employer.salaryCheck.monthly.finding', {
      ...common,
      salary: money(facts.monthlySalary),
      minimum: money(facts.minimumMonthly),
    }),
    explanation: t(
      isSectorScale
        ? 'employer.salaryCheck.monthly.explainScale'
        : 'employer.salaryCheck.monthly.explainGgmmi',
      {
        fullTime: money(
          isSectorScale ? (facts.sectorScaleMonthly as number) : facts.guaranteedMinimumMonthly,
        ),
        fraction: formatPercent(lang, facts.employmentFraction),
        minimum: money(facts.minimumMonthly),
      },
    ),
  };
}
