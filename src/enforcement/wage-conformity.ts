import type { MonitoredAuthorisation, RegisterReading } from './monitoring-types.ts';
import type { RiskParameters } from './risk-parameters.ts';
import { declaredWages } from './signals.ts';

/**
 * Market conformity of the salary thresholds (policy note 002 §2.10 a), pure: for each granted
 * authorisation whose category has a salary threshold and whose DmfA was read with enough hours,
 * the wage actually paid per hour ÷ the threshold per hour, both for the contracted fraction
 * (threshold ÷ (full-time hours a year × fraction), as the wage signal computes the promise).
 * Kept per monitoring run as a distribution per category and year of the grant — counts and
 * quantiles only, no dossier, worker or employer — and quantiles only for groups of at least
 * MIN_GROUP authorisations, so a group's figures never describe one or two people.
 */

export const MIN_GROUP = 5;
export const QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;

export interface WageConformityRow {
  category: string;
  year: number;
  /** Authorisations judged (DmfA read, enough hours, a threshold known). */
  authorisations: number;
  /** Paid ÷ threshold per hour at p10, p25, p50, p75, p90; null below MIN_GROUP. */
  quantiles: number[] | null;
  /** Share of them paid below the threshold per hour; null below MIN_GROUP. */
  belowShare: number | null;
}

/** The inputs beyond the monitoring's own: each authorisation's category and threshold. */
export interface ThresholdedAuthorisation extends MonitoredAuthorisation {
  category: string;
  salaryThreshold: number | null;
}

/** percentile_cont: linear between the two nearest ranks. */
export function quantile(sorted: readonly number[], p: number): number {
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function paidToThresholdRatio(
  auth: ThresholdedAuthorisation,
  reading: RegisterReading,
  params: RiskParameters,
): number | null {
  if (auth.salaryThreshold === null || auth.salaryThreshold <= 0 || auth.employmentFraction <= 0) return null;
  const wages = declaredWages(auth, reading, params);
  if (!wages || wages.hours < params.minimumHoursJudged.value) return null;
  const thresholdPerHour =
    auth.salaryThreshold / (params.annualFullTimeHours.value * auth.employmentFraction);
  return wages.paid / wages.hours / thresholdPerHour;
}

export function wageConformity(
  auths: readonly ThresholdedAuthorisation[],
  reading: RegisterReading,
  params: RiskParameters,
): WageConformityRow[] {
  const groups = new Map<string, { category: string; year: number; ratios: number[] }>();
  for (const auth of auths) {
    const ratio = paidToThresholdRatio(auth, reading, params);
    if (ratio === null) continue;
    const year = Number(auth.grantedOn.slice(0, 4));
    const key = `${auth.category} ${year}`;
    const group = groups.get(key) ?? { category: auth.category, year, ratios: [] };
    group.ratios.push(ratio);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => (a.category === b.category ? a.year - b.year : a.category < b.category ? -1 : 1))
    .map(({ category, year, ratios }) => {
      const sorted = [...ratios].sort((a, b) => a - b);
      const isShown = sorted.length >= MIN_GROUP;
      return {
        category,
        year,
        authorisations: sorted.length,
        quantiles: isShown ? QUANTILES.map((p) => round3(quantile(sorted, p))) : null,
        belowShare: isShown ? round3(sorted.filter((r) => r < 1).length / sorted.length) : null,
      };
    });
}
