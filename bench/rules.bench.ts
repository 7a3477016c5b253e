/**
 * npm run bench:rules — the highly-skilled + medium-skilled + labour-market-test rule subset, three
 * ways in one run: Loket's engine, json-rules-engine and @gorules/zen-engine (a JDM decision graph),
 * over the same generated applications. Prints µs per assessment (median of runs) and the ratios,
 * then times `./bin/loket assess --ndjson` against a bare JSON parse + stringify of the same file.
 *
 *   node --import tsx bench/rules.bench.ts [--count N] [--runs R] [--peer-runs P] [--write]
 *
 * `--write` rewrites the "Rules" section of docs/performance.md with the figures of this run.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ZenEngine } from '@gorules/zen-engine';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { countCoveredDays } from '../src/rules/conditions/labour-market-test.ts';
import { addMonths, ageOn, toDayNumber } from '../src/rules/dates/iso-date.ts';
import {
  type Application,
  assess,
  assessValidApplication,
  getDefaultRuleData,
  type ParameterName,
} from '../src/rules/index.ts';
import { generateApplications } from './support/generate-applications.ts';
import { writePerformanceSection } from './support/performance-doc.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '11' },
    // json-rules-engine takes ~0.8 ms per application here: one pass of 100 000 is already 80 s.
    'peer-runs': { type: 'string', default: '1' },
    sample: { type: 'string', default: '2000' },
    write: { type: 'boolean', default: false },
    'skip-ndjson': { type: 'boolean', default: false },
  },
});
const COUNT = Number(args.count);
const RUNS = Number(args.runs);
const PEER_RUNS = Number(args['peer-runs']);
const SAMPLE = Math.min(COUNT, Number(args.sample));
const ROOT = new URL('..', import.meta.url).pathname;

// ---------------------------------------------------------------------------------------------
// Deterministic applications
// ---------------------------------------------------------------------------------------------

const data = getDefaultRuleData();
const generate = (count: number, seed: number) => generateApplications(count, seed, data);

// ---------------------------------------------------------------------------------------------
// The same rules, for the peers: parameter values and lists come from Loket's rule data (so all
// three read the same amounts); the peers get plain facts with dates as YYYYMMDD numbers.
// ---------------------------------------------------------------------------------------------

const SUBSET_CODES = new Set([
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

const ymd = (iso: string): number => Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));

interface Segment {
  from: number;
  to: number; // exclusive; Infinity for the last one
  values: Record<string, unknown>;
}

/** The periods over which all the named parameters are constant, with their values. */
function segments(names: readonly ParameterName[]): Segment[] {
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

const THRESHOLD_PARAMS = [
  'salary.averageGrossAnnual',
  'threshold.share.highlySkilled',
  'threshold.share.highlySkilledReduced',
  'threshold.share.highlySkilledTeacher',
  'threshold.reducedAgeLimit',
] as const satisfies readonly ParameterName[];
const RULE_PARAMS = [
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
const PAY_PARAMS = [
  'salary.guaranteedMinimumMonthlyIncome',
  'salary.monthlyDivisor',
] as const satisfies readonly ParameterName[];
const THRESHOLD_SEGMENTS = segments(THRESHOLD_PARAMS);
const RULE_SEGMENTS = segments(RULE_PARAMS);
const PAY_SEGMENTS = segments(PAY_PARAMS);
/** The floor in cents a month for a fraction, and the salary in cents a month (as Loket rounds). */
const cents = (amount: number) => Math.round(amount * 100);

interface VacancyRule {
  channels: string[];
  minimumDaysPerChannel: number;
  windowDays?: number;
  windowMonths?: number;
}
const windowKey = (rule: VacancyRule) =>
  rule.windowMonths !== undefined
    ? `m${rule.windowMonths}`
    : `d${rule.windowDays ?? rule.minimumDaysPerChannel}`;
const VACANCY_RULES = data.parameters
  .timeline('labourMarketTest.vacancyPublication')!
  .periods.map((p) => p.value as VacancyRule);

interface Facts {
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
function toFacts(app: Application): Facts {
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

const roundCents = (amount: number) => Math.round(amount * 100) / 100;

// ---------------------------------------------------------------------------------------------
// json-rules-engine: one rule per reason code and parameter period; every triggered event is a reason
// ---------------------------------------------------------------------------------------------

type Cond = TopLevelCondition | { fact: string; operator: string; value: unknown; path?: string };
const fact = (name: string, operator: string, value: unknown): Cond => ({ fact: name, operator, value });
const inPeriod = (name: string, s: Segment): Cond[] =>
  s.to === Number.POSITIVE_INFINITY
    ? [fact(name, 'greaterThanInclusive', s.from)]
    : [fact(name, 'greaterThanInclusive', s.from), fact(name, 'lessThan', s.to)];
const isCategory = (...c: string[]): Cond => fact('category', 'in', c);

let jreRuleCount = 0;

function buildJsonRulesEngine(): Engine {
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
    jreRuleCount++;
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
  const versions = data.migrationList;
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
  return engine;
}

// ---------------------------------------------------------------------------------------------
// zen-engine: input → parameter tables by date → migration-list table → expression node →
// "reasons" decision table (hit policy collect) → output
// ---------------------------------------------------------------------------------------------

const zenRange = (s: { from: number; to: number }) =>
  s.to === Number.POSITIVE_INFINITY ? `>= ${s.from}` : `$ >= ${s.from} and $ < ${s.to}`;
const lit = (value: unknown) => JSON.stringify(value);

function buildZenGraph(): object {
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
  const versions = data.migrationList;
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

// ---------------------------------------------------------------------------------------------
// Runners
// ---------------------------------------------------------------------------------------------

const jre = buildJsonRulesEngine();
const zenEngine = new ZenEngine();
const zen = zenEngine.createDecision(buildZenGraph());

const loketCodes = (app: Application) =>
  assessValidApplication(data, app, { lang: 'nl' }).reasons.map((r) => r.code as string);
async function jreCodes(app: Application): Promise<string[]> {
  const { events } = await jre.run(toFacts(app) as unknown as Record<string, unknown>);
  return [...new Set(events.map((e) => e.type))];
}
async function zenCodes(app: Application): Promise<string[]> {
  const { result } = await zen.evaluate(toFacts(app));
  return (result.reasons as Array<{ code: string }>).map((r) => r.code);
}

const key = (codes: string[]) => [...new Set(codes)].sort().join(',');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function timeRuns(
  label: string,
  runs: number,
  apps: Application[],
  one: (app: Application) => unknown,
): Promise<{ median: number; all: number[] }> {
  // Warm-up: one pass over the first 10 000 (JIT, caches of all three alike).
  for (let i = 0; i < Math.min(apps.length, 10_000); i++) await one(apps[i]!);
  const all: number[] = [];
  let sink = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    for (let i = 0; i < apps.length; i++) {
      const out = one(apps[i]!);
      sink += out instanceof Promise ? ((await out) ? 1 : 0) : out ? 1 : 0;
    }
    all.push(((performance.now() - t0) * 1000) / apps.length);
  }
  if (sink < 0) console.log(sink);
  const m = median(all);
  console.error(`  ${label}: ${all.map((x) => x.toFixed(2)).join(' / ')} µs → median ${m.toFixed(2)} µs`);
  return { median: m, all };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const t0 = performance.now();
const loadBefore = loadavg()[0]!.toFixed(2);
console.error(`Generating ${COUNT} applications (seed 20260210)…`);
const apps = generate(COUNT, 20260210);
// Every generated application must be valid for Loket's schema, or the comparison is meaningless.
for (let i = 0; i < SAMPLE; i++) assess(apps[i]);

console.error(`Checking agreement on the first ${SAMPLE}…`);
let agree = 0;
const disagreements: string[] = [];
const codeCounts = new Map<string, number>();
for (let i = 0; i < SAMPLE; i++) {
  const app = apps[i]!;
  const a = key(loketCodes(app));
  const b = key(await jreCodes(app));
  const c = key(await zenCodes(app));
  for (const code of a ? a.split(',') : ['(none)']) codeCounts.set(code, (codeCounts.get(code) ?? 0) + 1);
  if (a === b && a === c) agree++;
  else if (disagreements.length < 5) disagreements.push(`#${i} loket=[${a}] jre=[${b}] zen=[${c}]`);
}
const foreign = [...codeCounts.keys()].filter((c) => c !== '(none)' && !SUBSET_CODES.has(c));
const agreement = (agree / SAMPLE) * 100;
console.error(`  agreement ${agree}/${SAMPLE} = ${agreement.toFixed(2)} %`);
console.error(`  reason codes in sample: ${[...codeCounts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (agree !== SAMPLE || foreign.length > 0) {
  console.error(disagreements.join('\n'));
  if (foreign.length > 0) console.error(`  codes outside the subset: ${foreign.join(', ')}`);
  console.error('The three encodings disagree: timings would compare different rules. Stopping.');
  process.exit(1);
}

console.error('Timing…');
const loket = await timeRuns('loket (engine, nl messages)', RUNS, apps, (app) =>
  assessValidApplication(data, app, { lang: 'nl' }),
);
const loketValidated = await timeRuns('loket assess() incl. schema validation', RUNS, apps, (app) =>
  assess(app, { lang: 'nl' }),
);
const facts = await timeRuns('peer fact preparation alone (JS)', RUNS, apps, toFacts);
const jreTime = await timeRuns('json-rules-engine (await run)', PEER_RUNS, apps, (app) =>
  jre.run(toFacts(app) as unknown as Record<string, unknown>),
);
const zenTime = await timeRuns('zen-engine (await evaluate, sequential)', PEER_RUNS, apps, (app) =>
  zen.evaluate(toFacts(app)),
);
// Zen is async (a native call per evaluate): with many evaluations in flight it may do better.
async function zenBatched(): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < apps.length; i += 256) {
    await Promise.all(apps.slice(i, i + 256).map((app) => zen.evaluate(toFacts(app))));
  }
  return ((performance.now() - t) * 1000) / apps.length;
}
const zenBatchRuns: number[] = [];
for (let r = 0; r < PEER_RUNS; r++) zenBatchRuns.push(await zenBatched());
const zenBatch = median(zenBatchRuns);
console.error(`  zen-engine (Promise.all, 256 in flight): median ${zenBatch.toFixed(2)} µs`);

// NDJSON: the CLI against a bare parse + stringify of the same file, as child processes.
let ndjson: { startup: number; loket: number; plain: number; ratio: number; lines: number } | null = null;
if (!args['skip-ndjson']) {
  console.error('NDJSON: ./bin/loket assess --ndjson vs node -e parse+stringify (median of 3)…');
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-'));
  const input = join(dir, 'in.ndjson');
  writeFileSync(input, `${apps.map((a) => JSON.stringify(a)).join('\n')}\n`);
  const plainScript =
    "const t=require('fs').readFileSync(0,'utf8').split('\\n');const o=[];" +
    "for(const l of t){if(l)o.push(JSON.stringify(JSON.parse(l)))}require('fs').writeFileSync(1,o.join('\\n')+'\\n')";
  const wall = (cmd: string, argv: string[]): number => {
    const inFd = openSync(input, 'r');
    const outFd = openSync(join(dir, 'out.ndjson'), 'w');
    const t = performance.now();
    const res = spawnSync(cmd, argv, { cwd: ROOT, stdio: [inFd, outFd, 'inherit'] });
    const ms = performance.now() - t;
    closeSync(inFd);
    closeSync(outFd);
    if (res.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${res.status}`);
    return ms;
  };
  const loketMs: number[] = [];
  const plainMs: number[] = [];
  for (let r = 0; r < 3; r++) {
    loketMs.push(wall(join(ROOT, 'bin/loket'), ['assess', '--ndjson']));
    plainMs.push(wall(process.execPath, ['-e', plainScript]));
  }
  const outLines = readFileSync(join(dir, 'out.ndjson'), 'utf8').split('\n').length - 1;
  // Start-up alone (tsx, module graph, rule data): the same command on an empty input.
  writeFileSync(input, '');
  const startupMs = median([0, 1, 2].map(() => wall(join(ROOT, 'bin/loket'), ['assess', '--ndjson'])));
  console.error(`  loket start-up on empty input: ${startupMs.toFixed(0)} ms`);
  rmSync(dir, { recursive: true, force: true });
  ndjson = {
    startup: startupMs,
    loket: median(loketMs),
    plain: median(plainMs),
    ratio: median(loketMs) / median(plainMs),
    lines: outLines,
  };
  console.error(
    `  loket ${loketMs.map((x) => x.toFixed(0)).join('/')} ms, plain ${plainMs.map((x) => x.toFixed(0)).join('/')} ms`,
  );
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const cpuModel =
  readFileSync('/proc/cpuinfo', 'utf8')
    .match(/model name\s*:\s*(.*)/)?.[1]
    ?.trim() ??
  cpus()[0]?.model ??
  'unknown';
const today = new Date().toISOString().slice(0, 10);
const f2 = (x: number) => x.toFixed(2);
const ratioJre = jreTime.median / loket.median;
const ratioZen = zenTime.median / loket.median;
const pass = (ok: boolean) => (ok ? 'met' : 'NOT met');
const rows: Array<[string, string, string]> = [
  ['Loket `assessValidApplication` (all reasons + nl messages, full assessment)', f2(loket.median), '1×'],
  [
    'Loket `assess()` incl. schema validation',
    f2(loketValidated.median),
    `${f2(loketValidated.median / loket.median)}×`,
  ],
  [
    `json-rules-engine ${peerVersion('json-rules-engine')} (\`await engine.run(facts)\`)`,
    f2(jreTime.median),
    `${ratioJre.toFixed(1)}× slower`,
  ],
  [
    `@gorules/zen-engine ${peerVersion('@gorules/zen-engine')} (\`await decision.evaluate(facts)\`, sequential)`,
    f2(zenTime.median),
    `${ratioZen.toFixed(1)}× slower`,
  ],
  [
    'zen-engine, 256 evaluations in flight (`Promise.all`)',
    f2(zenBatch),
    `${(zenBatch / loket.median).toFixed(1)}× slower`,
  ],
  ['peer fact preparation alone (JS; included in both peer rows)', f2(facts.median), ''],
];
const table = [
  '| engine | µs / assessment (median) | vs Loket |',
  '|---|---:|---:|',
  ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
].join('\n');
const elapsed = (performance.now() - t0) / 1000;

const section = `## Rules (npm run bench:rules)

\`node --import tsx bench/rules.bench.ts --count ${COUNT} --write\` (what \`npm run bench:rules -- --write\` runs).

- Machine: ${cpuModel}, ${cpus().length} cores, Node ${process.version}, ${process.platform}; measured ${today}; 1-minute load
  average ${loadBefore} at the start, ${loadavg()[0]!.toFixed(2)} at the end (other work on the machine shows up as noise).
- Applications: ${COUNT} generated deterministically (mulberry32, seed 20260210), a third each of
  HIGHLY_SKILLED, MEDIUM_SKILLED_SHORTAGE and OTHER_LABOUR_MARKET_TEST, filed 2023-01-01 – 2026-12-31.
- Runs: Loket ${RUNS} passes over all applications, each peer ${PEER_RUNS} pass${PEER_RUNS === 1 ? '' : 'es'} only (at
  0.3–0.8 ms per application a pass of the peers takes 30–80 s; more would break the 5-minute budget);
  the figure is the median of the per-pass means. Whole benchmark took ${elapsed.toFixed(0)} s.
- Agreement: the three encodings gave the same set of reason codes on ${agree} of ${SAMPLE} applications
  (${agreement.toFixed(1)} %); the run stops if that is below 100 %.

${table}

Targets: Loket < 5 µs median — ${pass(loket.median < 5)} (${f2(loket.median)} µs); ≥ 10× faster than
json-rules-engine — ${pass(ratioJre >= 10)} (${ratioJre.toFixed(1)}×); ≥ 10× faster than zen-engine — ${pass(ratioZen >= 10)}
(${ratioZen.toFixed(1)}× sequential).
${
  ndjson
    ? `
NDJSON: \`./bin/loket assess --ndjson < in > out\` on the same ${COUNT} applications (${ndjson.lines} output
lines) took ${(ndjson.loket / 1000).toFixed(2)} s wall-clock (median of 3, process start-up and tsx
included) against ${(ndjson.plain / 1000).toFixed(2)} s for \`node -e\` reading the file, \`JSON.parse\` +
\`JSON.stringify\` per line and writing it out: **${ndjson.ratio.toFixed(2)}×** (target ≤ 3× — ${pass(ndjson.ratio <= 3)}).
Of that, ${(ndjson.startup / 1000).toFixed(2)} s is start-up alone (the same command on an empty input: tsx,
module graph, rule data); the start-up of the bare \`node -e\` is well under 0.1 s.
`
    : ''
}
### Method and caveats

- The rule subset: worker VKS minimum, function level from 2026 (nurse-in-care exception), salary
  threshold on the start date (100 % of the average wage; 80 % for nurses, teachers from
  2024-05-01 and workers under 30 on the start date, not for foreign employers; to the cent),
  VKS ≤ 2 exclusion from 2026, migration-list membership by the version in force, employment
  fraction ≥ 80 %, foreign employer, worker already in Belgium, VDAB shortage list from
  2024-05-01, and vacancy publication days per channel (VDAB 42 days before 2024-05-01; VDAB and
  EURES ≥ 63 days within 4 months after); from 2026 for "overige" the medium-skilled ceiling
  (VKS ≤ 4), the search left to the case handler once the publication minimum is met, and the
  pay floor (GGMMI × fraction on the start date, monthly = annual ÷ 13.92, to the cent; also for
  medium-skilled from 1 April 2024). The generator keeps everything else passing (valid KBO
  number, Flemish postal code, no sanctions, first applications only), so Loket's other
  conditions run but find nothing. Amounts, dates and lists for the peers are built from Loket's
  own rule data, so all three use the same values.
- Loket does more than the peers: it builds the whole assessment (outcome, legal basis, facts,
  message text in Dutch, procedure, fee, warnings, parameters used); the peers return only the
  reason codes. Loket's row is the engine on an application already known to be valid (as the CLI
  does after its own parse); the \`assess()\` row adds the schema and cross-field validation.
- The peers get plain facts from a JS function (dates as YYYYMMDD numbers, the age on the start
  date, and the days each channel covered inside each window, counted with Loket's own
  day-counting helper) — calendar arithmetic neither engine does natively. Its cost is included
  in their rows and shown alone in the last row.
- json-rules-engine: one rule per reason code and parameter period (dates, thresholds and list
  versions as conditions; ${jreRuleCount} rules); every triggered event is a reason. Its \`run\` is
  Promise-based, awaited one application at a time.
- zen-engine: a JDM graph built in code — input → decision table of threshold parameters by start
  date → decision table of rule parameters by filing date → migration-list table (one row per
  version and function) → expression node (share, threshold, vacancy check) → "reasons" table
  with hit policy \`collect\` → output. \`evaluate\` is async (a call into the Rust engine plus
  serialisation of the context both ways, resolved as a Promise); awaiting each call in turn is how
  a request handler or a CLI would use it and is the figure in the ratio. With 256 evaluations in
  flight the figure is in the table too; on ${cpus().length} cores that mostly hides Promise latency.
- Warm-up: one pass over the first 10 000 applications per engine before timing. Timed in one
  process, one engine after another; garbage collection is not forced between runs.
`;

console.log(`\nRules benchmark — ${COUNT} applications, ${cpuModel}, Node ${process.version}\n`);
console.log(table);
console.log(
  `\nagreement ${agree}/${SAMPLE}; Loket < 5 µs: ${pass(loket.median < 5)}; ×jre ${ratioJre.toFixed(1)}; ×zen ${ratioZen.toFixed(1)}`,
);
if (ndjson)
  console.log(
    `ndjson: loket ${ndjson.loket.toFixed(0)} ms vs plain ${ndjson.plain.toFixed(0)} ms → ${ndjson.ratio.toFixed(2)}×`,
  );
console.log(`total ${elapsed.toFixed(0)} s`);

if (args.write) {
  console.log(`wrote ${writePerformanceSection(ROOT, '## Rules (npm run bench:rules)', section)}`);
}
zenEngine.dispose();

/** The installed version of a peer engine, read from its package.json, so the report names what ran. */
function peerVersion(name: string): string {
  const file = createRequire(import.meta.url).resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
