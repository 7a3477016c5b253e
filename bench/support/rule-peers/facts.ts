/**
 * The rule subset of `npm run bench:rules` as plain facts for the peer engines: parameter values and
 * lists come from Loket's rule data (so all three engines read the same amounts); the peers get plain
 * facts with dates as YYYYMMDD numbers.
 */
import { countCoveredDays } from '../../../src/rules/conditions/labour-market-test.ts';
import { addMonths, ageOn, toDayNumber } from '../../../src/rules/dates/iso-date.ts';
import { type Application, getDefaultRuleData, type ParameterName } from '../../../src/rules/index.ts';

const data = getDefaultRuleData();

export const SUBSET_CODES = new Set([
  'QUALIFICATION_TOO_LOW',
  'FUNCTION_NOT_HIGHLY_SKILLED',
  'SALARY_BELOW_THRESHOLD',
  'LOW_SKILLED_FUNCTION_EXCLUDED',
  'NOT_ON_MIGRATION_LIST',
  'EMPLOYMENT_FRACTION_TOO_LOW',
  'EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM',
  'WORKER_ALREADY_IN_BELGIUM',
  'NOT_ON_SHORTAGE_LIST',
  'VACANCY_PUBLICATION_INSUFFICIENT',
  'FUNCTION_ABOVE_MEDIUM_SKILLED',
  'LABOUR_MARKET_SEARCH_TO_JUDGE',
  'PAY_BELOW_MINIMUM',
]);

export const ymd = (iso: string): number => Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));

export interface Segment {
  from: number;
  to: number; // exclusive; Infinity for the last one
  values: Record<string, unknown>;
}

/** The periods over which all the named parameters are constant, with their values. */
export function segments(names: readonly ParameterName[]): Segment[] {
  const starts = new Set<string>();
  for (const name of names) for (const p of data.parameters.timeline(name)!.periods) starts.add(p.validFrom);
  const sorted = [...starts].sort();
  return sorted.map((start, i) => {
    const values: Record<string, unknown> = {};
    for (const name of names) {
      const periods = data.parameters.timeline(name)!.periods.filter((p) => p.validFrom <= start);
      values[name] = periods.at(-1)?.value ?? null;
    }
    return { from: ymd(start), to: sorted[i + 1] ? ymd(sorted[i + 1]!) : Number.POSITIVE_INFINITY, values };
  });
}

export const THRESHOLD_PARAMS = [
  'salary.averageGrossAnnual',
  'threshold.share.highlySkilled',
  'threshold.share.highlySkilledReduced',
  'threshold.share.highlySkilledTeacher',
  'threshold.reducedAgeLimit',
] as const satisfies readonly ParameterName[];
export const RULE_PARAMS = [
  'qualification.minimumVks.highlySkilled',
  'function.highlySkilledMinimumRequiredVks',
  'function.lowSkilledExcludedMaximumVks',
  'employment.mediumSkilledMinimumFraction',
  'labourMarketTest.shortageListRequired',
  'labourMarketTest.vacancyPublication',
  'function.otherMaximumRequiredVks',
  'labourMarketTest.searchJudgedByCaseHandler',
  'salary.payFloorAppliesToOther',
] as const satisfies readonly ParameterName[];
/** The pay floor of medium-skilled work (and "overige" from 2026), on the start date. */
export const PAY_PARAMS = [
  'salary.guaranteedMinimumMonthlyIncome',
  'salary.monthlyDivisor',
] as const satisfies readonly ParameterName[];
export const THRESHOLD_SEGMENTS = segments(THRESHOLD_PARAMS);
export const RULE_SEGMENTS = segments(RULE_PARAMS);
export const PAY_SEGMENTS = segments(PAY_PARAMS);
/** The floor in cents a month for a fraction, and the salary in cents a month (as Loket rounds). */
export const cents = (amount: number) => Math.round(amount * 100);

export interface VacancyRule {
  channels: string[];
  minimumDaysPerChannel: number;
  windowDays?: number;
  windowMonths?: number;
}
export const windowKey = (rule: VacancyRule) =>
  rule.windowMonths !== undefined
    ? `m${rule.windowMonths}`
    : `d${rule.windowDays ?? rule.minimumDaysPerChannel}`;
export const VACANCY_RULES = data.parameters
  .timeline('labourMarketTest.vacancyPublication')!
  .periods.map((p) => p.value as VacancyRule);

export interface Facts {
  category: string;
  appDate: number;
  startDate: number;
  age: number;
  salary: number;
  establishedInBelgium: boolean;
  profession: string;
  isCareFunction: boolean;
  qualificationVks: number | null;
  requiredVks: number | null;
  migrationListFunction: string;
  employmentFraction: number | null;
  onVdabShortageList: boolean | null;
  location: string;
  /** Days each channel covered inside each window of the vacancy rule, keyed `VDAB_d42`, `EURES_m4`. */
  pubDays: Record<string, number>;
}

/**
 * Plain facts for the peers, computed in JS and included in their timings: calendar arithmetic
 * (age, days covered per channel per window) is not something either engine does natively.
 */
export function toFacts(app: Application): Facts {
  const startDate = app.job.startDate ?? app.applicationDate;
  const pubDays: Record<string, number> = {};
  const publications = app.labourMarketTest?.publications;
  if (publications) {
    const applicationDay = toDayNumber(app.applicationDate);
    for (const rule of VACANCY_RULES) {
      const windowFrom =
        rule.windowMonths !== undefined
          ? toDayNumber(addMonths(app.applicationDate, -rule.windowMonths))
          : applicationDay - (rule.windowDays ?? rule.minimumDaysPerChannel);
      for (const channel of rule.channels) {
        const intervals: Array<[number, number]> = [];
        for (const p of publications) {
          if (p.channel !== channel) continue;
          const from = Math.max(toDayNumber(p.from), windowFrom);
          const to = Math.min(toDayNumber(p.to), applicationDay - 1);
          if (to >= from) intervals.push([from, to]);
        }
        pubDays[`${channel}_${windowKey(rule)}`] = countCoveredDays(intervals);
      }
    }
  }
  return {
    category: app.category,
    appDate: ymd(app.applicationDate),
    startDate: ymd(startDate),
    age: ageOn(app.worker.birthDate, startDate),
    salary: app.job.grossAnnualSalary ?? 0,
    establishedInBelgium: app.employer.establishedInBelgium !== false,
    profession: app.worker.profession ?? '',
    isCareFunction: app.job.isCareFunction === true,
    qualificationVks: app.worker.qualificationVks ?? null,
    requiredVks: app.job.requiredVks ?? null,
    migrationListFunction: app.job.migrationListFunction ?? '',
    employmentFraction: app.job.employmentFraction ?? null,
    onVdabShortageList: app.job.onVdabShortageList ?? null,
    location: app.worker.location ?? 'ABROAD',
    pubDays,
  };
}

export const roundCents = (amount: number) => Math.round(amount * 100) / 100;
