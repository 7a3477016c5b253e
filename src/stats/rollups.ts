import { CompiledQuery } from 'kysely';
import type { Db } from '../db/client.ts';
import type { AggregateRequest, BranchQuery } from './aggregate.ts';
import { keyColumn } from './cell-key.ts';
import { type DimensionId, type MeasureId, TOTAL } from './dimensions.ts';
import {
  BREAKDOWNS,
  COHORT_LEAD_TIMES,
  COUNT_MEASURES,
  COUNT_SOURCES,
  KEY_SUMS,
  LEAD_TIMES,
  type Source,
} from './rollup-sources.ts';

/**
 * Answers a request from the rollups of migrations 0005, 0033 and 0037 (`statistics_cohort_counts`,
 * `statistics_decision_counts`, `statistics_profile_counts`, `statistics_appeal_counts`,
 * `statistics_lead_times`, `statistics_cohort_lead_times`; what each holds: rollup-sources.ts)
 * instead of scanning a million fact rows, when they hold what it asks: a report then reads some
 * thousands of rows. The rows come back in the shape of the fact-table query (`d0…`, `g`, one
 * column per measure), so the merge, the margins and every caller stay the same; a request they
 * cannot answer (a dimension such as region, two breakdowns at once other than age band × sex, a
 * lead time by nationality) returns no plan and reads `dossier_statistics`.
 */

type Lead = 'regional' | 'federal' | 'admissibility' | 'total' | 'handover';

/** Percentiles over a histogram: `statistics_lead_times` (decision) or `_cohort_lead_times` (cohort). */
const LEAD_MEASURES: Partial<Record<MeasureId, { lead: Lead; fraction: number }>> = {
  regionalLeadMedianDays: { lead: 'regional', fraction: 0.5 },
  regionalLeadP90Days: { lead: 'regional', fraction: 0.9 },
  federalLeadMedianDays: { lead: 'federal', fraction: 0.5 },
  federalLeadP90Days: { lead: 'federal', fraction: 0.9 },
  admissibilityLeadMedianDays: { lead: 'admissibility', fraction: 0.5 },
  admissibilityLeadP90Days: { lead: 'admissibility', fraction: 0.9 },
  totalLeadMedianDays: { lead: 'total', fraction: 0.5 },
  totalLeadP90Days: { lead: 'total', fraction: 0.9 },
  handoverMedianDays: { lead: 'handover', fraction: 0.5 },
  handoverP90Days: { lead: 'handover', fraction: 0.9 },
};

interface SqlText {
  text: string;
  values: unknown[];
}

export interface RollupPlan {
  counts: SqlText;
  /** Lead-time histograms at the finest grouping of the request; margins are summed in TypeScript. */
  leads: SqlText | null;
  dimensions: readonly DimensionId[];
  groupingSets: readonly (readonly number[])[];
  leadMeasures: MeasureId[];
}

/** Where the rollup has no column for a dimension, or two breakdowns are asked at once: null. */
function columnsFor(
  source: Source,
  request: AggregateRequest,
): { column: (dimension: DimensionId) => string; breakdown: string } | null {
  const used = new Set<DimensionId>([
    ...request.dimensions,
    ...(Object.keys(request.filters.only ?? {}) as DimensionId[]),
  ]);
  const breakdowns = [...used].filter((d) => source.columns[d] === undefined);
  if (breakdowns.length > 1) return null;
  const breakdown = breakdowns[0];
  if (breakdown !== undefined && (!source.hasBreakdowns || BREAKDOWNS[breakdown] === undefined)) return null;
  return {
    column: (dimension) => source.columns[dimension] ?? 'f.value',
    breakdown: breakdown === undefined ? '' : (BREAKDOWNS[breakdown] as string),
  };
}

function whereOf(
  source: Source,
  request: AggregateRequest,
  column: (dimension: DimensionId) => string,
  bind: (value: unknown) => string,
): string[] {
  const { filters } = request;
  const where = [
    `${source.year} BETWEEN ${bind(filters.years[0])} AND ${bind(filters.years[1])}`,
    source.isLive,
  ];
  if (filters.categories?.length) where.push(`f.category = ANY(${bind(filters.categories)}::text[])`);
  if (filters.provinces?.length) where.push(`f.province = ANY(${bind(filters.provinces)}::text[])`);
  for (const [dimension, allowed] of Object.entries(filters.only ?? {}) as [DimensionId, string[]][]) {
    where.push(`(${column(dimension)})::text = ANY(${bind(allowed)}::text[])`);
  }
  return where;
}

