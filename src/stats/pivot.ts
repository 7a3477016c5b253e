import type { Db } from '../db/client.ts';
import { type AggregateRow, aggregate } from './aggregate.ts';
import { type DimensionId, MEASURES, type MeasureId, TOTAL } from './dimensions.ts';
import { BASIS, publishCell } from './open-data.ts';
import type { PivotQuery } from './stats-query.ts';

/** Open data: which numbers are hidden (their value is null). */
export interface SuppressionMask {
  cells: boolean[][];
  rowTotals: boolean[];
  columnTotals: boolean[];
  grandTotal: boolean;
}

/**
 * Any measure as a two-way table: one dimension down, one across (or none), with row, column and
 * grand totals computed by the database in the same scan (a median's total is the median of all,
 * not a sum). Open data perturbs every count with its cell key and hides what comes out under 5.
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
  /** A cell's values (true counts, medians, cell keys); empty where no dossier is. */
  values: (row: string, column: string) => Readonly<Record<string, number | null>>;
}

function toGrid(rows: AggregateRow[], rowDim: DimensionId, columnDim: DimensionId | null): Grid {
  const column = (r: AggregateRow) => (columnDim ? (r.key[columnDim] as string) : TOTAL);
  const at = new Map(rows.map((r) => [`${r.key[rowDim]}\u0000${column(r)}`, r]));
  return {
    rowKeys: [...new Set(rows.map((r) => r.key[rowDim] as string))].filter((k) => k !== TOTAL),
    columnKeys: columnDim ? [...new Set(rows.map(column))].filter((k) => k !== TOTAL) : [],
    values: (row, col) => at.get(`${row}\u0000${col}`)?.values ?? {},
  };
}

export async function runPivot(
  db: Db,
  query: PivotQuery,
  options: { isOpenData: boolean },
): Promise<PivotTable> {
  const dimensions = query.columns ? [query.rows, query.columns] : [query.rows];
  const basis = options.isOpenData ? [...(BASIS[query.measure] ?? [])] : [];
  const rows = await aggregate(
    db,
    {
      measures: [...new Set([query.measure, ...basis])],
      dimensions,
      filters: query.filters,
      groupingSets: query.columns ? [[0, 1], [0], [1], []] : [[0], []],
    },
    { withCellKeys: options.isOpenData },
  );
  const grid = toGrid(rows, query.rows, query.columns);
  const columnKeys = query.columns ? grid.columnKeys : [];
  const { measure } = query;
  const isAdditive = MEASURES[measure].isAdditive;
  // Open data: each cell and each total published on its own (src/stats/open-data.ts).
  const cellAt = (row: string, column: string): { value: number | null; isHidden: boolean } => {
    const values = grid.values(row, column);
    const value = values[measure] ?? (isAdditive ? 0 : null);
    if (!options.isOpenData) return { value, isHidden: false };
    const published = publishCell(values, [measure])[measure] ?? null;
    return { value: published, isHidden: published === null && value !== null };
  };
  const cells = grid.rowKeys.map((r) => columnKeys.map((c) => cellAt(r, c)));
  const rowTotals = grid.rowKeys.map((r) => cellAt(r, TOTAL));
  const columnTotals = columnKeys.map((c) => cellAt(TOTAL, c));
  const grandTotal = cellAt(TOTAL, TOTAL);
  const suppressed: SuppressionMask = {
    cells: cells.map((line) => line.map((cell) => cell.isHidden)),
    rowTotals: rowTotals.map((cell) => cell.isHidden),
    columnTotals: columnTotals.map((cell) => cell.isHidden),
    grandTotal: grandTotal.isHidden,
  };
  return {
    rowDimension: query.rows,
    columnDimension: query.columns,
    measure,
    rowKeys: grid.rowKeys,
    columnKeys,
    cells: cells.map((line) => line.map((cell) => cell.value)),
    rowTotals: rowTotals.map((cell) => cell.value),
    columnTotals: columnTotals.map((cell) => cell.value),
    grandTotal: grandTotal.value,
    ...(options.isOpenData ? { suppressed } : {}),
  };
}
