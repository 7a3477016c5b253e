import type { SeededRandom } from './seeded-random.ts';

/**
 * What the monitoring population plants per employer (generate-monitoring.ts): about one employer in
 * twenty has a real infringement, one in five an honest look-alike that a naive rule would flag.
 */

export const PLANTED_KINDS = [
  'UNDERPAID',
  'UNDECLARED',
  'DECLARED_ELSEWHERE',
  'EMPLOYER_BANKRUPT',
  'EMPLOYER_STOPPED',
  'SANCTIONED_EMPLOYER',
  'SANCTIONED_DIRECTOR',
  'HUB',
  'SHARED_ADDRESS',
  'ALMOST_ONLY_NON_EU',
] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

export const LOOK_ALIKE_KINDS = [
  'PART_TIME',
  'SICK_LEAVE',
  'QUARTER_NOT_DECLARED',
  'LATE_DIMONA',
  'ONE_OFF_BONUS',
  'LEFT_LEGALLY',
  'LARGE_EMPLOYER',
  'DIRECTORS_CHANGED',
  'EXPIRED_SANCTION',
  'ARRIVED_LATE',
  'SMALL_SHARED_HOUSE',
  'SMALL_NON_EU_TEAM',
  'INTERNATIONAL_BRANCH',
  'MOVED',
] as const;
export type LookAlikeKind = (typeof LOOK_ALIKE_KINDS)[number];

export interface EmployerPlan {
  kind: PlantedKind | LookAlikeKind | null;
  size: number;
}

const PLANTED_WEIGHTS: ReadonlyArray<readonly [PlantedKind, number]> = [
  ['UNDERPAID', 30],
  ['UNDECLARED', 12],
  ['DECLARED_ELSEWHERE', 10],
  ['EMPLOYER_BANKRUPT', 8],
  ['EMPLOYER_STOPPED', 6],
  ['SANCTIONED_EMPLOYER', 8],
  ['SANCTIONED_DIRECTOR', 8],
  ['HUB', 10],
  ['SHARED_ADDRESS', 8],
  ['ALMOST_ONLY_NON_EU', 8],
];

const LOOK_ALIKE_WEIGHTS: ReadonlyArray<readonly [LookAlikeKind, number]> = LOOK_ALIKE_KINDS.map(
  (kind) => [kind, kind === 'LARGE_EMPLOYER' || kind === 'INTERNATIONAL_BRANCH' ? 3 : 10] as const,
);

const MINIMUM_SIZE: Partial<Record<PlantedKind | LookAlikeKind, readonly [number, number]>> = {
  HUB: [8, 20],
  SHARED_ADDRESS: [7, 12],
  LARGE_EMPLOYER: [40, 150],
  UNDERPAID: [2, 12],
  PART_TIME: [2, 12],
  LEFT_LEGALLY: [2, 12],
  SMALL_SHARED_HOUSE: [3, 10],
  ALMOST_ONLY_NON_EU: [5, 15],
  SMALL_NON_EU_TEAM: [1, 2],
  INTERNATIONAL_BRANCH: [6, 25],
};

function ordinarySize(random: SeededRandom): number {
  const [low, high] = random.pickWeighted([
    [[1, 3], 55],
    [[4, 10], 35],
    [[11, 25], 9],
    [[26, 60], 1],
  ] as const);
  return random.int(low, high);
}

export function planEmployer(random: SeededRandom): EmployerPlan {
  const draw = random.next();
  const kind =
    draw < 0.05
      ? random.pickWeighted(PLANTED_WEIGHTS)
      : draw < 0.25
        ? random.pickWeighted(LOOK_ALIKE_WEIGHTS)
        : null;
  const range = kind ? MINIMUM_SIZE[kind] : undefined;
  return { kind, size: range ? random.int(range[0], range[1]) : ordinarySize(random) };
}
