import type { ScoringRules } from '../../../../src/enforcement/score-rules.ts';
import type { EmployerSignal, ScorePart, SignalKind } from './inspector-types.ts';

/**
 * How a score is made, in parts the page puts in words: the rule of each kind of signal (from the
 * weights the scorer applied, sent with the file) and what the parts add up to. Pure, so the
 * arithmetic shown is tested against the score itself.
 */

export type RuleLine =
  | { kind: SignalKind; rule: 'fixed'; points: number }
  | { kind: 'WAGE_BELOW_PROMISE'; rule: 'wage'; points: number; perPoint: number; share: number }
  | { kind: 'SHARED_ADDRESS'; rule: 'address'; points: number; perWorker: number; minimum: number }
  | { kind: 'DESK_REPORT'; rule: 'desk'; points: number; untriaged: number };

/** The rule a kind of signal's points follow. */
export function ruleLine(kind: SignalKind, scoring: ScoringRules): RuleLine {
  const points = scoring.points[kind];
  if (kind === 'WAGE_BELOW_PROMISE')
    return {
      kind,
      rule: 'wage',
      points,
      perPoint: scoring.wageGapPerPoint,
      share: scoring.wageMinimumPaidShare,
    };
  if (kind === 'SHARED_ADDRESS')
    return {
      kind,
      rule: 'address',
      points,
      perWorker: scoring.sharedAddressPerExtraWorker,
      minimum: scoring.sharedAddressMinimumWorkers,
    };
  if (kind === 'DESK_REPORT') return { kind, rule: 'desk', points, untriaged: scoring.deskReportUntriaged };
  return { kind, rule: 'fixed', points };
}

/** One rule per kind found in the parts, in the order the parts name them. */
export function rulesOfParts(parts: readonly ScorePart[], scoring: ScoringRules): RuleLine[] {
  return [...new Set(parts.map((part) => part.kind))].map((kind) => ruleLine(kind, scoring));
}

/**
 * What a signal's points are made of when they are more than its kind's own points: the base and
 * what was added (a wage gap, workers above the minimum), or the reports counted. Null when the
 * signal weighs exactly its kind's points.
 */
export function pointsMadeOf(
  signal: Pick<EmployerSignal, 'kind' | 'points' | 'facts'>,
  scoring: ScoringRules,
): { base: number; added: number } | { admissible: number; untriaged: number } | null {
  if (signal.kind === 'DESK_REPORT') {
    const count = (name: string) => Number(signal.facts.find((f) => f.name === name)?.value ?? 0);
    return { admissible: count('reportsAdmissible'), untriaged: count('reportsUntriaged') };
  }
  // Only these two grow with the facts; every other kind weighs its own points.
  if (signal.kind !== 'WAGE_BELOW_PROMISE' && signal.kind !== 'SHARED_ADDRESS') return null;
  const base = scoring.points[signal.kind];
  const added = round2(signal.points - base);
  return added > 0 ? { base, added } : null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The parts that make the score (counted) and those shown but not added, each with their sum. */
export function addUp(parts: readonly ScorePart[]): {
  added: number[];
  total: number;
  notAdded: number[];
  notAddedTotal: number;
} {
  const added = parts.filter((p) => p.counted).map((p) => p.points);
  const notAdded = parts.filter((p) => !p.counted).map((p) => p.points);
  const sum = (values: number[]) => round2(values.reduce((total, value) => total + value, 0));
  return { added, total: sum(added), notAdded, notAddedTotal: sum(notAdded) };
}
