import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../sources/simulator/seeded-random.ts';
import { keyColumn, RECORD_KEY_MODULUS } from './cell-key.ts';
import { publishCell } from './open-data.ts';
import { OPEN_DATA_MAX_FILTER_VALUES } from './stats-query.ts';
import { skewedIndex } from './test-support/skewed-draw.ts';

/**
 * The averaging attacker (issue 16, decisions 016 and 026). The cell-key method gives a set of
 * dossiers the same noise however it is asked for, so repeating a request gives nothing; but two
 * different sets S ⊃ D, both published, give S − D = the dossiers in S and not in D plus two
 * independent noises. An attacker who finds many such pairs for the same small set T averages the
 * differences, and the noise goes away as 1/√n.
 *
 * Played at Loket's real sizes (8 years, 13 categories, 6 provinces, a nationality, and decided =
 * granted + refused, which gives one more difference per cell) over every shape the public surface
 * has: pivots of one or two dimensions with margins, and the reports' year × rows × columns tables
 * with their margins (the issue-16 reports that read the fact table publish such tables too), for
 * each measure, filtered as the open-data routes allow. The attacker collects, for every published
 * set and every filter or dimension value in it, the difference to the published set without that
 * value, and for every set reached this way averages all its estimates. It claims a value where the
 * estimates are many enough that their mean is within ±0.5 of the truth with ~95 % confidence
 * (standard error ≤ 0.25 with the method's noise, counting every difference as independent, which
 * favours the attacker). The test fails on any claim that is the true count of a set the
 * publication did not show as it is.
 */

const SIZES = { year: 8, category: 13, province: 6, nationality: 5, outcome: 2 } as const;
type Dim = keyof typeof SIZES;
const DIMS = Object.keys(SIZES) as Dim[];
const PUBLIC_DIMS: Dim[] = ['year', 'category', 'province', 'nationality'];
const CELL_COUNT = DIMS.reduce((n, d) => n * SIZES[d], 1);
/** Noise of one difference: two cells' noise, standard deviation 1.1 each (cell-key.ts). */
const DIFFERENCE_SD = Math.SQRT2 * 1.1;
/** Estimates needed for a standard error of 0.25. */
const CONFIDENT_ESTIMATES = Math.ceil((DIFFERENCE_SD / 0.25) ** 2);

type Coordinates = Record<Dim, number>;
const cellIndex = (c: Coordinates) => DIMS.reduce((index, d) => index * SIZES[d] + c[d], 0);
function coordinatesOf(index: number): Coordinates {
  const c = {} as Coordinates;
  for (const d of [...DIMS].reverse()) {
    c[d] = index % SIZES[d];
    index = Math.floor(index / SIZES[d]);
  }
  return c;
}
const COORDINATES = Array.from({ length: CELL_COUNT }, (_, i) => coordinatesOf(i));

/** Measures as sets of outcomes: decided = granted ∪ refused. */
const MEASURES = { decided: [0, 1], granted: [0], refused: [1] } as const;
type Measure = keyof typeof MEASURES;

interface Microdata {
  counts: number[];
  keySums: number[];
  /** A random 52-bit-ish hash per finest cell: a set's hash is the sum of its cells' (mod 2^52). */
  hashes: number[];
}

const HASH_MODULUS = 2 ** 52;

function drawDossiers(random: () => number, count: number): Microdata {
  const pick = (size: number) => skewedIndex(random, size, 1.2);
  const counts = new Array<number>(CELL_COUNT).fill(0);
  const keySums = new Array<number>(CELL_COUNT).fill(0);
  for (let n = 0; n < count; n++) {
    const index = cellIndex({
      year: Math.floor(random() * SIZES.year),
      category: pick(SIZES.category),
      province: pick(SIZES.province),
      nationality: pick(SIZES.nationality),
      outcome: random() < 0.85 ? 0 : 1,
    });
    counts[index]! += 1;
    keySums[index]! += Math.floor(random() * RECORD_KEY_MODULUS);
  }
  const hashes = Array.from({ length: CELL_COUNT }, () => Math.floor(random() * HASH_MODULUS));
  return { counts, keySums, hashes };
}

