import {
  type Application,
  applyReform,
  assessValidApplication,
  assessWith,
  FIRST_RULES_DATE,
  type MigrationListEntry,
  type Outcome,
  type ParameterName,
  type ParameterTimeline,
  type RuleData,
} from '../../rules/index.ts';

/**
 * Policy simulation (issue 15), the pure part: a change of the rule data laid over the rules in
 * force, one stored dossier assessed under both, and the counts the analyst reads. No I/O: the
 * dossiers come from simulation.repo.ts, the worker threads and the route call these functions.
 */

/** What is simulated: a parameter's value, or the migration list's functions. */
export type RuleChange =
  | { kind: 'parameter'; name: ParameterName; value: unknown }
  | { kind: 'list'; entries: readonly MigrationListEntry[] };

/** A stored dossier as the simulation reads it: no name, no worker identity. */
export interface SimulationDossier {
  reference: string;
  category: string;
  /** Year of submission (Brussels time). */
  year: number;
  application: unknown;
}

/** A dossier whose application cannot be assessed (invalid, before the rules) is counted, not compared. */
export const NOT_ASSESSED = 'NOT_ASSESSED';
export type SimulatedOutcome = Outcome | typeof NOT_ASSESSED;

export interface DossierComparison {
  reference: string;
  category: string;
  province: string;
  year: number;
  before: SimulatedOutcome;
  after: SimulatedOutcome;
  reasonsBefore: string[];
  reasonsAfter: string[];
}

export interface Count {
  total: number;
  changed: number;
}

export interface SimulationTally {
  total: number;
  changed: number;
  notAssessed: number;
  byCategory: Record<string, Count>;
  byProvince: Record<string, Count>;
  byYear: Record<string, Count>;
  /** `ELIGIBLE→INELIGIBLE`: how many dossiers moved that way. */
  transitions: Record<string, number>;
  /** The first changed dossiers, by reference. */
  examples: DossierComparison[];
}

export const MAX_EXAMPLES = 10;

/**
 * The rule data with the change laid over every date: the simulation asks "what if this value
 * had applied to these dossiers", so the proposal's own effective date (always in the future) is
 * not used; each dossier is still assessed on its own application date.
 */
export function reformFor(baseline: RuleData, change: RuleChange): RuleData {
  if (change.kind === 'list') {
    const ids = new Set(change.entries.map((entry) => entry.id));
    return {
      parameters: baseline.parameters,
      migrationList: baseline.migrationList.map((version) => ({ ...version, entries: change.entries, ids })),
    };
  }
  const current = baseline.parameters.timeline(change.name);
  const override: ParameterTimeline = {
    name: change.name,
    unit: current?.unit ?? '',
    description: current?.description ?? change.name,
    periods: [
      {
        validFrom: FIRST_RULES_DATE,
        validUntil: null,
        value: change.value,
        source: 'policy simulation',
        verified: false,
        status: 'PROVISIONAL',
      },
    ],
  };
  return applyReform(baseline, [override]);
}

function assessed(data: RuleData, application: unknown, valid: boolean) {
  try {
    // The first assessment validates the application; the second trusts it (half the checks).
    const assessment = valid
      ? assessValidApplication(data, application as Application, { lang: 'nl' })
      : assessWith(data, application, { lang: 'nl' });
    return {
      outcome: assessment.outcome as SimulatedOutcome,
      province: assessment.procedure.province ?? 'UNKNOWN',
      reasons: assessment.reasons.map((reason) => reason.code as string),
    };
  } catch {
    return { outcome: NOT_ASSESSED as SimulatedOutcome, province: 'UNKNOWN', reasons: [] };
  }
}

/** One dossier under the rules in force and under the change, on its own application date. */
export function compareDossier(baseline: RuleData, reform: RuleData, dossier: SimulationDossier) {
  const before = assessed(baseline, dossier.application, false);
  const after = assessed(reform, dossier.application, before.outcome !== NOT_ASSESSED);
  return {
    reference: dossier.reference,
    category: (dossier.application as Application | null)?.category ?? dossier.category,
    province: before.province,
    year: dossier.year,
    before: before.outcome,
    after: after.outcome,
    reasonsBefore: before.reasons,
    reasonsAfter: after.reasons,
  } satisfies DossierComparison;
}

export function emptyTally(): SimulationTally {
  return {
    total: 0,
    changed: 0,
    notAssessed: 0,
    byCategory: {},
    byProvince: {},
    byYear: {},
    transitions: {},
    examples: [],
  };
}

function bump(counts: Record<string, Count>, key: string, total: number, changed: number): void {
  const count = counts[key] ?? { total: 0, changed: 0 };
  count.total += total;
  count.changed += changed;
  counts[key] = count;
}

/** Counts one comparison into the tally (in place). */
export function addComparison(tally: SimulationTally, comparison: DossierComparison): void {
  if (comparison.before === NOT_ASSESSED) {
    tally.notAssessed += 1;
    return;
  }
  const changed = comparison.before !== comparison.after ? 1 : 0;
  tally.total += 1;
  tally.changed += changed;
  bump(tally.byCategory, comparison.category, 1, changed);
  bump(tally.byProvince, comparison.province, 1, changed);
  bump(tally.byYear, String(comparison.year), 1, changed);
  if (!changed) return;
  const key = `${comparison.before}→${comparison.after}`;
  tally.transitions[key] = (tally.transitions[key] ?? 0) + 1;
  if (tally.examples.length < MAX_EXAMPLES) tally.examples.push(comparison);
}

/** Re-assesses a batch of dossiers: what one worker thread does with its share. */
export function simulateDossiers(
  baseline: RuleData,
  reform: RuleData,
  dossiers: readonly SimulationDossier[],
): SimulationTally {
  const tally = emptyTally();
  for (const dossier of dossiers) addComparison(tally, compareDossier(baseline, reform, dossier));
  return tally;
}

/** Two tallies as one (batches from several threads); examples ordered by reference. */
export function mergeTallies(a: SimulationTally, b: SimulationTally): SimulationTally {
  const merged = emptyTally();
  for (const tally of [a, b]) {
    merged.total += tally.total;
    merged.changed += tally.changed;
    merged.notAssessed += tally.notAssessed;
    for (const part of ['byCategory', 'byProvince', 'byYear'] as const)
      for (const [key, count] of Object.entries(tally[part]))
        bump(merged[part], key, count.total, count.changed);
    for (const [key, n] of Object.entries(tally.transitions))
      merged.transitions[key] = (merged.transitions[key] ?? 0) + n;
  }
  merged.examples = [...a.examples, ...b.examples]
    .sort((x, y) => (x.reference < y.reference ? -1 : x.reference > y.reference ? 1 : 0))
    .slice(0, MAX_EXAMPLES);
  return merged;
}
