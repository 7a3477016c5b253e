import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../sources/simulator/seeded-random.ts';
import { keyColumn, MAX_NOISE, PUBLISHED_MINIMUM, RECORD_KEY_MODULUS } from './cell-key.ts';
import { publishCell } from './open-data.ts';
import { suppressLine, suppressTable } from './suppression.ts';
import { skewedIndex } from './test-support/skewed-draw.ts';

/**
 * The attacker of issue 16, with public requests only, against the open-data method (the cell-key
 * method: open-data.ts `publishCell`, as the routes apply it to every cell and total) and against
 * the suppression used before (suppression.ts, table by table), which it must break.
 *
 * Seeded and reproducible: a small PRNG draws dossiers (year × category × province × nationality,
 * skewed so that many cells hold 1 to 4 dossiers) and the requests. The public surface is played in
 * memory as the routes build it: a pivot of one or two dimensions with its margins, filtered by a
 * year range, a set of categories and a set of provinces. The attacker asks the classic differencing
 * requests (all categories and all but one, all provinces and all but one, pairs, every year range)
 * and random ones across linked tables, then combines everything it saw:
 * - exact linear algebra on every number known exactly (differences and sums of any depth), and
 * - integer bounds: each published number as an interval (a perturbed count ± the largest noise
 *   the method can give, which the attacker is assumed to know; a hidden count as at least 1 since
 *   zeros are published), propagated over all equations until nothing moves.
 * A dossier count is "recovered" when these leave exactly one possible value for a non-zero count
 * the publication did not show as it is (hidden, or perturbed).
 */

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const CATEGORIES = ['HS', 'BC', 'SO', 'LM'];
const PROVINCES = ['ANT', 'LIM', 'WVL'];
const NATIONALITIES = ['IN', 'TR', 'MA', 'UA', 'PH'];
const DIMENSIONS = {
  year: YEARS.length,
  category: CATEGORIES.length,
  province: PROVINCES.length,
  nationality: NATIONALITIES.length,
};
type Dim = keyof typeof DIMENSIONS;
const DIMS = Object.keys(DIMENSIONS) as Dim[];
const CELL_COUNT = DIMS.reduce((n, d) => n * DIMENSIONS[d], 1);

/** mulberry32 (the simulator's seeded generator): same seed, same test data. */
const prng = (seed: number) => createSeededRandom(seed).next;

type Coordinates = Record<Dim, number>;

function cellIndex(c: Coordinates): number {
  return DIMS.reduce((index, d) => index * DIMENSIONS[d] + c[d], 0);
}

function coordinatesOf(index: number): Coordinates {
  const c = {} as Coordinates;
  for (const d of [...DIMS].reverse()) {
    c[d] = index % DIMENSIONS[d];
    index = Math.floor(index / DIMENSIONS[d]);
  }
  return c;
}

interface Microdata {
  counts: number[];
  keySums: number[];
}

/** Skewed draws (weights 1, 1/2, 1/3, …) so that most cells are small or empty. */
function drawDossiers(random: () => number, count: number): Microdata {
  const pick = (size: number) => skewedIndex(random, size, 1.3);
  const counts = new Array<number>(CELL_COUNT).fill(0);
  const keySums = new Array<number>(CELL_COUNT).fill(0);
  for (let n = 0; n < count; n++) {
    const index = cellIndex({
      year: pick(DIMENSIONS.year),
      category: pick(DIMENSIONS.category),
      province: pick(DIMENSIONS.province),
      nationality: pick(DIMENSIONS.nationality),
    });
    counts[index]! += 1;
    keySums[index]! += Math.floor(random() * RECORD_KEY_MODULUS);
  }
  return { counts, keySums };
}

interface Request {
  rows: Dim;
  columns: Dim | null;
  /** Allowed values per dimension (all when absent): year range, categories, provinces. */
  filters: Partial<Record<Dim, number[]>>;
}

/** One published number: the finest cells it counts, what was published (null = hidden). */
interface Published {
  cells: number[];
  value: number | null;
}

type Method = (tableOfCounts: {
  cells: number[][];
  counts: number[][];
  keySums: number[][];
}) => (number | null)[][];

/**
 * The request as the routes answer it: a grid of rows × columns plus a total column and a total
 * row (the last index of each), every entry the set of finest cells it counts.
 */
