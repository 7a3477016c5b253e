/**
 * json-rules-engine, the peer of `npm run bench:rules`: one rule per reason code and parameter
 * period; every triggered event is a reason.
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { getDefaultRuleData } from '../../../src/rules/index.ts';
import {
  cents,
  PAY_SEGMENTS,
  type RULE_PARAMS,
  RULE_SEGMENTS,
  roundCents,
  type Segment,
  type THRESHOLD_PARAMS,
  THRESHOLD_SEGMENTS,
  type VacancyRule,
  windowKey,
  ymd,
} from './facts.ts';

type Cond = TopLevelCondition | { fact: string; operator: string; value: unknown; path?: string };
const fact = (name: string, operator: string, value: unknown): Cond => ({ fact: name, operator, value });
const inPeriod = (name: string, s: Segment): Cond[] =>
  s.to === Number.POSITIVE_INFINITY
    ? [fact(name, 'greaterThanInclusive', s.from)]
    : [fact(name, 'greaterThanInclusive', s.from), fact(name, 'lessThan', s.to)];
const isCategory = (...c: string[]): Cond => fact('category', 'in', c);

/** The subset as json-rules-engine rules; `ruleCount` for the report. */
export function buildJsonRulesEngine(): { engine: Engine; ruleCount: number } {
  let ruleCount = 0;
  const engine = new Engine([], { allowUndefinedFacts: true });
  // The pay floor compares two products; a dynamic fact (json-rules-engine's own way to derive a
  // fact from others) computes both in cents with the period's amounts passed as params.
  engine.addFact('belowPayFloor', async (params, almanac) => {
    const { floor, divisor } = params as { floor: number; divisor: number };
    const salary = (await almanac.factValue('salary')) as number;
    const fraction = (await almanac.factValue('employmentFraction')) as number | null;
    if (fraction === null) return false;
    return cents(salary / divisor) < cents(floor * fraction);
  });
  const add = (code: string, all: Cond[]) => {
    ruleCount++;
    engine.addRule({ conditions: { all }, event: { type: code } } as RuleProperties);
  };
  const HS = 'HIGHLY_SKILLED';
  const MSS = 'MEDIUM_SKILLED_SHORTAGE';
  const OLMT = 'OTHER_LABOUR_MARKET_TEST';
  for (const s of RULE_SEGMENTS) {
    const v = s.values as Record<(typeof RULE_PARAMS)[number], never>;
    const period = inPeriod('appDate', s);
    add('QUALIFICATION_TOO_LOW', [
      isCategory(HS),
      ...period,
      fact('qualificationVks', 'lessThan', v['qualification.minimumVks.highlySkilled']),
    ]);
    const minFunction = v['function.highlySkilledMinimumRequiredVks'] as number | null;
    if (minFunction !== null) {
      add('FUNCTION_NOT_HIGHLY_SKILLED', [
        isCategory(HS),
        ...period,
        fact('requiredVks', 'lessThan', minFunction),
        { not: { all: [fact('profession', 'equal', 'NURSE'), fact('isCareFunction', 'equal', true)] } },
      ] as Cond[]);
    }
    const lowMax = v['function.lowSkilledExcludedMaximumVks'] as number | null;
    if (lowMax !== null) {
      add('LOW_SKILLED_FUNCTION_EXCLUDED', [
        isCategory(HS, MSS, OLMT),
        ...period,
        fact('requiredVks', 'notEqual', null),
        fact('requiredVks', 'lessThanInclusive', lowMax),
      ]);
    }
    add('EMPLOYMENT_FRACTION_TOO_LOW', [
      isCategory(MSS),
      ...period,
      fact('employmentFraction', 'lessThan', v['employment.mediumSkilledMinimumFraction']),
    ]);
    if (v['labourMarketTest.shortageListRequired'] === true) {
      add('NOT_ON_SHORTAGE_LIST', [isCategory(OLMT), ...period, fact('onVdabShortageList', 'equal', false)]);
    }
    const otherMax = v['function.otherMaximumRequiredVks'] as number | null;
    if (otherMax !== null) {
      add('FUNCTION_ABOVE_MEDIUM_SKILLED', [
        isCategory(OLMT),
        ...period,
        fact('requiredVks', 'greaterThan', otherMax),
      ]);
    }
    const vacancy = v['labourMarketTest.vacancyPublication'] as VacancyRule;
    if (v['labourMarketTest.searchJudgedByCaseHandler'] === true) {
      add('LABOUR_MARKET_SEARCH_TO_JUDGE', [
        isCategory(OLMT),
        ...period,
        ...vacancy.channels.map((channel) => ({
          fact: 'pubDays',
          path: `$.${channel}_${windowKey(vacancy)}`,
          operator: 'greaterThanInclusive',
          value: vacancy.minimumDaysPerChannel,
        })),
      ] as Cond[]);
    }
    add('VACANCY_PUBLICATION_INSUFFICIENT', [
      isCategory(OLMT),
      ...period,
      {
        any: vacancy.channels.map((channel) => ({
          fact: 'pubDays',
          path: `$.${channel}_${windowKey(vacancy)}`,
          operator: 'lessThan',
          value: vacancy.minimumDaysPerChannel,
        })),
      },
    ] as Cond[]);
  }
  for (const s of THRESHOLD_SEGMENTS) {
    const v = s.values as Record<(typeof THRESHOLD_PARAMS)[number], number>;
    const wage = v['salary.averageGrossAnnual'];
    const full = roundCents(wage * v['threshold.share.highlySkilled']);
    const reduced = roundCents(wage * v['threshold.share.highlySkilledReduced']);
    const teacher = roundCents(wage * v['threshold.share.highlySkilledTeacher']);
    const teacherReduced = v['threshold.share.highlySkilledTeacher'] < v['threshold.share.highlySkilled'];
    const ageLimit = v['threshold.reducedAgeLimit'];
    const base = [isCategory(HS), ...inPeriod('startDate', s)];
    const established = fact('establishedInBelgium', 'equal', true);
    const reducedProfessions = teacherReduced ? ['NURSE', 'TEACHER'] : ['NURSE'];
    add('SALARY_BELOW_THRESHOLD', [
      ...base,
      established,
      fact('profession', 'equal', 'NURSE'),
      fact('salary', 'lessThan', reduced),
    ]);
    if (teacherReduced) {
      add('SALARY_BELOW_THRESHOLD', [
        ...base,
        established,
        fact('profession', 'equal', 'TEACHER'),
        fact('salary', 'lessThan', teacher),
      ]);
    }
    add('SALARY_BELOW_THRESHOLD', [
      ...base,
      established,
      fact('profession', 'notIn', reducedProfessions),
      fact('age', 'lessThan', ageLimit),
      fact('salary', 'lessThan', reduced),
    ]);
    add('SALARY_BELOW_THRESHOLD', [
      ...base,
      {
        any: [
          fact('establishedInBelgium', 'equal', false),
          {
            all: [
              fact('profession', 'notIn', reducedProfessions),
              fact('age', 'greaterThanInclusive', ageLimit),
            ],
          },
        ],
      },
      fact('salary', 'lessThan', full),
    ] as Cond[]);
  }
  // The pay floor: medium-skilled whenever the GGMMI has a sourced amount on the start date;
  // "overige" also when the switch is on on the application date.
  const otherFloorFrom = RULE_SEGMENTS.filter((s) => s.values['salary.payFloorAppliesToOther'] === true);
  for (const s of PAY_SEGMENTS) {
    const floor = s.values['salary.guaranteedMinimumMonthlyIncome'] as number | null;
    if (floor === null) continue;
    const below = {
      fact: 'belowPayFloor',
      params: { floor, divisor: s.values['salary.monthlyDivisor'] },
      operator: 'equal',
      value: true,
    };
    add('PAY_BELOW_MINIMUM', [isCategory(MSS), ...inPeriod('startDate', s), below] as Cond[]);
    for (const on of otherFloorFrom) {
      add('PAY_BELOW_MINIMUM', [
        isCategory(OLMT),
        ...inPeriod('startDate', s),
        ...inPeriod('appDate', on),
        below,
      ] as Cond[]);
    }
  }
  const versions = getDefaultRuleData().migrationList;
  versions.forEach((version, i) => {
    const next = versions[i + 1];
    const s = { from: ymd(version.validFrom), to: next ? ymd(next.validFrom) : Number.POSITIVE_INFINITY };
    add('NOT_ON_MIGRATION_LIST', [
      isCategory(MSS),
      ...inPeriod('appDate', s as Segment),
      fact('migrationListFunction', 'notIn', [...version.ids]),
    ]);
  });
  add('EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM', [
    isCategory(MSS, OLMT),
    fact('establishedInBelgium', 'equal', false),
  ]);
  add('WORKER_ALREADY_IN_BELGIUM', [isCategory(OLMT), fact('location', 'equal', 'BELGIUM')]);
  return { engine, ruleCount };
}
