/**
 * @gorules/zen-engine, the peer of `npm run bench:rules`: input → parameter tables by date →
 * migration-list table → expression node → "reasons" decision table (hit policy collect) → output.
 */
import { getDefaultRuleData } from '../../../src/rules/index.ts';
import {
  PAY_SEGMENTS,
  RULE_SEGMENTS,
  THRESHOLD_SEGMENTS,
  type VacancyRule,
  windowKey,
  ymd,
} from './facts.ts';

const zenRange = (s: { from: number; to: number }) =>
  s.to === Number.POSITIVE_INFINITY ? `>= ${s.from}` : `$ >= ${s.from} and $ < ${s.to}`;
const lit = (value: unknown) => JSON.stringify(value);

/** The subset as a JDM decision graph. */
export function buildZenGraph(): object {
  const position = { x: 0, y: 0 };
  const table = (
    id: string,
    hitPolicy: 'first' | 'collect',
    inputs: Array<[string, string]>,
    outputs: string[],
    rules: Array<Record<string, string>>,
    outputPath: string | null,
  ) => ({
    id,
    type: 'decisionTableNode',
    name: id,
    position,
    content: {
      hitPolicy,
      passThrough: outputPath === null,
      inputField: null,
      outputPath,
      executionMode: 'single',
      inputs: inputs.map(([key, field]) => ({ id: key, name: key, field })),
      outputs: outputs.map((key) => ({ id: key, name: key, field: key })),
      rules: rules.map((rule, i) => ({ _id: `${id}${i}`, ...rule })),
    },
  });
  const thresholds = table(
    'thresholds',
    'first',
    [['startDate', 'startDate']],
    ['averageWage', 'shareFull', 'shareReduced', 'shareTeacher', 'ageLimit'],
    THRESHOLD_SEGMENTS.map((s) => ({
      startDate: zenRange(s),
      averageWage: lit(s.values['salary.averageGrossAnnual']),
      shareFull: lit(s.values['threshold.share.highlySkilled']),
      shareReduced: lit(s.values['threshold.share.highlySkilledReduced']),
      shareTeacher: lit(s.values['threshold.share.highlySkilledTeacher']),
      ageLimit: lit(s.values['threshold.reducedAgeLimit']),
    })),
    null,
  );
  const ruleParams = table(
    'rulesInForce',
    'first',
    [['appDate', 'appDate']],
    [
      'minQualificationVks',
      'minFunctionVks',
      'lowSkilledMax',
      'minFraction',
      'shortageListRequired',
      'vacancy',
      'otherMaxVks',
      'searchJudged',
      'otherPayFloor',
    ],
    RULE_SEGMENTS.map((s) => {
      const vacancy = s.values['labourMarketTest.vacancyPublication'] as VacancyRule;
      return {
        appDate: zenRange(s),
        minQualificationVks: lit(s.values['qualification.minimumVks.highlySkilled']),
        minFunctionVks: lit(s.values['function.highlySkilledMinimumRequiredVks']),
        lowSkilledMax: lit(s.values['function.lowSkilledExcludedMaximumVks']),
        minFraction: lit(s.values['employment.mediumSkilledMinimumFraction']),
        shortageListRequired: lit(s.values['labourMarketTest.shortageListRequired']),
        vacancy: lit({ ...vacancy, window: windowKey(vacancy) }),
        otherMaxVks: lit(s.values['function.otherMaximumRequiredVks']),
        searchJudged: lit(s.values['labourMarketTest.searchJudgedByCaseHandler']),
        otherPayFloor: lit(s.values['salary.payFloorAppliesToOther']),
      };
    }),
    null,
  );
  const pay = table(
    'payFloor',
    'first',
    [['startDate', 'startDate']],
    ['ggmmi', 'divisor'],
    PAY_SEGMENTS.map((s) => ({
      startDate: zenRange(s),
      ggmmi: lit(s.values['salary.guaranteedMinimumMonthlyIncome']),
      divisor: lit(s.values['salary.monthlyDivisor']),
    })),
    null,
  );
  const versions = getDefaultRuleData().migrationList;
  const migrationRows: Array<Record<string, string>> = [];
  versions.forEach((version, i) => {
    const next = versions[i + 1];
    const range = zenRange({
      from: ymd(version.validFrom),
      to: next ? ymd(next.validFrom) : Number.POSITIVE_INFINITY,
    });
    for (const id of version.ids)
      migrationRows.push({ appDate: range, fn: lit(id), onMigrationList: 'true' });
  });
  migrationRows.push({ appDate: '', fn: '', onMigrationList: 'false' });
  const migration = table(
    'migrationList',
    'first',
    [
      ['appDate', 'appDate'],
      ['fn', 'migrationListFunction'],
    ],
    ['onMigrationList'],
    migrationRows,
    null,
  );
  const derive = {
    id: 'derive',
    type: 'expressionNode',
    name: 'derive',
    position,
    content: {
      passThrough: true,
      inputField: null,
      outputPath: null,
      executionMode: 'single',
      expressions: [
        ['isNurse', 'establishedInBelgium and profession == "NURSE"'],
        ['isTeacher', 'establishedInBelgium and profession == "TEACHER" and shareTeacher < shareFull'],
        [
          'share',
          '$.isNurse ? shareReduced : ($.isTeacher ? shareTeacher : (establishedInBelgium and age < ageLimit ? shareReduced : shareFull))',
        ],
        ['threshold', 'round(averageWage * $.share * 100) / 100'],
        ['nurseInCare', 'profession == "NURSE" and isCareFunction'],
        [
          'vacancyShort',
          'some(vacancy.channels, (pubDays[# + "_" + vacancy.window] ?? 0) < vacancy.minimumDaysPerChannel)',
        ],
        [
          'belowPayFloor',
          'ggmmi != null and employmentFraction != null and round(salary / divisor * 100) < round(ggmmi * employmentFraction * 100)',
        ],
      ].map(([key, value], i) => ({ id: `x${i}`, key, value })),
    },
  };
  const HS = '"HIGHLY_SKILLED"';
  const MSS = '"MEDIUM_SKILLED_SHORTAGE"';
  const OLMT = '"OTHER_LABOUR_MARKET_TEST"';
  const reasonRows: Array<[string, string, string]> = [
    [HS, 'qualificationVks < minQualificationVks', 'QUALIFICATION_TOO_LOW'],
    [
      HS,
      'minFunctionVks != null and requiredVks < minFunctionVks and not nurseInCare',
      'FUNCTION_NOT_HIGHLY_SKILLED',
    ],
    [HS, 'salary < threshold', 'SALARY_BELOW_THRESHOLD'],
    [
      `${HS}, ${MSS}, ${OLMT}`,
      'lowSkilledMax != null and requiredVks != null and requiredVks <= lowSkilledMax',
      'LOW_SKILLED_FUNCTION_EXCLUDED',
    ],
    [MSS, 'not onMigrationList', 'NOT_ON_MIGRATION_LIST'],
    [MSS, 'employmentFraction < minFraction', 'EMPLOYMENT_FRACTION_TOO_LOW'],
    [`${MSS}, ${OLMT}`, 'not establishedInBelgium', 'EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM'],
    [OLMT, 'location == "BELGIUM"', 'WORKER_ALREADY_IN_BELGIUM'],
    [OLMT, 'shortageListRequired and onVdabShortageList == false', 'NOT_ON_SHORTAGE_LIST'],
    [OLMT, 'vacancyShort', 'VACANCY_PUBLICATION_INSUFFICIENT'],
    [OLMT, 'otherMaxVks != null and requiredVks > otherMaxVks', 'FUNCTION_ABOVE_MEDIUM_SKILLED'],
    [OLMT, 'searchJudged and not vacancyShort', 'LABOUR_MARKET_SEARCH_TO_JUDGE'],
    [MSS, 'belowPayFloor', 'PAY_BELOW_MINIMUM'],
    [OLMT, 'otherPayFloor and belowPayFloor', 'PAY_BELOW_MINIMUM'],
  ];
  const reasons = table(
    'reasons',
    'collect',
    [
      ['category', 'category'],
      ['condition', 'true'],
    ],
    ['code'],
    // The condition cell is an expression over the whole context (`$` is the column value, true).
    // No parentheses around it: zen's unary parser rejects `$ and (a and b)`, and a table cell that
    // fails to parse silently never matches (the agreement check caught exactly that).
    reasonRows.map(([category, condition, code]) => ({
      category,
      condition: `$ and ${condition}`,
      code: lit(code),
    })),
    'reasons',
  );
  const nodes = [
    { id: 'input', type: 'inputNode', name: 'input', position },
    thresholds,
    ruleParams,
    pay,
    migration,
    derive,
    reasons,
    { id: 'output', type: 'outputNode', name: 'output', position },
  ];
  const chain = nodes.map((n) => n.id);
  const edges = chain
    .slice(1)
    .map((target, i) => ({ id: `e${i}`, sourceId: chain[i]!, targetId: target, type: 'edge' }));
  return { nodes, edges };
}
