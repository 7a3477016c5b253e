import { keyColumn, PUBLISHED_MINIMUM, perturbCount } from './cell-key.ts';
import { type DimensionId, MEASURES, type MeasureId } from './dimensions.ts';
import type { Report, ReportRow } from './reports/run-report.ts';

/**
 * Open data: the same figures, protected by the cell-key method (src/stats/cell-key.ts, decision
 * 016). Every count is perturbed on its own, with the noise its cell key gives, so whatever
 * combination of reports and pivots one asks for, the same set of dossiers has the same published
 * value and no difference or sum closes on a true count. A median, percentile or share is shown
 * only where the published count behind it (its basis below) is at least MINIMUM_BASIS, and
 * coarsened so that it does not give the exact count back through its arithmetic (a median of
 * 12.5 days says the number of dossiers is even): lead times in whole days, shares in whole
 * per cent; the highly-skilled share is computed from the published counts themselves.
 */
export const BASIS: Partial<Record<MeasureId, readonly MeasureId[]>> = {
  highlySkilledShare: ['granted', 'highlySkilledGranted'],
  regionalLeadMedianDays: ['decided'],
  regionalLeadP90Days: ['decided'],
  withinDeadlineShare: ['decided'],
  federalLeadMedianDays: ['granted'],
  federalLeadP90Days: ['granted'],
  highlyQualifiedShare: ['qualificationKnownGranted', 'highlyQualifiedGranted'],
  admissibilityLeadMedianDays: ['decided'],
  admissibilityLeadP90Days: ['decided'],
  totalLeadMedianDays: ['granted'],
  totalLeadP90Days: ['granted'],
  handoverMedianDays: ['handedOver'],
  handoverP90Days: ['handedOver'],
};

/** A median or share stands on at least this many (published) dossiers. */
export const MINIMUM_BASIS = 4 * PUBLISHED_MINIMUM;

/** The extra counts open data must compute to judge a report's medians and shares. */
export function basisMeasures(measures: readonly MeasureId[]): MeasureId[] {
  return [...new Set(measures.flatMap((m) => BASIS[m] ?? []))].filter((m) => !measures.includes(m));
}

/**
 * The published values of one cell (a report row, a pivot cell or a total), from its true values
 * and key sums: every count perturbed, medians and shares coarsened or hidden. null = hidden.
 */
export function publishCell(
  values: Readonly<Record<string, number | null>>,
  measures: readonly MeasureId[],
): Record<string, number | null> {
  const counts = new Map<MeasureId, number | null>();
  const countOf = (measure: MeasureId) => {
    if (!counts.has(measure)) {
      counts.set(
        measure,
        perturbCount(Number(values[measure] ?? 0), Number(values[keyColumn(measure)] ?? 0)),
      );
    }
    return counts.get(measure) ?? null;
  };
  const published: Record<string, number | null> = {};
  for (const measure of measures) {
    if (MEASURES[measure].isAdditive) {
      published[measure] = countOf(measure);
      continue;
    }
    const basis = BASIS[measure] ?? [];
    const isWeak = basis.length === 0 || Number(countOf(basis[0] as MeasureId) ?? 0) < MINIMUM_BASIS;
    const value = values[measure];
    if (isWeak || value === null || value === undefined) {
      published[measure] = null;
    } else if (measure === 'highlySkilledShare') {
      const part = countOf('highlySkilledGranted');
      published[measure] = part === null ? null : Math.round((100 * part) / Number(countOf('granted'))) / 100;
    } else if (measure === 'highlyQualifiedShare') {
      const part = countOf('highlyQualifiedGranted');
      published[measure] =
        part === null ? null : Math.round((100 * part) / Number(countOf('qualificationKnownGranted'))) / 100;
    } else if (measure === 'withinDeadlineShare') {
      published[measure] = Math.round(100 * value) / 100;
    } else {
      published[measure] = Math.round(value);
    }
  }
  return published;
}

function publishRow(row: ReportRow, shown: readonly MeasureId[]): ReportRow {
  const values = publishCell(row.values, shown);
  const hidden = shown.filter((m) => values[m] === null && !isEmptyMedian(row.values, m));
  return { key: { ...row.key }, values, ...(hidden.length > 0 ? { suppressed: hidden } : {}) };
}

/** A median or share of no dossier at all is "no value" (as for analysts), not a hidden one. */
function isEmptyMedian(values: Readonly<Record<string, number | null>>, measure: MeasureId): boolean {
  return !MEASURES[measure].isAdditive && (values[measure] === null || values[measure] === undefined);
}

/** The report as open data: every count perturbed, helper counts and cell keys dropped. */
export function publishReport(report: Report, shown: readonly MeasureId[]): Report {
  const totals = publishCell(report.totals, shown);
  const suppressedTotals = shown.filter((m) => totals[m] === null && !isEmptyMedian(report.totals, m));
  const keep = new Set<string>([...report.dimensions, ...shown]);
  return {
    ...report,
    columns: report.columns.filter((c) => keep.has(c.id as DimensionId)),
    rows: report.rows.map((row) => publishRow(row, shown)),
    totals,
    suppressedTotals,
  };
}
