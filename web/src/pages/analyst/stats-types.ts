import type { DimensionId, MeasureId } from '../../../../src/stats/dimensions.ts';
import type { PivotTable } from '../../../../src/stats/pivot.ts';
import type { Report, ReportRow } from '../../../../src/stats/reports/run-report.ts';
import type { Texts } from '../../../../src/stats/stats-texts.ts';

// The statistics API's own types (src/stats), so a change of shape there fails to compile here.
export type { DimensionId, MeasureId, PivotTable, Report, ReportRow, Texts };

/** One entry of `GET /api/v1/stats/reports` (and its open-data twin). */
export interface ReportSummary {
  id: string;
  title: Texts;
  question: string;
  /** The question in plain words, per language: what the pages show. */
  description: Texts;
  /** Sources and definitions of the figures, per language. */
  definitions?: Texts;
  dimensions: DimensionId[];
  measures: MeasureId[];
  /** The column dimensions a caller may choose with `?by=` (q4). */
  by?: DimensionId[];
  /** The filters the report takes besides the years. */
  filters?: Array<'categories' | 'provinces'>;
}

export interface ReportList {
  reports: ReportSummary[];
  /** The years with figures, oldest first: what the year pickers offer. */
  years: number[];
}

/**
 * Where the pages fetch from: analysts see every figure (`/api/v1/stats`, signed in), everyone else
 * the open data with small counts hidden (`/api/v1/open-data`, public).
 */
export interface StatsSource {
  kind: 'analyst' | 'open-data';
  /** The web path of the report list, e.g. `/analyst`. */
  pagePath: string;
  /** The API prefix of the reports and pivot, e.g. `/api/v1/stats`. */
  apiPath: string;
}

export const ANALYST_SOURCE: StatsSource = {
  kind: 'analyst',
  pagePath: '/analyst',
  apiPath: '/api/v1/stats',
};
export const OPEN_DATA_SOURCE: StatsSource = {
  kind: 'open-data',
  pagePath: '/open-data',
  apiPath: '/api/v1/open-data',
};