interface Request {
  measure: Measure;
  /** Up to three dimensions: a pivot has one or two, a report's table a year layer and two. */
  dims: Dim[];
  /** Allowed values per dimension (all when absent). */
  filters: Partial<Record<Dim, number[]>>;
}

/** A published set: its hash, true count, published value (null: hidden). */
interface Seen {
  cells: number[];
  truth: number;
  value: number | null;
}

/** Every grouping of a request's dimensions, as the routes give the margins: each subset. */
function groupings(count: number): number[][] {
  return Array.from({ length: 2 ** count }, (_, mask) =>
    [...Array(count).keys()].filter((i) => (mask >> i) & 1),
  );
}

function answer(data: Microdata, request: Request, seen: Map<number, Seen>): void {
  const allowed = (d: Dim, v: number) =>
    d === 'outcome'
      ? (MEASURES[request.measure] as readonly number[]).includes(v)
      : (request.filters[d]?.includes(v) ?? true);
  const members: number[] = [];
  for (let index = 0; index < CELL_COUNT; index++)
    if (DIMS.every((d) => allowed(d, COORDINATES[index]![d]))) members.push(index);
  for (const grouping of groupings(request.dims.length)) {
    const groups = new Map<string, number[]>();
    for (const index of members) {
      const id = grouping.map((i) => COORDINATES[index]![request.dims[i]!]).join(',');
      const list = groups.get(id) ?? [];
      if (list.length === 0) groups.set(id, list);
      list.push(index);
    }
    for (const cells of groups.values()) {
      let hash = 0;
      let truth = 0;
      let keySum = 0;
      for (const index of cells) {
        hash = (hash + data.hashes[index]!) % HASH_MODULUS;
        truth += data.counts[index]!;
        keySum += data.keySums[index]!;
      }
      if (seen.has(hash)) continue;
      const value =
        publishCell({ granted: truth, [keyColumn('granted')]: keySum }, ['granted']).granted ?? null;
      seen.set(hash, { cells, truth, value });
    }
  }
}

/** Filters as the public may send them: a year range, and at most `maxValues` categories and provinces. */
function publicRequests(random: () => number, count: number, maxValues: number): Request[] {
  const requests: Request[] = [];
  const subset = (size: number) => {
    const take = 1 + Math.floor(random() * Math.min(maxValues, size));
    const all = [...Array(size).keys()].sort(() => random() - 0.5);
    return all.slice(0, take);
  };
  const measures = Object.keys(MEASURES) as Measure[];
  for (let n = 0; n < count; n++) {
    const shape = random();
    const free = [...PUBLIC_DIMS].sort(() => random() - 0.5);
    const dims: Dim[] =
      shape < 0.3
        ? [free[0]!]
        : shape < 0.7
          ? free.slice(0, 2)
          : ['year', ...free.filter((d) => d !== 'year').slice(0, 2)];
    const a = Math.floor(random() * SIZES.year);
    const b = a + Math.floor(random() * (SIZES.year - a));
    const filters: Partial<Record<Dim, number[]>> = {};
    if (random() < 0.7) filters.year = [...Array(b - a + 1).keys()].map((i) => a + i);
    if (random() < 0.6) filters.category = subset(SIZES.category);
    if (random() < 0.5) filters.province = subset(SIZES.province);
    requests.push({ measure: measures[n % measures.length]!, dims, filters });
  }
  return requests;
}

/**
 * What an attacker aiming at a few categories asks on top: with free subsets, each target category
 * with and without it in many different sets of others; with single values, the target category
 * over every year range (ranges one year apart differ by one year), by province and nationality.
 */
function targetedRequests(random: () => number, maxValues: number): Request[] {
  const requests: Request[] = [];
  for (let target = 0; target < 4; target++) {
    if (maxValues > 1) {
      for (let n = 0; n < 45; n++) {
        const others = [...Array(SIZES.category).keys()].filter((c) => c !== target && random() < 0.5);
        if (others.length === 0) continue;
        for (const category of [others, [...others, target]])
          requests.push({ measure: 'granted', dims: ['year', 'province'], filters: { category } });
      }
      continue;
    }
    for (let a = 0; a < SIZES.year; a++)
      for (let b = a; b < SIZES.year; b++) {
        const year = [...Array(b - a + 1).keys()].map((i) => a + i);
        for (const dims of [['province'], ['province', 'nationality']] as Dim[][])
          requests.push({ measure: 'granted', dims, filters: { year, category: [target] } });
      }
  }
  return requests;
}