function answer(data: Microdata, request: Request, method: Method): Published[] {
  const values = (d: Dim) => request.filters[d] ?? [...Array(DIMENSIONS[d]).keys()];
  const rowValues = values(request.rows);
  const columnValues = request.columns ? values(request.columns) : [];
  const grid: number[][][] = Array.from({ length: rowValues.length + 1 }, () =>
    Array.from({ length: columnValues.length + 1 }, () => []),
  );
  for (let index = 0; index < CELL_COUNT; index++) {
    const c = coordinatesOf(index);
    if (DIMS.some((d) => !values(d).includes(c[d]))) continue;
    const i = rowValues.indexOf(c[request.rows]);
    const j = request.columns ? columnValues.indexOf(c[request.columns]) : -1;
    for (const r of [i, rowValues.length]) {
      for (const k of request.columns ? [j, columnValues.length] : [0]) grid[r]![k]!.push(index);
    }
  }
  const sum = (cells: number[], of: number[]) => cells.reduce((s, i) => s + of[i]!, 0);
  const published = method({
    cells: grid.map((line) => line.map((cells) => cells.length)),
    counts: grid.map((line) => line.map((cells) => sum(cells, data.counts))),
    keySums: grid.map((line) => line.map((cells) => sum(cells, data.keySums))),
  });
  return grid.flatMap((line, r) => line.map((cells, k) => ({ cells, value: published[r]![k]! })));
}

/** The cell-key method as the open-data routes apply it: each number on its own. */
const cellKeyMethod: Method = ({ counts, keySums }) =>
  counts.map((line, r) =>
    line.map(
      (count, k) =>
        publishCell({ granted: count, [keyColumn('granted')]: keySums[r]![k]! }, ['granted']).granted ?? null,
    ),
  );

/** The method before issue 16: exact counts, small ones and their secondaries hidden per table. */
const tableSuppression: Method = ({ counts }) => {
  const rows = counts.length - 1;
  const columns = counts[0]!.length - 1;
  if (columns === 0) {
    const mask = suppressLine(
      counts.slice(0, rows).map((line) => line[0]!),
      counts[rows]![0]!,
    );
    return counts.map((line, r) => [(r < rows ? mask.values[r] : mask.total) ? null : line[0]!]);
  }
  const mask = suppressTable({
    cells: counts.slice(0, rows).map((line) => line.slice(0, columns)),
    rowTotals: counts.slice(0, rows).map((line) => line[columns]!),
    columnTotals: counts[rows]!.slice(0, columns),
    grandTotal: counts[rows]![columns]!,
  });
  return counts.map((line, r) =>
    line.map((count, k) => {
      const isHidden =
        r < rows && k < columns
          ? mask.cells[r]![k]
          : r < rows
            ? mask.rowTotals[r]
            : k < columns
              ? mask.columnTotals[k]
              : mask.grandTotal;
      return isHidden ? null : count;
    }),
  );
};

function allBut(size: number, left: number): number[] {
  return [...Array(size).keys()].filter((i) => i !== left);
}

/** Differencing over filters, year ranges, provinces and categories, and random linked tables. */
function requestsOf(random: () => number, randomCount: number): Request[] {
  const requests: Request[] = [];
  const pairs: Array<[Dim, Dim | null]> = [];
  for (const rows of DIMS) {
    pairs.push([rows, null]);
    for (const columns of DIMS) if (columns !== rows) pairs.push([rows, columns]);
  }
  const filterChoices: Array<Partial<Record<Dim, number[]>>> = [{}];
  for (let a = 0; a < YEARS.length; a++) {
    for (let b = a; b < YEARS.length; b++)
      filterChoices.push({ year: [...Array(b - a + 1).keys()].map((i) => a + i) });
  }
  for (const d of ['category', 'province'] as const) {
    for (let left = 0; left < DIMENSIONS[d]; left++) {
      filterChoices.push({ [d]: allBut(DIMENSIONS[d], left) });
      filterChoices.push({ [d]: [left] });
    }
  }
  for (const [rows, columns] of pairs) {
    for (const filters of filterChoices) requests.push({ rows, columns, filters });
  }
  const subset = (size: number) => {
    const chosen = [...Array(size).keys()].filter(() => random() < 0.6);
    return chosen.length > 0 ? chosen : [Math.floor(random() * size)];
  };
  for (let n = 0; n < randomCount; n++) {
    const [rows, columns] = pairs[Math.floor(random() * pairs.length)]!;
    const a = Math.floor(random() * YEARS.length);
    const b = a + Math.floor(random() * (YEARS.length - a));
    requests.push({
      rows,
      columns,
      filters: {
        year: [...Array(b - a + 1).keys()].map((i) => a + i),
        ...(random() < 0.5 ? { category: subset(DIMENSIONS.category) } : {}),
        ...(random() < 0.5 ? { province: subset(DIMENSIONS.province) } : {}),
      },
    });
  }
  return requests;
}

