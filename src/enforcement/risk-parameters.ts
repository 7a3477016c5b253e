import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SIGNAL_KINDS, type SignalKind } from './signal-kinds.ts';

/**
 * The monitoring's thresholds and weights, dated like the rules' parameters (rules/enforcement/*.yaml,
 * plus the hub and "almost only non-EU" refusal rules' own parameters so the signals and the refusal
 * grounds agree). Each
 * signal quotes the value it used, from when, and the legal basis.
 */

export { SIGNAL_KINDS, type SignalKind };

/** Weights in `points.yaml` beside the signals' own points. */
export const EXTRA_WEIGHTS = [
  'WAGE_GAP_PER_POINT',
  'SHARED_ADDRESS_PER_EXTRA_WORKER',
  'DESK_REPORT_UNTRIAGED',
] as const;
export type ExtraWeight = (typeof EXTRA_WEIGHTS)[number];

export interface ParameterUse<T> {
  readonly name: string;
  readonly value: T;
  readonly validFrom: string;
  readonly legalBasis: string;
}

export interface RiskParameters {
  readonly minimumPaidShare: ParameterUse<number>;
  readonly annualFullTimeHours: ParameterUse<number>;
  readonly minimumHoursJudged: ParameterUse<number>;
  readonly declarationGraceDays: ParameterUse<number>;
  readonly arrivalGraceDays: ParameterUse<number>;
  readonly lateToleranceDays: ParameterUse<number>;
  readonly hubLeftWithinDays: ParameterUse<number>;
  readonly hubMinimumShare: ParameterUse<number>;
  readonly hubMinimumPermits: ParameterUse<number>;
  readonly addressMinimumWorkers: ParameterUse<number>;
  /** The refusal ground's own parameters (BVR 7 Dec 2018 as amended from 2026): signal and ground agree. */
  readonly nonEuMinimumShare: ParameterUse<number>;
  readonly nonEuMinimumHeadcount: ParameterUse<number>;
  readonly countedDossiers: ParameterUse<number>;
  /**
   * Each signal's points, and the weights some signals add on top: WAGE_GAP_PER_POINT per
   * percentage point of pay below the minimum share, SHARED_ADDRESS_PER_EXTRA_WORKER per worker
   * above the minimum at one address; DESK_REPORT per admissible report naming the employer,
   * DESK_REPORT_UNTRIAGED per report not yet triaged.
   */
  readonly points: ParameterUse<Record<SignalKind | ExtraWeight, number>>;
}

interface Timeline {
  name: string;
  legalBasis: string;
  periods: Array<{ validFrom: string; value: unknown }>;
}

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../rules');

function readTimeline(file: string, name: string): Timeline {
  const body = parse(readFileSync(file, 'utf8')) as {
    legalBasis?: string;
    reference?: string;
    values?: Record<string, { value: unknown; source?: string }>;
  };
  const periods = Object.entries(body.values ?? {})
    .map(([validFrom, period]) => ({ validFrom: String(validFrom), value: period.value }))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const first = Object.values(body.values ?? {})[0];
  const legalBasis = body.legalBasis ?? first?.source ?? body.reference ?? '';
  if (periods.length === 0 || legalBasis === '')
    throw new Error(`${file}: needs dated values and a legal basis`);
  return { name, legalBasis, periods };
}

export function loadRiskTimelines(rulesDir: string = RULES_DIR): Map<string, Timeline> {
  const timelines = new Map<string, Timeline>();
  const dir = join(rulesDir, 'enforcement');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const name = `enforcement.${file.replace(/\.yaml$/, '')}`;
    timelines.set(name, readTimeline(join(dir, file), name));
  }
  for (const name of [
    'policy.hub.minimumShare',
    'policy.hub.minimumPermits',
    'policy.almostOnlyNonEu.minimumShare',
    'policy.almostOnlyNonEu.minimumHeadcount',
  ]) {
    timelines.set(name, readTimeline(join(rulesDir, 'parameters', `${name}.yaml`), name));
  }
  return timelines;
}

function on<T>(
  timelines: Map<string, Timeline>,
  name: string,
  date: string,
  check: (v: unknown) => boolean,
): ParameterUse<T> {
  const timeline = timelines.get(name);
  if (!timeline) throw new Error(`risk parameter ${name} is missing`);
  const period = [...timeline.periods].reverse().find((p) => p.validFrom <= date);
  if (!period) throw new Error(`risk parameter ${name} has no value on ${date}`);
  if (!check(period.value)) throw new Error(`risk parameter ${name} has a value of the wrong shape`);
  return { name, value: period.value as T, validFrom: period.validFrom, legalBasis: timeline.legalBasis };
}

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isPoints = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  [...SIGNAL_KINDS, ...EXTRA_WEIGHTS].every((k) => isNumber((v as Record<string, unknown>)[k]));

let cached: Map<string, Timeline> | null = null;

/** The values in force on `date` (the day of the reading). */
function defaultTimelines(): Map<string, Timeline> {
  cached ??= loadRiskTimelines();
  return cached;
}

export function riskParametersOn(
  date: string,
  timelines: Map<string, Timeline> = defaultTimelines(),
): RiskParameters {
  const n = (name: string) => on<number>(timelines, name, date, isNumber);
  return {
    minimumPaidShare: n('enforcement.wage.minimumPaidShare'),
    annualFullTimeHours: n('enforcement.wage.annualFullTimeHours'),
    minimumHoursJudged: n('enforcement.wage.minimumHoursJudged'),
    declarationGraceDays: n('enforcement.dmfa.declarationGraceDays'),
    arrivalGraceDays: n('enforcement.dimona.arrivalGraceDays'),
    lateToleranceDays: n('enforcement.dimona.lateToleranceDays'),
    hubLeftWithinDays: n('enforcement.hub.leftWithinDays'),
    hubMinimumShare: n('policy.hub.minimumShare'),
    hubMinimumPermits: n('policy.hub.minimumPermits'),
    addressMinimumWorkers: n('enforcement.address.minimumWorkers'),
    nonEuMinimumShare: n('policy.almostOnlyNonEu.minimumShare'),
    nonEuMinimumHeadcount: n('policy.almostOnlyNonEu.minimumHeadcount'),
    countedDossiers: n('enforcement.employer.countedDossiers'),
    points: on(timelines, 'enforcement.points', date, isPoints),
  };
}
