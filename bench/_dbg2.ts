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
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ZenEngine } from '@gorules/zen-engine';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { countCoveredDays } from '../src/rules/conditions/labour-market-test.ts';
import { addDays, addMonths, ageOn, fromDayNumber, toDayNumber } from '../src/rules/dates/iso-date.ts';
import {
  type Application,
  assess,
  assessValidApplication,
  getDefaultRuleData,
  type ParameterName,
} from '../src/rules/index.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    'peer-runs': { type: 'string', default: '3' },
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

/** mulberry32: a small seeded PRNG, so every run (and every machine) sees the same applications. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const data = getDefaultRuleData();
const CATEGORIES = ['HIGHLY_SKILLED', 'MEDIUM_SKILLED_SHORTAGE', 'OTHER_LABOUR_MARKET_TEST'] as const;
const POSTAL_CODES = ['9000', '2000', '3000', '8000', '3500', '1800', '8500'];
const LIST_IDS = [...new Set(data.migrationList.flatMap((v) => [...v.ids]))];
const NOT_LISTED = ['software-tester', 'call-centre-agent', 'warehouse-clerk'];
const WAGES = [45984, 46632, 48912];
const FROM_DAY = toDayNumber('2023-01-01');
const TO_DAY = toDayNumber('2026-12-31');

function generate(count: number, seed: number): Application[] {
  const r = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const chance = (p: number) => r() < p;
  const apps: Application[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % 3]!;
    const applicationDate = fromDayNumber(FROM_DAY + Math.floor(r() * (TO_DAY - FROM_DAY + 1)));
    const startDate = addDays(applicationDate, Math.floor(r() * 120));
    const age = 21 + Math.floor(r() * 25);
    const birthDate = addDays(addDays(startDate, -Math.round(age * 365.25)), Math.floor(r() * 60) - 30);
    // Salaries around the thresholds (80 % and 100 % of each year's base), some to the cent.
    const base = pick(WAGES) * pick([0.8, 1.0]);
    const salary = chance(0.1)
      ? Math.round(base * 100) / 100 + pick([-0.01, 0, 0.01])
      : Math.round(base * (0.9 + r() * 0.2) * 100) / 100;
    const app: Application = {
      applicationDate,
      kind: 'FIRST',
      category,
      employer: { enterpriseNumber: '0403.170.701', establishedInBelgium: !chance(0.05) },
      worker: {
        birthDate,
        nationality: pick(['IN', 'MA', 'TR', 'PH', 'BR']),
        location: chance(0.1) ? 'BELGIUM' : 'ABROAD',
        qualificationVks: 3 + Math.floor(r() * 6),
        profession: chance(0.06) ? 'NURSE' : chance(0.06) ? 'TEACHER' : null,
      },
      job: {
        title: 'Generated function',
        requiredVks: 1 + Math.floor(r() * 8),
        isCareFunction: chance(0.3),
        grossAnnualSalary: Math.round(salary * 100) / 100,
        startDate,
        workplacePostalCode: pick(POSTAL_CODES),
      },
    } as Application;
    if (category === 'MEDIUM_SKILLED_SHORTAGE') {
      app.job.migrationListFunction = chance(0.15) ? pick(NOT_LISTED) : pick(LIST_IDS);
      app.job.employmentFraction = pick([0.5, 0.6, 0.75, 0.79, 0.8, 0.9, 1]);
    }
    if (category === 'OTHER_LABOUR_MARKET_TEST') {
      app.job.onVdabShortageList = chance(0.8);
      const publications: NonNullable<Application['labourMarketTest']>['publications'] = [];
      for (const channel of ['VDAB', 'EURES'] as const) {
        const parts = chance(0.1) ? 0 : chance(0.2) ? 2 : 1;
        for (let p = 0; p < parts; p++) {
          const from = addDays(applicationDate, -(20 + Math.floor(r() * 140)));
          const to = addDays(from, 10 + Math.floor(r() * 120));
          publications.push({ channel, from, to });
        }
      }
      app.labourMarketTest = { publications };
    }
    apps.push(app);
  }
  return apps;
}

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
] as const satisfies readonly ParameterName[];
const THRESHOLD_SEGMENTS = segments(THRESHOLD_PARAMS);
const RULE_SEGMENTS = segments(RULE_PARAMS);

interface VacancyRule {
  channels: string[];
  minimumDaysPerChannel: number;
  windowDays?: number;
  windowMonths?: number;
}
const windowKey = (rule: VacancyRule) =>
  rule.windowMonths !== undefined ? `m${rule.windowMonths}` : `d${rule.windowDays ?? rule.minimumDaysPerChannel}`;
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

function buildJsonRulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const add = (code: string, all: Cond[]) =>
    engine.addRule({ conditions: { all }, event: { type: code } } as RuleProperties);
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
    const vacancy = v['labourMarketTest.vacancyPublication'] as VacancyRule;
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
          { all: [fact('profession', 'notIn', reducedProfessions), fact('age', 'greaterThanInclusive', ageLimit)] },
        ],
      },
      fact('salary', 'lessThan', full),
    ] as Cond[]);
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
  add('EMPLOYER_NOT_ESTABLISHED_IN_BELGIUM', [isCategory(MSS, OLMT), fact('establishedInBelgium', 'equal', false)]);
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
    ['minQualificationVks', 'minFunctionVks', 'lowSkilledMax', 'minFraction', 'shortageListRequired', 'vacancy'],
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
      };
    }),
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
        ['vacancyShort', 'some(vacancy.channels, (pubDays[# + "_" + vacancy.window] ?? 0) < vacancy.minimumDaysPerChannel)'],
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
      'minFunctionVks != null and requiredVks < minFunctionVks and not (profession == "NURSE" and isCareFunction)',
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
    reasonRows.map(([category, condition, code]) => ({ category, condition: `$ and (${condition})`, code: lit(code) })),
    'reasons',
  );
  const nodes = [
    { id: 'input', type: 'inputNode', name: 'input', position },
    thresholds,
    ruleParams,
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

const apps0 = generate(10, 20260210);
const r = await zen.evaluate(toFacts(apps0[2]!), { trace: true });
for (const [k, v] of Object.entries(r.trace!)) console.log(v.name, JSON.stringify(v.output).slice(0, 600));
console.log(JSON.stringify(toFacts(apps0[2]!)));
