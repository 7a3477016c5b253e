import type { Db } from '../../db/client.ts';
import {
  type AggregateOptions,
  type AggregateRequest,
  type AggregateRow,
  aggregate,
  type StatsFilters,
} from '../aggregate.ts';
import { type DimensionId, type MeasureId, TOTAL } from '../dimensions.ts';
import { DIMENSION_LABELS, MEASURE_LABELS, type Texts } from '../stats-texts.ts';
import type { ReportDefinition } from './report-definition.ts';

export interface ReportColumn {
  id: string;
  kind: 'dimension' | 'measure';
  label: Texts;
}

/** A cell of the report: dimension values (TOTAL in margins) and measure values (null when hidden). */
export interface ReportRow {
  key: Record<string, string>;
  values: Record<string, number | null>;
  /** Open data only: the measures hidden in this row. */
  suppressed?: string[];
}

export interface Report {
  id: string;
  title: Texts;
  question: string;
  description: Texts;
  /** Sources and definitions, where the report states them. */
  definitions?: Texts;
  dimensions: DimensionId[];
  columns: ReportColumn[];
  /** Every cell, then the margins of each layer (rows where a dimension is TOTAL). */
  rows: ReportRow[];
  /** Over everything selected (null for a median or share without any dossier). */
  totals: Record<string, number | null>;
  /** Open data only: the measures whose overall total is hidden. */
  suppressedTotals?: string[];
  filters: StatsFilters;
}

export interface ReportOptions {
  filters: StatsFilters;
  /** The column dimension where the report offers a choice (q4). */
  by?: DimensionId;
  /** Measures computed besides the report's own (open data needs the counts behind a median). */
  extraMeasures?: readonly MeasureId[];
  /** Where the figures are read (default: the rollups where they can answer). */
  source?: AggregateOptions['source'];
  /** Read each count's cell key too (open data perturbs with it). */
  withCellKeys?: boolean;
}

export function reportDimensions(definition: ReportDefinition, by?: DimensionId): DimensionId[] {
  const columns = by && definition.columnChoices?.includes(by) ? by : definition.columns;
  return [definition.layer, definition.rows, columns].filter((d): d is DimensionId => d !== null);
}

/**
 * Cells, each layer's row and column totals and grand total, and the overall total: the margins
 * every table needs, and what secondary suppression reasons about.
 */
export function reportGroupingSets(definition: ReportDefinition, dimensionCount: number): number[][] {
  const offset = definition.layer ? 1 : 0;
  const layer = definition.layer ? [0] : [];
  const inner = dimensionCount - offset;
  const sets =
    inner === 2
      ? [[...layer, offset, offset + 1], [...layer, offset], [...layer, offset + 1], layer]
      : [[...layer, offset], layer];
  if (definition.layer) sets.push([]);
  return sets;
}

export async function runReport(
  db: Db,
  definition: ReportDefinition,
  options: ReportOptions,
): Promise<Report> {
  const dimensions = reportDimensions(definition, options.by);
  const measures = [...new Set([...definition.measures, ...(options.extraMeasures ?? [])])];
  const request: AggregateRequest = {
    measures,
    dimensions,
    filters: { ...options.filters, only: { ...options.filters.only, ...definition.only } },
    groupingSets: reportGroupingSets(definition, dimensions.length),
  };
  const rows: AggregateRow[] = await aggregate(db, request, {
    source: options.source ?? 'auto',
    withCellKeys: options.withCellKeys ?? false,
  });
  const isGrandTotal = (row: AggregateRow) => dimensions.every((d) => row.key[d] === TOTAL);
  const total = rows.find(isGrandTotal);
  return {
    id: definition.id,
    title: definition.title,
    question: definition.question,
    description: definition.description,
    ...(definition.definitions ? { definitions: definition.definitions } : {}),
    dimensions,
    columns: [
      ...dimensions.map((id) => ({ id, kind: 'dimension' as const, label: DIMENSION_LABELS[id] })),
      ...measures.map((id) => ({ id, kind: 'measure' as const, label: MEASURE_LABELS[id] })),
    ],
    rows: rows.filter((row) => !isGrandTotal(row)),
    totals: total ? total.values : Object.fromEntries(measures.map((m) => [m, 0])),
    filters: options.filters,
  };
}
