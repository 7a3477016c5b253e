import type { DimensionId, MeasureId } from '../dimensions.ts';
import type { Texts } from '../stats-texts.ts';

/**
 * A ready-made report as data: a table of `rows` × `columns` (optional), repeated per value of
 * `layer` (optional, usually the year), for one or more measures. The runner computes every cell,
 * the margins of each layer and the grand total in one query per branch (src/stats/reports/run-report.ts).
 */
export interface ReportDefinition {
  readonly id: string;
  /** The question it answers, quoted from its source (Dutch; for the API and the record). */
  readonly question: string;
  /** The same question in plain words in each language: what the pages show. */
  readonly description: Texts;
  readonly title: Texts;
  /**
   * Where the figures come from and what each one counts, with the year each column is counted in,
   * in each language (shown under the question on the page and given in the JSON).
   */
  readonly definitions?: Texts;
  readonly layer: DimensionId | null;
  readonly rows: DimensionId;
  readonly columns: DimensionId | null;
  readonly measures: readonly MeasureId[];
  /** Years when the caller gives none. */
  readonly defaultYears?: readonly [number, number];
  /** Fixed restrictions (e.g. nurses and care workers only). */
  readonly only?: Partial<Record<DimensionId, readonly string[]>>;
  /** A choice of the column dimension through `?by=` (q4: age band, sex, VKS or nationality). */
  readonly columnChoices?: readonly DimensionId[];
}
