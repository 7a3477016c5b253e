import type { Db } from '../db/client.ts';
import { type AggregateRow, aggregate } from './aggregate.ts';
import { type DimensionId, MEASURES, type MeasureId, TOTAL } from './dimensions.ts';
import { BASIS } from './open-data.ts';
import type { PivotQuery } from './stats-query.ts';
import { SUPPRESSION_THRESHOLD, type SuppressionMask, suppressLine, suppressTable } from './suppression.ts';

/**
 * Any measure as a two-way table: one dimension down, one across (or none), with row, column and
 * grand totals computed by the database in the same scan (a median's total is the median of all,
 * not a sum). Open data hides small counts with their secondary cells.
 */
export interface PivotTable {
  rowDimension: DimensionId;
  columnDimension: DimensionId | null;
  measure: MeasureId;
  rowKeys: string[];
  columnKeys: string[];
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  /** Open data: which numbers are hidden (their value is null). */
  suppressed?: SuppressionMask;
}

interface Grid {
  rowKeys: string[];
  columnKeys: string[];
  value: (row: string, column: string, measure: MeasureId) => number | null;
}

function toGrid(rows: AggregateRow[], rowDim: DimensionId, columnDim: DimensionId | null): Grid {
  const column = (r: AggregateRow) => (columnDim ? (r.key[columnDim] as string) : TOTAL);
  const at = new Map(rows.map((r) => [`${r.key[rowDim]}\u0000${column(r)}`, r]));
  return {
    rowKeys: [...new Set(rows.map((r) => r.key[rowDim] as string))].filter((k) => k !== TOTAL),
    columnKeys: columnDim ? [...new Set(rows.map(column))].filter((k) => k !== TOTAL) : [],
    value(row, col, measure) {
      const found = at.get(`${row}\u0000${col}`);
      if (!found) return MEASURES[measure].isAdditive ? 0 : null;
      return found.values[measure] ?? null;
    },
  };
}

function maskOf(grid: Grid, measure: MeasureId, hasColumns: boolean): SuppressionMask {
  const count = (r: string, c: string) => Number(grid.value(r, c, measure) ?? 0);
  if (!hasColumns) {
    const line = suppressLine(
      grid.rowKeys.map((r) => count(r, TOTAL)),
      count(TOTAL, TOTAL),
      SUPPRESSION_THRESHOLD,
    );
    return {
      cells: line.values.map(() => []),
      rowTotals: line.values,
      columnTotals: [],
      grandTotal: line.total,
    };
  }
  return suppressTable({
    cells: grid.rowKeys.map((r) => grid.columnKeys.map((c) => count(r, c))),
    rowTotals: grid.rowKeys.map((r) => count(r, TOTAL)),
    columnTotals: grid.columnKeys.map((c) => count(TOTAL, c)),
    grandTotal: count(TOTAL, TOTAL),
  });
}

function orMasks(
  masks: SuppressionMask[],
  grid: Grid,
  isWeak: (r: string, c: string) => boolean,
): SuppressionMask {
  const any = (pick: (m: SuppressionMask) => boolean | undefined) => masks.some((m) => pick(m) === true);
  return {
    cells: grid.rowKeys.map((r, i) =>
      grid.columnKeys.map((c, j) => any((m) => m.cells[i]?.[j]) || isWeak(r, c)),
    ),
    rowTotals: grid.rowKeys.map((r, i) => any((m) => m.rowTotals[i]) || isWeak(r, TOTAL)),
    columnTotals: grid.columnKeys.map((c, j) => any((m) => m.columnTotals[j]) || isWeak(TOTAL, c)),
    grandTotal: any((m) => m.grandTotal) || isWeak(TOTAL, TOTAL),
  };
}

export async function runPivot(
  db: Db,
  query: PivotQuery,
  options: { isOpenData: boolean },
): Promise<PivotTable> {
  const dimensions = query.columns ? [query.rows, query.columns] : [query.rows];
  const basis = options.isOpenData ? [...(BASIS[query.measure] ?? [])] : [];
  const measures = [...new Set([query.measure, ...basis])];
  const rows = await aggregate(db, {
    measures,
    dimensions,
    filters: query.filters,
    groupingSets: query.columns ? [[0, 1], [0], [1], []] : [[0], []],
  });
  const grid = toGrid(rows, query.rows, query.columns);
  const hasColumns = query.columns !== null;
  const columnKeysOrTotal = hasColumns ? grid.columnKeys : [];
  let mask: SuppressionMask | undefined;
  if (options.isOpenData) {
    const counted = MEASURES[query.measure].isAdditive ? [query.measure] : basis;
    const isWeak = (r: string, c: string) =>
      !MEASURES[query.measure].isAdditive &&
      basis.some((b) => Number(grid.value(r, c, b) ?? 0) < SUPPRESSION_THRESHOLD);
    mask = orMasks(
      counted.map((m) => maskOf(grid, m, hasColumns)),
      grid,
      isWeak,
    );
  }
  const shown = (value: number | null, isHidden: boolean | undefined) => (isHidden ? null : value);
  return {
    rowDimension: query.rows,
    columnDimension: query.columns,
    measure: query.measure,
    rowKeys: grid.rowKeys,
    columnKeys: columnKeysOrTotal,
    cells: grid.rowKeys.map((r, i) =>
      columnKeysOrTotal.map((c, j) => shown(grid.value(r, c, query.measure), mask?.cells[i]?.[j])),
    ),
    rowTotals: grid.rowKeys.map((r, i) => shown(grid.value(r, TOTAL, query.measure), mask?.rowTotals[i])),
    columnTotals: columnKeysOrTotal.map((c, j) =>
      shown(grid.value(TOTAL, c, query.measure), mask?.columnTotals[j]),
    ),
    grandTotal: shown(grid.value(TOTAL, TOTAL, query.measure), mask?.grandTotal),
    ...(mask ? { suppressed: mask } : {}),
  };
}