function binder(values: unknown[]) {
  return (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
}

/**
 * The rollup queries for one branch of a request, or null when only the fact table can answer:
 * the first source of the branch (rollup-sources.ts) that holds every dimension, filter, count and
 * key sum asked.
 */
export function planRollupQuery(request: AggregateRequest, query: BranchQuery): RollupPlan | null {
  // Inspections and NARIC files are not in the rollups: their own tables answer them.
  for (const source of COUNT_SOURCES[query.branch] ?? []) {
    const plan = planOn(source, request, query);
    if (plan) return plan;
  }
  return null;
}

function planOn(source: Source, request: AggregateRequest, query: BranchQuery): RollupPlan | null {
  const leadMeasures = query.measures.filter((m) => LEAD_MEASURES[m] !== undefined);
  const countMeasures = query.measures.filter((m) => LEAD_MEASURES[m] === undefined);
  const holds = (m: MeasureId) => source.measures.includes(m);
  if (!countMeasures.every(holds)) return null;
  if (!query.keys.every((m) => holds(m) && KEY_SUMS[m] !== undefined)) return null;
  const columns = columnsFor(source, request);
  if (!columns) return null;
  const groupingSets = request.groupingSets ?? [[...request.dimensions.keys()], []];

  const values: unknown[] = [];
  const bind = binder(values);
  const dims = request.dimensions.map(columns.column);
  const where = whereOf(source, request, columns.column, bind);
  if (source.hasBreakdowns) where.push(`f.breakdown = ${bind(columns.breakdown)}`);
  const select = [
    ...dims.map((column, i) => `(${column})::text AS d${i}`),
    dims.length > 0 ? `GROUPING(${dims.map((c) => `(${c})`).join(', ')}) AS g` : '0 AS g',
    ...countMeasures.map((m) => `${COUNT_MEASURES[m]} AS "${m}"`),
    ...query.keys.map((m) => `${KEY_SUMS[m]} AS "${keyColumn(m)}"`),
  ];
  const groupBy =
    dims.length > 0
      ? ` GROUP BY GROUPING SETS (${groupingSets
          .map((set) => `(${set.map((i) => `(${dims[i]})`).join(', ')})`)
          .join(', ')})`
      : '';
  const counts = {
    text: `SELECT ${select.join(', ')} FROM ${source.table} f WHERE ${where.join(' AND ')}${groupBy}`,
    values,
  };

  let leads: SqlText | null = null;
  if (leadMeasures.length > 0) {
    const leadSource = { cohort: COHORT_LEAD_TIMES, decision: LEAD_TIMES }[query.branch as string];
    const leadColumns = leadSource ? columnsFor(leadSource, request) : null;
    if (!leadSource || !leadColumns) return null;
    const leadValues: unknown[] = [];
    const leadBind = binder(leadValues);
    const leadDims = request.dimensions.map(leadColumns.column);
    const leadWhere = whereOf(leadSource, request, leadColumns.column, leadBind);
    leadWhere.push(
      `f.lead = ANY(${leadBind([...new Set(leadMeasures.map((m) => LEAD_MEASURES[m]?.lead))])}::text[])`,
    );
    const keys = [...leadDims.map((column, i) => `(${column})::text AS d${i}`), 'f.lead'];
    const keyNames = [...leadDims.map((_, i) => `d${i}`), 'lead'];
    leads = {
      text: `SELECT ${keyNames.join(', ')}, array_agg(days ORDER BY days) AS days, array_agg(n ORDER BY days) AS counts
        FROM (SELECT ${keys.join(', ')}, f.days, sum(f.dossiers)::int AS n FROM ${leadSource.table} f
              WHERE ${leadWhere.join(' AND ')} GROUP BY ${keyNames.join(', ')}, f.days) h
        GROUP BY ${keyNames.join(', ')}`,
      values: leadValues,
    };
  }
  return { counts, leads, dimensions: request.dimensions, groupingSets, leadMeasures };
}

/**
 * percentile_cont over a histogram (days → dossiers), exactly as PostgreSQL computes it over the
 * values one by one: the values at ranks floor and ceil of fraction × (n − 1), interpolated.
 */
export function percentileOfHistogram(
  histogram: ReadonlyMap<number, number>,
  fraction: number,
): number | null {
  const entries = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [days, n] of entries) {
      seen += n;
      if (rank < seen) return days;
    }
    return entries[entries.length - 1]?.[0] as number;
  };
  const lowValue = valueAt(low);
  return lowValue + (position - low) * (valueAt(high) - lowValue);
}

function cellKey(values: readonly string[]): string {
  return values.join('\u0000');
}

/** Runs a plan; rows as the fact-table query returns them. */
export async function runRollupQuery(db: Db, plan: RollupPlan): Promise<Record<string, unknown>[]> {
  const [counts, leads] = await Promise.all([
    db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(plan.counts.text, plan.counts.values)),
    plan.leads
      ? db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(plan.leads.text, plan.leads.values))
      : null,
  ]);
  if (!leads) return counts.rows;

  const count = plan.dimensions.length;
  // Every grouping set's histograms, summed from the finest cells.
  const histograms = new Map<string, Map<number, number>>();
  for (const row of leads.rows) {
    const days = row.days as number[];
    const dossiers = row.counts as number[];
    for (const set of plan.groupingSets) {
      const key = cellKey([
        ...plan.dimensions.map((_, i) => (set.includes(i) ? String(row[`d${i}`]) : TOTAL)),
        String(row.lead),
      ]);
      let histogram = histograms.get(key);
      if (!histogram) {
        histogram = new Map();
        histograms.set(key, histogram);
      }
      for (let i = 0; i < days.length; i++) {
        const day = days[i] as number;
        histogram.set(day, (histogram.get(day) ?? 0) + (dossiers[i] as number));
      }
    }
  }
  return counts.rows.map((row) => {
    const grouping = Number(row.g ?? 0);
    const dims = plan.dimensions.map((_, i) =>
      (grouping >> (count - 1 - i)) & 1 ? TOTAL : String(row[`d${i}`]),
    );
    const withLeads: Record<string, unknown> = { ...row };
    for (const measure of plan.leadMeasures) {
      const { lead, fraction } = LEAD_MEASURES[measure] as { lead: string; fraction: number };
      const histogram = histograms.get(cellKey([...dims, lead]));
      withLeads[measure] = histogram ? percentileOfHistogram(histogram, fraction) : null;
    }
    return withLeads;
  });
}
