import type { Lang } from '../../i18n/languages.ts';
import { DIMENSIONS, type DimensionId, TOTAL } from '../dimensions.ts';
import type { PivotTable } from '../pivot.ts';
import type { Report } from '../reports/run-report.ts';
import { DIMENSION_LABELS, MEASURE_LABELS } from '../stats-texts.ts';
import { valueLabel } from './value-labels.ts';

/**
 * A table as a header and lines of plain values, produced one line at a time so the CSV and XLSX
 * writers stream it out without building the file in memory. Codes are written as words in the
 * reader's language (a province's name, "Totaal"), years as numbers. A hidden (suppressed) number
 * is written as "x", the usual sign for a confidential figure; an empty cell means "not applicable".
 */
export type Value = string | number | null;

export const HIDDEN = 'x';

export interface TableLines {
  header: string[];
  lines: Iterable<Value[]>;
}

export function reportLines(report: Report, lang: Lang): TableLines {
  const measures = report.columns.filter((c) => c.kind === 'measure').map((c) => c.id);
  return {
    header: report.columns.map((c) => c.label[lang]),
    lines: (function* () {
      for (const row of report.rows) {
        yield [
          ...report.dimensions.map((d) => valueLabel(d, row.key[d] ?? TOTAL, lang)),
          ...measures.map((m) => (row.suppressed?.includes(m) ? HIDDEN : (row.values[m] ?? null))),
        ];
      }
      yield [
        ...report.dimensions.map((d) => valueLabel(d, TOTAL, lang)),
        ...measures.map((m) => (report.suppressedTotals?.includes(m) ? HIDDEN : (report.totals[m] ?? null))),
      ];
    })(),
  };
}

/**
 * The positions of a pivot's keys in the order a reader expects: a closed list's own order (the law's
 * for categories, youngest age band first), others by code (years ascending).
 */
function orderOf(dimension: DimensionId, keys: readonly string[]): number[] {
  const order: readonly string[] = DIMENSIONS[dimension].values ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return keys
    .map((_, i) => i)
    .sort(
      (a, b) =>
        rank(keys[a] as string) - rank(keys[b] as string) ||
        (keys[a] as string).localeCompare(keys[b] as string, 'en', { numeric: true }),
    );
}

export function pivotLines(pivot: PivotTable, lang: Lang): TableLines {
  const corner = `${DIMENSION_LABELS[pivot.rowDimension][lang]} \\ ${
    pivot.columnDimension
      ? DIMENSION_LABELS[pivot.columnDimension][lang]
      : MEASURE_LABELS[pivot.measure][lang]
  }`;
  const mark = (value: number | null, isHidden: boolean | undefined): Value => (isHidden ? HIDDEN : value);
  const mask = pivot.suppressed;
  const total = String(valueLabel(pivot.rowDimension, TOTAL, lang));
  const columnDimension = pivot.columnDimension;
  const columns = columnDimension ? orderOf(columnDimension, pivot.columnKeys) : [];
  return {
    header: [
      corner,
      ...columns.map((j) => String(valueLabel(columnDimension!, pivot.columnKeys[j] as string, lang))),
      total,
    ],
    lines: (function* () {
      for (const i of orderOf(pivot.rowDimension, pivot.rowKeys)) {
        yield [
          valueLabel(pivot.rowDimension, pivot.rowKeys[i] as string, lang),
          ...columns.map((j) => mark(pivot.cells[i]?.[j] ?? null, mask?.cells[i]?.[j])),
          mark(pivot.rowTotals[i] ?? null, mask?.rowTotals[i]),
        ];
      }
      yield [
        total,
        ...columns.map((j) => mark(pivot.columnTotals[j] ?? null, mask?.columnTotals[j])),
        mark(pivot.grandTotal, mask?.grandTotal),
      ];
    })(),
  };
}
