import { CATEGORY_DEFINITIONS, type CategoryDefinition } from '../../rules/categories.ts';
import type { Category } from '../../rules/index.ts';
import { getDefaultRuleData } from '../../rules/index.ts';
import type { SeededRandom } from '../../sources/simulator/seeded-random.ts';
import { groupOf } from './profiles.ts';

/** How long the synthetic dossiers take: medians by year with a log-normal spread, and the legal deadlines. */

export function normal(random: SeededRandom): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

export function spread(random: SeededRandom, median: number): number {
  return Math.max(1, Math.round(median * Math.exp(0.5 * normal(random))));
}

const REGIONAL_MEDIAN: Record<'HIGHLY' | 'OTHER', Record<number, number>> = {
  HIGHLY: { 2019: 25, 2020: 20, 2021: 12, 2022: 20, 2023: 35, 2024: 30, 2025: 25 },
  OTHER: { 2019: 35, 2020: 25, 2021: 14, 2022: 30, 2023: 45, 2024: 40, 2025: 35 },
};
export const FEDERAL_MEDIAN: Record<number, number> = {
  2019: 40,
  2020: 30,
  2021: 14,
  2022: 25,
  2023: 45,
  2024: 40,
  2025: 35,
};

export function regionalMedian(category: Category, on: string): number {
  const isHighly = groupOf(category) === 'HIGHLY_SKILLED';
  // In the fast lane (from 1 May 2025 for the highly skilled) a decision takes about a week.
  if (isFastLane(category, on)) return 8;
  return REGIONAL_MEDIAN[isHighly ? 'HIGHLY' : 'OTHER'][Number(on.slice(0, 4))] ?? 25;
}

/** The category's fast lane on the filing date (rules/parameters/procedure.fastLane.*). */
export function isFastLane(category: Category, on: string): boolean {
  const definition: CategoryDefinition = CATEGORY_DEFINITIONS[category];
  const parameter = definition.fastLaneParameter;
  return parameter !== undefined && getDefaultRuleData().parameters.resolve(parameter, on)?.value === true;
}

/** The regional deadline on the filing date (rules/parameters/procedure.regionalDeadlineDays.*). */
export function deadlineDays(category: Category, on: string): number {
  const value = getDefaultRuleData().parameters.resolve(
    CATEGORY_DEFINITIONS[category].deadlineParameter,
    on,
  )?.value;
  if (typeof value !== 'number') throw new Error(`no regional deadline for ${category} on ${on}`);
  return value;
}