interface Constraint {
  cells: number[];
  low: number;
  high: number;
}

/** Exact linear algebra: each number known exactly as a row; what do they determine? */
class ExactSystem {
  private readonly rows: Array<{ pivot: number; coefficients: Float64Array; value: number }> = [];

  add(cells: readonly number[], value: number): void {
    const vector = new Float64Array(CELL_COUNT);
    for (const cell of cells) vector[cell] = 1;
    let rest = value;
    for (const row of this.rows) {
      const factor = vector[row.pivot]!;
      if (Math.abs(factor) < 1e-9) continue;
      for (let i = 0; i < CELL_COUNT; i++) vector[i]! -= factor * row.coefficients[i]!;
      rest -= factor * row.value;
    }
    let pivot = -1;
    for (let i = 0; i < CELL_COUNT; i++)
      if (Math.abs(vector[i]!) > 1e-9 && (pivot === -1 || i < pivot)) pivot = i;
    if (pivot === -1) return;
    const scale = vector[pivot]!;
    for (let i = 0; i < CELL_COUNT; i++) vector[i]! /= scale;
    rest /= scale;
    // Keep the rows reduced against each other, so that reducing a target is one pass.
    for (const row of this.rows) {
      const factor = row.coefficients[pivot]!;
      if (Math.abs(factor) < 1e-9) continue;
      for (let i = 0; i < CELL_COUNT; i++) row.coefficients[i]! -= factor * vector[i]!;
      row.value -= factor * rest;
    }
    this.rows.push({ pivot, coefficients: vector, value: rest });
  }

  /** The value of the sum over `cells` if the known numbers determine it, else null. */
  determined(cells: readonly number[]): number | null {
    const vector = new Float64Array(CELL_COUNT);
    for (const cell of cells) vector[cell] = 1;
    let value = 0;
    for (const row of this.rows) {
      const factor = vector[row.pivot]!;
      if (Math.abs(factor) < 1e-9) continue;
      for (let i = 0; i < CELL_COUNT; i++) vector[i]! -= factor * row.coefficients[i]!;
      value += factor * row.value;
    }
    return vector.every((x) => Math.abs(x) < 1e-6) ? Math.round(value) : null;
  }
}

/** Integer bounds per finest cell, tightened over every constraint until nothing moves. */
function propagateBounds(constraints: readonly Constraint[]): { low: number[]; high: number[] } {
  const low = new Array<number>(CELL_COUNT).fill(0);
  const high = new Array<number>(CELL_COUNT).fill(Number.POSITIVE_INFINITY);
  for (let round = 0, isChanged = true; isChanged && round < 200; round++) {
    isChanged = false;
    for (const { cells, low: sumLow, high: sumHigh } of constraints) {
      let lowSum = 0;
      let highSum = 0;
      for (const cell of cells) {
        lowSum += low[cell]!;
        highSum += high[cell]!;
      }
      for (const cell of cells) {
        const othersHigh = highSum - high[cell]!;
        const othersLow = lowSum - low[cell]!;
        const newLow = Number.isFinite(othersHigh) ? Math.max(low[cell]!, sumLow - othersHigh) : low[cell]!;
        const newHigh = Math.min(high[cell]!, sumHigh - othersLow);
        if (newLow > low[cell]! || newHigh < high[cell]!) {
          lowSum += newLow - low[cell]!;
          highSum += newHigh - high[cell]!;
          low[cell] = newLow;
          high[cell] = newHigh;
          isChanged = true;
        }
      }
    }
  }
  return { low, high };
}

interface AttackResult {
  requests: number;
  numbers: number;
  /** Non-zero true counts not published as they are, with the value the attacker pinned down. */
  recovered: Array<{ cells: number[]; value: number; truth: number }>;
}