/** The averaging attack: every difference of two published sets one value apart, averaged per set. */
function averagingAttack(seen: Map<number, Seen>, data: Microdata) {
  const estimates = new Map<number, { sum: number; n: number; truth: number; cells: number }>();
  const add = (hash: number, truth: number, cells: number, estimate: number) => {
    const entry = estimates.get(hash) ?? { sum: 0, n: 0, truth, cells };
    estimates.set(hash, entry);
    entry.sum += estimate;
    entry.n++;
  };
  for (const [, whole] of seen) {
    if (whole.value === null) continue;
    // The parts of this set by one value of one dimension (a filter value or a row left out).
    const parts = new Map<string, { hash: number; truth: number; cells: number }>();
    for (const index of whole.cells) {
      for (const d of DIMS) {
        const id = `${d}=${COORDINATES[index]![d]}`;
        const part = parts.get(id) ?? { hash: 0, truth: 0, cells: 0 };
        parts.set(id, part);
        part.hash = (part.hash + data.hashes[index]!) % HASH_MODULUS;
        part.truth += data.counts[index]!;
        part.cells++;
      }
    }
    let wholeHash = 0;
    for (const index of whole.cells) wholeHash = (wholeHash + data.hashes[index]!) % HASH_MODULUS;
    for (const part of parts.values()) {
      if (part.cells === whole.cells.length) continue;
      const rest = seen.get((wholeHash - part.hash + HASH_MODULUS) % HASH_MODULUS);
      if (!rest || rest.value === null) continue;
      add(part.hash, part.truth, part.cells, whole.value - rest.value);
    }
  }
  const recovered: Array<{ truth: number; mean: number; n: number; published: number | null }> = [];
  let closest = 0;
  for (const [hash, { sum, n, truth }] of estimates) {
    const published = seen.get(hash);
    const direct = published?.value;
    const all = n + (direct !== null && direct !== undefined ? 1 : 0);
    const mean = (sum + (direct ?? 0)) / all;
    closest = Math.max(closest, all);
    const isShownAsItIs = direct === truth;
    if (truth > 0 && !isShownAsItIs && all >= CONFIDENT_ESTIMATES && Math.round(mean) === truth)
      recovered.push({ truth, mean, n: all, published: direct ?? null });
  }
  return { recovered, mostEstimates: closest, sets: estimates.size };
}

const prng = (seed: number) => createSeededRandom(seed).next;

describe('open data against an averaging attacker (issue 16)', () => {
  it('would lose small cells to averaging if the public could filter on any set of categories', () => {
    const random = prng(16);
    const data = drawDossiers(random, 4000);
    const seen = new Map<number, Seen>();
    const requests = [
      ...publicRequests(random, 1000, SIZES.category),
      ...targetedRequests(random, SIZES.category),
    ];
    for (const request of requests) answer(data, request, seen);
    const result = averagingAttack(seen, data);
    expect(result.recovered.length).toBeGreaterThan(0);
  }, 120_000);

  it.each([16, 2019, 4242])(
    'recovers nothing through the filters open data allows, over every report and pivot shape (seed %i)',
    (seed) => {
      const random = prng(seed);
      const data = drawDossiers(random, 4000);
      const seen = new Map<number, Seen>();
      const requests = [
        ...publicRequests(random, 2500, OPEN_DATA_MAX_FILTER_VALUES),
        ...targetedRequests(random, OPEN_DATA_MAX_FILTER_VALUES),
      ];
      for (const request of requests) answer(data, request, seen);
      const result = averagingAttack(seen, data);
      expect(seen.size).toBeGreaterThan(5000);
      expect(result.recovered).toEqual([]);
      expect(result.mostEstimates).toBeLessThan(CONFIDENT_ESTIMATES);
    },
    120_000,
  );
});
