import { toDayNumber } from '../../rules/dates/iso-date.ts';
import {
  careTables,
  FIRST_GENERATED_YEAR,
  LAST_GENERATED_YEAR,
  TOTAL_APPLICATIONS,
  YEARLY_APPLICATIONS,
} from './calibration.ts';

/** How many synthetic dossiers each year gets: the published volumes (calibration.ts), scaled. */

const CALIBRATION_END = `${LAST_GENERATED_YEAR}-12-31`;

export function lastDay(until: string): string {
  return until < CALIBRATION_END ? until : CALIBRATION_END;
}

/** Days of `year` up to and including `until` (the whole year when it lies before). */
export function daysOf(year: number, until: string): number {
  const start = toDayNumber(`${year}-01-01`);
  const end = Math.min(toDayNumber(`${year}-12-31`), toDayNumber(lastDay(until)));
  return Math.max(0, end - start + 1);
}

/** The published volume of each year up to `until`, the current year in proportion to its days gone. */
export function yearWeights(until: string): Map<number, number> {
  const weights = new Map<number, number>();
  const lastYear = Number(lastDay(until).slice(0, 4));
  for (let year = FIRST_GENERATED_YEAR; year <= lastYear; year++) {
    const full = daysOf(year, `${year}-12-31`);
    weights.set(year, ((YEARLY_APPLICATIONS[year] ?? 0) * daysOf(year, until)) / full);
  }
  return weights;
}

/** Dossiers per year of submission: the published shape up to `until`, times count / Σ volumes. */
export function yearCounts(count: number, until: string): Map<number, number> {
  const weights = yearWeights(until);
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const lastYear = Math.max(...weights.keys());
  const counts = new Map<number, number>();
  let given = 0;
  for (const [year, weight] of weights) {
    const n = year === lastYear ? count - given : Math.round((count * weight) / total);
    counts.set(year, n);
    given += n;
  }
  return counts;
}

export type Special = { profession: 'NURSE' | 'CARE_WORKER'; nationality: string };

/** Seed 004's nurse and care-worker grants of a year, scaled like everything else. */
export function careSpecials(year: number, count: number, total = TOTAL_APPLICATIONS): Special[] {
  const factor = count / total;
  const tables = careTables(year);
  const specials: Special[] = [];
  for (const [profession, table] of [
    ['NURSE', tables.nurses],
    ['CARE_WORKER', tables.careWorkers],
  ] as const) {
    for (const [nationality, n] of Object.entries(table)) {
      for (let i = 0; i < Math.round(n * factor); i++) specials.push({ profession, nationality });
    }
  }
  return specials;
}
