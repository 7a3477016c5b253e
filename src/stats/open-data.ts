import { type DimensionId, MEASURES, type MeasureId, TOTAL } from './dimensions.ts';
import type { ReportDefinition } from './reports/report-definition.ts';
import type { Report, ReportRow } from './reports/run-report.ts';
import { SUPPRESSION_THRESHOLD, suppressLine, suppressTable } from './suppression.ts';

/**
 * Open data: the same reports with small counts hidden (src/stats/suppression.ts). Counts are
 * protected table by table — each layer (year) of each measure is a table with its margins. A
 * median, percentile or share is shown only where the counts it is computed from are shown and
 * number at least 5 (its basis below), so it never stands for one or two people.
 */
export const BASIS: Partial<Record<MeasureId, readonly MeasureId[]>> = {
  highlySkilledShare: ['granted', 'highlySkilledGranted'],
  regionalLeadMedianDays: ['decided'],
  regionalLeadP90Days: ['decided'],
  withinDeadlineShare: ['decided'],
  federalLeadMedianDays: ['granted'],
  federalLeadP90Days: ['granted'],
};

/** The extra counts open data must compute to judge a report's medians and shares. */
export function basisMeasures(measures: readonly MeasureId[]): MeasureId[] {
  return [...new Set(measures.flatMap((m) => BASIS[m] ?? []))].filter((m) => !measures.includes(m));
}

function hide(row: ReportRow, measure: string): void {
  row.values[measure] = null;
  row.suppressed = [...new Set([...(row.suppressed ?? []), measure])];
}

function protectLayer(
  rows: ReportRow[],
  measure: MeasureId,
  rowDim: DimensionId,
  columnDim: DimensionId | null,
) {
  const countOf = (row: ReportRow) => Number(row.values[measure] ?? 0);
  const isTotal = (row: ReportRow, d: DimensionId) => row.key[d] === TOTAL;
  const grand = rows.find((r) => isTotal(r, rowDim) && (!columnDim || isTotal(r, columnDim)));
  if (!columnDim) {
    const cells = rows.filter((r) => !isTotal(r, rowDim));
    const mask = suppressLine(cells.map(countOf), grand ? countOf(grand) : 0, SUPPRESSION_THRESHOLD);
    cells.forEach((row, i) => {
      if (mask.values[i]) hide(row, measure);
    });
    if (grand && mask.total) hide(grand, measure);
    return grand ? grand.values[measure] === null : false;
  }
  const rowKeys = [...new Set(rows.filter((r) => !isTotal(r, rowDim)).map((r) => r.key[rowDim] as string))];
  const columnKeys = [
    ...new Set(rows.filter((r) => !isTotal(r, columnDim)).map((r) => r.key[columnDim] as string)),
  ];
  const at = new Map(rows.map((r) => [`${r.key[rowDim]}\u0000${r.key[columnDim]}`, r]));
  const find = (row: string, column: string) => at.get(`${row}\u0000${column}`);
  const mask = suppressTable({
    cells: rowKeys.map((r) => columnKeys.map((c) => countOf(find(r, c) ?? emptyRow()))),
    rowTotals: rowKeys.map((r) => countOf(find(r, TOTAL) ?? emptyRow())),
    columnTotals: columnKeys.map((c) => countOf(find(TOTAL, c) ?? emptyRow())),
    grandTotal: grand ? countOf(grand) : 0,
  });
  rowKeys.forEach((r, i) => {
    columnKeys.forEach((c, j) => {
      const cell = find(r, c);
      if (cell && mask.cells[i]?.[j]) hide(cell, measure);
    });
    const total = find(r, TOTAL);
    if (total && mask.rowTotals[i]) hide(total, measure);
  });
  columnKeys.forEach((c, j) => {
    const total = find(TOTAL, c);
    if (total && mask.columnTotals[j]) hide(total, measure);
  });
  if (grand && mask.grandTotal) hide(grand, measure);
  return mask.grandTotal;
}

function emptyRow(): ReportRow {
  return { key: {}, values: {} };
}

/** The report as open data: small counts and what would give them away hidden, helper counts dropped. */
export function suppressReport(
  report: Report,
  definition: ReportDefinition,
  shown: readonly MeasureId[],
): Report {
  const rows: ReportRow[] = report.rows.map((row) => ({ key: { ...row.key }, values: { ...row.values } }));
  const totals: Record<string, number | null> = { ...report.totals };
  const hiddenTotals = new Set<string>();
  const hideTotal = (measure: string) => {
    totals[measure] = null;
    hiddenTotals.add(measure);
  };
  const [layerDim, rowDim, columnDim] = definition.layer
    ? [report.dimensions[0] ?? null, report.dimensions[1]!, report.dimensions[2] ?? null]
    : [null, report.dimensions[0]!, report.dimensions[1] ?? null];
  const layers = layerDim
    ? [...new Set(rows.filter((r) => r.key[layerDim] !== TOTAL).map((r) => r.key[layerDim] as string))]
    : [null];
  const counted = [...new Set([...shown, ...basisMeasures(shown)])].filter((m) => MEASURES[m].isAdditive);
  for (const measure of counted) {
    for (const layer of layers) {
      // Without layers the overall total is the table's grand total: protect it with the table.
      const inLayer = layerDim
        ? rows.filter((r) => r.key[layerDim] === layer)
        : [...rows, { key: Object.fromEntries(report.dimensions.map((d) => [d, TOTAL])), values: totals }];
      const isGrandHidden = protectLayer(inLayer, measure, rowDim, columnDim);
      // With one layer's total hidden, the overall total would give it back: hide it too.
      if (isGrandHidden) hideTotal(measure);
    }
  }
  for (const measure of shown.filter((m) => !MEASURES[m].isAdditive)) {
    for (const row of rows) {
      const basis = BASIS[measure] ?? [];
      const isWeak = basis.some(
        (b) => row.values[b] === null || Number(row.values[b]) < SUPPRESSION_THRESHOLD,
      );
      if (isWeak) hide(row, measure);
    }
    const basis = BASIS[measure] ?? [];
    if (basis.some((b) => totals[b] === null || Number(totals[b]) < SUPPRESSION_THRESHOLD))
      hideTotal(measure);
  }
  const helpers = new Set(report.columns.map((c) => c.id).filter((id) => !(shown as string[]).includes(id)));
  for (const row of rows) {
    for (const helper of helpers) {
      if (!report.dimensions.includes(helper as DimensionId)) delete row.values[helper];
    }
    if (row.suppressed) row.suppressed = row.suppressed.filter((m) => (shown as string[]).includes(m));
    if (row.suppressed?.length === 0) delete row.suppressed;
  }
  for (const helper of helpers) delete totals[helper];
  return {
    ...report,
    columns: report.columns.filter((c) => c.kind === 'dimension' || (shown as string[]).includes(c.id)),
    rows,
    totals,
    suppressedTotals: [...hiddenTotals].filter((m) => (shown as string[]).includes(m)),
  };
}
