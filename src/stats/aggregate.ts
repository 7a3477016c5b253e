import { CompiledQuery } from 'kysely';
import type { Db } from '../db/client.ts';
import { keyColumn } from './cell-key.ts';
import {
  type Branch,
  DIMENSIONS,
  type DimensionId,
  KEY_SUMS,
  MEASURES,
  type MeasureId,
  TOTAL,
  yearColumn,
} from './dimensions.ts';
import { foldPendingStatistics } from './fold-statistics.ts';
import { factSource } from './inspection-facts.ts';
import { planRollupQuery, runRollupQuery } from './rollups.ts';

/**
 * The one query builder behind every figure: counts and lead times grouped by up to three
 * dimensions, with the margins a table needs (GROUPING SETS, so a table and its totals come from
 * the same rows and always add up). Read from the rollups where they hold the request (every
 * ready-made report: src/stats/rollups.ts), else from `dossier_statistics`, one row per dossier.
 * Dimensions and measures come from the tables in dimensions.ts only — never from the caller's
 * text — and filter values are bound.
 */

export interface StatsFilters {
  /** Inclusive; the year of submission or of decision depending on the measure. */
  years: readonly [number, number];
  categories?: readonly string[];
  provinces?: readonly string[];
  /** Further restrictions on any dimension (reports use it, e.g. nurses and care workers only). */
  only?: Partial<Record<DimensionId, readonly string[]>>;
}

export interface AggregateRequest {
  measures: readonly MeasureId[];
  dimensions: readonly DimensionId[];
  filters: StatsFilters;
  /**
   * Which groupings to compute, as indexes into `dimensions`: `[[0, 1], [0], [1], []]` gives a
   * table with its row, column and grand totals. Default: the full grouping and the grand total.
   */
  groupingSets?: readonly (readonly number[])[];
}

/** One cell: the value of each dimension (TOTAL where it is summed over) and each measure. */
export interface AggregateRow {
  key: Record<string, string>;
  values: Record<string, number | null>;
}

export interface BranchQuery {
  branch: Branch;
  measures: MeasureId[];
  /** Counts whose cell keys are read too (`<measure>:key`, open data only). */
  keys: MeasureId[];
}

export function splitByBranch(measures: readonly MeasureId[], withCellKeys = false): BranchQuery[] {
  const branches: BranchQuery[] = [];
  for (const branch of [
    'cohort',
    'decision',
    'appeal',
    'inspection',
    'inspectedWorker',
    'recognition',
  ] as const) {
    const own = measures.filter((m) => MEASURES[m].branch === branch);
    const keys = withCellKeys ? own.filter((m) => KEY_SUMS[m] !== undefined) : [];
    if (own.length > 0) branches.push({ branch, measures: own, keys });
  }
  return branches;
}

function dimensionSql(dimension: DimensionId, branch: Branch): string {
  return dimension === 'year' ? yearColumn(branch) : DIMENSIONS[dimension].column;
}

export function defaultGroupingSets(count: number): number[][] {
  return [[...Array(count).keys()], []];
}

/** The SQL text and its bound values for one branch (exported for the benchmark's DuckDB twin). */
export function buildBranchSql(
  request: AggregateRequest,
  query: BranchQuery,
): { text: string; values: unknown[] } {
  const { dimensions, filters } = request;
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const dims = dimensions.map((d) => dimensionSql(d, query.branch));
  const isByReason = dimensions.includes('refusalReason');
  const where = [
    `${yearColumn(query.branch)} BETWEEN ${bind(filters.years[0])} AND ${bind(filters.years[1])}`,
  ];
  if (query.branch !== 'cohort') where.push(`${yearColumn(query.branch)} IS NOT NULL`);
  if (isByReason) where.push("f.outcome = 'REFUSED'");
  if (filters.categories?.length) where.push(`f.category = ANY(${bind(filters.categories)}::text[])`);
  if (filters.provinces?.length) where.push(`f.province = ANY(${bind(filters.provinces)}::text[])`);
  for (const [dimension, allowed] of Object.entries(filters.only ?? {}) as [DimensionId, string[]][]) {
    where.push(`(${dimensionSql(dimension, query.branch)})::text = ANY(${bind(allowed)}::text[])`);
  }
  const sets = request.groupingSets ?? defaultGroupingSets(dimensions.length);
  const select = [
    ...dims.map((column, i) => `(${column})::text AS d${i}`),
    dims.length > 0 ? `GROUPING(${dims.map((c) => `(${c})`).join(', ')}) AS g` : '0 AS g',
    ...query.measures.map((m) => `${MEASURES[m].sql} AS "${m}"`),
    ...query.keys.map((m) => `${KEY_SUMS[m]} AS "${keyColumn(m)}"`),
  ];
  const groupBy =
    dims.length > 0
      ? ` GROUP BY GROUPING SETS (${sets
          .map((set) => `(${set.map((i) => `(${dims[i]})`).join(', ')})`)
          .join(', ')})`
      : '';
  const from = factSource(query.branch, isByReason);
  return { text: `SELECT ${select.join(', ')} FROM ${from} WHERE ${where.join(' AND ')}${groupBy}`, values };
}