function attack(
  data: Microdata,
  method: Method,
  requests: readonly Request[],
  isPerturbed: boolean,
): AttackResult {
  const seen = new Map<string, Published>();
  for (const request of requests) {
    for (const published of answer(data, request, method)) {
      if (published.cells.length === 0) continue;
      seen.set(published.cells.join(','), published);
    }
  }
  const exact = new ExactSystem();
  const constraints: Constraint[] = [];
  for (const { cells, value } of seen.values()) {
    if (value === null) {
      // Hidden: zeros are published, so it is at least 1; perturbed, it came out under 5.
      constraints.push({
        cells,
        low: 1,
        high: isPerturbed ? PUBLISHED_MINIMUM - 1 + MAX_NOISE : Number.POSITIVE_INFINITY,
      });
    } else if (value === 0 || !isPerturbed) {
      exact.add(cells, value);
      constraints.push({ cells, low: value, high: value });
    } else {
      constraints.push({ cells, low: Math.max(1, value - MAX_NOISE), high: value + MAX_NOISE });
    }
  }
  const bounds = propagateBounds(constraints);
  const targets = [
    ...[...seen.values()],
    ...data.counts.map((_, cell) => ({ cells: [cell], value: seen.get(String(cell))?.value ?? null })),
  ];
  const recovered: AttackResult['recovered'] = [];
  const checked = new Set<string>();
  for (const target of targets) {
    const id = target.cells.join(',');
    if (checked.has(id)) continue;
    checked.add(id);
    const truth = target.cells.reduce((s, c) => s + data.counts[c]!, 0);
    // What was published as it is, or is zero, is not a disclosure.
    const isShownExactly = !isPerturbed && target.value !== null && seen.has(id);
    if (truth === 0 || isShownExactly) continue;
    const low = target.cells.reduce((s, c) => s + bounds.low[c]!, 0);
    const high = target.cells.reduce((s, c) => s + bounds.high[c]!, 0);
    const value = exact.determined(target.cells) ?? (low === high ? low : null);
    if (value !== null) recovered.push({ cells: target.cells, value, truth });
  }
  return { requests: requests.length, numbers: seen.size, recovered };
}

const SEEDS = [16, 2019, 4242];

describe('open data against an attacker with public requests only (issue 16)', () => {
  it.each(SEEDS)(
    'the attack recovers hidden counts from the table-by-table suppression (seed %i)',
    (seed) => {
      const random = prng(seed);
      const data = drawDossiers(random, 600);
      const result = attack(data, tableSuppression, requestsOf(random, 300), false);
      expect(result.recovered.length).toBeGreaterThan(0);
      // What it finds is the truth, not a guess: the attacker's arithmetic is sound.
      for (const found of result.recovered) expect(found.value).toBe(found.truth);
      expect(result.recovered.some((found) => found.truth < PUBLISHED_MINIMUM)).toBe(true);
    },
    60_000,
  );

  it.each(SEEDS)(
    'the same attack recovers no true count from the cell-key method (seed %i)',
    (seed) => {
      const random = prng(seed);
      const data = drawDossiers(random, 600);
      const requests = requestsOf(random, 300);
      const result = attack(data, cellKeyMethod, requests, true);
      expect(result.numbers).toBeGreaterThan(1000);
      expect(result.recovered).toEqual([]);
      // Asking again gives the same numbers (a cell's noise is fixed by its dossiers, not drawn per request).
      const again = requests.slice(0, 50).map((request) => answer(data, request, cellKeyMethod));
      expect(requests.slice(0, 50).map((request) => answer(data, request, cellKeyMethod))).toEqual(again);
    },
    60_000,
  );

  it('keeps totals readable: a perturbed total is within a few units of its published cells', () => {
    const random = prng(7);
    const data = drawDossiers(random, 5000);
    const published = answer(data, { rows: 'category', columns: 'province', filters: {} }, cellKeyMethod);
    const truth = (cells: number[]) => cells.reduce((s, c) => s + data.counts[c]!, 0);
    for (const { cells, value } of published) {
      if (value !== null && value !== 0)
        expect(Math.abs(value - truth(cells))).toBeLessThanOrEqual(MAX_NOISE);
    }
    const grand = published.find((p) => p.cells.length === CELL_COUNT)!;
    expect(Math.abs(grand.value! - 5000) / 5000).toBeLessThan(0.01);
  });
});