function roundMeasure(measure: MeasureId, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  const decimals = (MEASURES[measure] as { decimals?: number }).decimals;
  if (decimals === undefined) return number;
  const factor = 10 ** decimals;
  return Math.round(number * factor) / factor;
}

function emptyValue(measure: MeasureId): number | null {
  return MEASURES[measure].isAdditive ? 0 : null;
}

export interface AggregateOptions {
  /** `facts`: scan `dossier_statistics` even where the rollups could answer (tests, benchmark). */
  source?: 'auto' | 'facts';
  /** Also read each count's cell key (the sum of its records' keys) for the cell-key method. */
  withCellKeys?: boolean;
}

/**
 * Runs the request: one query per branch (in parallel, on two connections), merged cell by cell.
 * Pending dossier changes are folded first, so a dossier decided now counts in this very answer.
 */
export async function aggregate(
  db: Db,
  request: AggregateRequest,
  options: AggregateOptions = {},
): Promise<AggregateRow[]> {
  await foldPendingStatistics(db);
  const results = await Promise.all(
    splitByBranch(request.measures, options.withCellKeys).map(async (query) => {
      const plan = options.source === 'facts' ? null : planRollupQuery(request, query);
      if (plan) return { query, rows: await runRollupQuery(db, plan) };
      const { text, values } = buildBranchSql(request, query);
      const { rows } = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values));
      return { query, rows };
    }),
  );
  return mergeBranches(request.dimensions, request.measures, results);
}

export function mergeBranches(
  dimensions: readonly DimensionId[],
  measures: readonly MeasureId[],
  results: ReadonlyArray<{ query: BranchQuery; rows: Record<string, unknown>[] }>,
): AggregateRow[] {
  const cells = new Map<string, AggregateRow>();
  for (const { query, rows } of results) {
    for (const row of rows) {
      const grouping = Number(row.g ?? 0);
      const key: Record<string, string> = {};
      dimensions.forEach((dimension, i) => {
        // GROUPING(a, b, c): the bit of a dimension summed over is set, the first one highest.
        const isSummed = (grouping >> (dimensions.length - 1 - i)) & 1;
        key[dimension] = isSummed ? TOTAL : String(row[`d${i}`]);
      });
      const id = dimensions.map((d) => key[d]).join('\u0000');
      let cell = cells.get(id);
      if (!cell) {
        cell = { key, values: Object.fromEntries(measures.map((m) => [m, emptyValue(m)])) };
        cells.set(id, cell);
      }
      for (const measure of query.measures) cell.values[measure] = roundMeasure(measure, row[measure]);
      for (const measure of query.keys)
        cell.values[keyColumn(measure)] = Number(row[keyColumn(measure)] ?? 0);
    }
  }
  return sortRows(dimensions, [...cells.values()]);
}

function rank(dimension: DimensionId, value: string): number {
  if (value === TOTAL) return Number.MAX_SAFE_INTEGER;
  if (dimension === 'year') return Number(value);
  return DIMENSIONS[dimension].values?.indexOf(value) ?? -1;
}

/** Years and numbers ascending, closed lists in their own order, open ones alphabetically; TOTAL last. */
export function sortRows(dimensions: readonly DimensionId[], rows: AggregateRow[]): AggregateRow[] {
  return rows.sort((a, b) => {
    for (const dimension of dimensions) {
      const x = a.key[dimension] as string;
      const y = b.key[dimension] as string;
      if (x === y) continue;
      const rx = rank(dimension, x);
      const ry = rank(dimension, y);
      if (rx !== ry) return rx - ry;
      return x < y ? -1 : 1;
    }
    return 0;
  });
}
