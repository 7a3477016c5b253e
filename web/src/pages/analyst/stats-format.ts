import { CATEGORIES, PROVINCES, REASON_CODES, REGIONS } from '../../../../src/rules/contract.ts';
import { QUESTION_CATEGORIES, TOTAL } from '../../../../src/stats/stats-ids.ts';
import { categoryLabel } from '../../category-labels.ts';
import type { Lang, MessageKey, Translate } from '../../i18n.ts';
import type { DimensionId, Report, ReportRow } from './stats-types.ts';

/** Every dimension a pivot can use and every measure, in the order of the API's tables. */
export {
  DIMENSION_IDS as PIVOT_DIMENSIONS,
  MEASURE_IDS as PIVOT_MEASURES,
} from '../../../../src/stats/stats-ids.ts';
export { CATEGORIES, PROVINCES, TOTAL };

// ---------------------------------------------------------------------------------------------
// The page's query string: filters as the API takes them, plus the pivot's own choice.

export interface StatsQuery {
  from: string;
  to: string;
  categories: string[];
  provinces: string[];
  /** q4's column dimension. */
  by: string;
  pivotRows: string;
  pivotColumns: string;
  pivotMeasure: string;
}

/** A list parameter: comma-separated (as the API and our links write it) or repeated (a plain GET form). */
function readList(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function readStatsQuery(search: string): StatsQuery {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() ?? '';
  return {
    from: text('from'),
    to: text('to'),
    categories: readList(params, 'categories'),
    provinces: readList(params, 'provinces'),
    by: text('by'),
    pivotRows: text('pivotRows'),
    pivotColumns: text('pivotColumns'),
    pivotMeasure: text('pivotMeasure'),
  };
}

function toSearch(entries: Array<[string, string]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) if (value !== '') params.set(name, value);
  return params.toString();
}

/** The page's own query string (what the forms navigate to), empty parameters left out. */
export function writeStatsQuery(query: StatsQuery): string {
  return toSearch([
    ['from', query.from],
    ['to', query.to],
    ['categories', query.categories.join(',')],
    ['provinces', query.provinces.join(',')],
    ['by', query.by],
    ['pivotRows', query.pivotRows],
    ['pivotColumns', query.pivotColumns],
    ['pivotMeasure', query.pivotMeasure],
  ]);
}

export type Format = 'json' | 'csv' | 'xlsx';

function filterEntries(query: StatsQuery): Array<[string, string]> {
  return [
    ['from', query.from],
    ['to', query.to],
    ['categories', query.categories.join(',')],
    ['provinces', query.provinces.join(',')],
  ];
}

/**
 * `…/reports/:id?…` for the JSON the page shows or a download (CSV, XLSX, JSON). A download names
 * the page's language: a plain link sends the browser's Accept-Language, and the CSV's separator,
 * decimal mark and labels follow the language.
 */
export function reportApiPath(
  apiPath: string,
  id: string,
  query: StatsQuery,
  format?: Format,
  lang?: Lang,
): string {
  const search = toSearch([
    ...filterEntries(query),
    ['by', query.by],
    ['format', format ?? ''],
    ['lang', lang ?? ''],
  ]);
  return `${apiPath}/reports/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
}

/** `…/pivot?rows=&columns=&measure=&…`, or null while no pivot was asked for. */
export function pivotApiPath(
  apiPath: string,
  query: StatsQuery,
  format?: Format,
  lang?: Lang,
): string | null {
  if (!query.pivotRows) return null;
  const search = toSearch([
    ...filterEntries(query),
    ['rows', query.pivotRows],
    ['columns', query.pivotColumns],
    ['measure', query.pivotMeasure],
    ['format', format ?? ''],
    ['lang', lang ?? ''],
  ]);
  return `${apiPath}/pivot?${search}`;
}

// ---------------------------------------------------------------------------------------------
// A report as tables: one per layer (usually a year), rows × columns, with the server's margins.

export interface ReportLayout {
  /** The dimension the report is repeated over (a table per value), or null. */
  layer: DimensionId | null;
  rows: DimensionId;
  columns: DimensionId | null;
}

/**
 * Which dimension is what. The API lists them as [layer, rows, columns] without the absent ones, so
 * two dimensions are either layer × rows (q6: year × category) or rows × columns (year × kind); only
 * a rows × columns report has column margins (rows whose first dimension is TOTAL).
 */
export function reportLayout(report: Pick<Report, 'dimensions' | 'rows'>): ReportLayout {
  const [first, second, third] = report.dimensions;
  if (!first) return { layer: null, rows: 'year', columns: null };
  if (third && second) return { layer: first, rows: second, columns: third };
  if (!second) return { layer: null, rows: first, columns: null };
  const hasColumnMargins = report.rows.some((row) => row.key[first] === TOTAL && row.key[second] !== TOTAL);
  return hasColumnMargins
    ? { layer: null, rows: first, columns: second }
    : { layer: first, rows: second, columns: null };
}

const ORDERS: Partial<Record<DimensionId, readonly string[]>> = {
  category: CATEGORIES,
  province: [...PROVINCES, 'UNKNOWN'],
  region: [...REGIONS, 'UNKNOWN'],
  sex: ['F', 'M', 'X', 'UNKNOWN'],
  ageBand: ['UNDER_25', 'FROM_25_TO_29', 'FROM_30_TO_39', 'FROM_40_TO_49', 'FROM_50', 'UNKNOWN'],
  kind: ['FIRST', 'RENEWAL'],
  careProfession: ['NURSE', 'CARE_WORKER', 'OTHER'],
  refusalReason: [...REASON_CODES, 'OTHER'],
  inspectionOrigin: ['SIGNAL', 'REPORT', 'OTHER'],
  inspectionOutcome: ['NO_INFRINGEMENT', 'WARNING', 'FINE_PROPOSED', 'WITHDRAWAL_PROPOSED'],
  recognitionStatus: ['RECEIVED', 'IN_TREATMENT', 'EQUIVALENT', 'REFUSED', 'NOT_FOUND'],
  questionCategory: QUESTION_CATEGORIES,
};

/** The values of a dimension in a fixed order (the law's for categories), others by their code. */
export function sortKeys(dimension: DimensionId, keys: Iterable<string>): string[] {
  const order = ORDERS[dimension];
  const rank = (key: string) => {
    const index = order?.indexOf(key) ?? -1;
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...new Set(keys)]
    .filter((key) => key !== TOTAL)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
}

/** A number of the report as shown: hidden (open data), not available (a median of nothing), or a value. */
export interface Cell {
  value: number | null;
  isSuppressed: boolean;
}

/** Shares and lead times (medians, percentiles): not counts, so no 0 for a missing cell nor a sum. */
const NON_ADDITIVE = { has: (measure: string) => measure.endsWith('Share') || measure.endsWith('Days') };

export function cellOf(row: ReportRow | undefined, measure: string): Cell {
  // A combination the database did not return has no dossier: a count of 0, no median.
  if (!row) return { value: NON_ADDITIVE.has(measure) ? null : 0, isSuppressed: false };
  const value = row.values[measure] ?? null;
  return { value, isSuppressed: value === null && (row.suppressed?.includes(measure) ?? false) };
}

export interface LayerTable {
  /** The layer's value, or null for a report without layers. */
  layer: string | null;
  rowKeys: string[];
  columnKeys: string[];
  /** The cell at (row, column); TOTAL for a margin; column TOTAL for a report without columns. */
  cell(row: string, column: string, measure: string): Cell;
}

export function layerTables(report: Report, layout: ReportLayout): LayerTable[] {
  const value = (row: ReportRow, dimension: DimensionId | null) =>
    dimension ? (row.key[dimension] ?? TOTAL) : TOTAL;
  const keyOf = (layer: string, row: string, column: string) => `${layer}\u0000${row}\u0000${column}`;
  const index = new Map(
    report.rows.map((row) => [
      keyOf(value(row, layout.layer), value(row, layout.rows), value(row, layout.columns)),
      row,
    ]),
  );
  const grandTotal: ReportRow = {
    key: {},
    values: report.totals,
    suppressed: report.suppressedTotals ?? [],
  };
  const layers = layout.layer
    ? sortKeys(
        layout.layer,
        report.rows.map((r) => value(r, layout.layer)),
      )
    : [TOTAL];
  return layers.map((layer) => {
    const inLayer = report.rows.filter((row) => value(row, layout.layer) === layer);
    return {
      layer: layout.layer ? layer : null,
      rowKeys: sortKeys(
        layout.rows,
        inLayer.map((row) => value(row, layout.rows)),
      ),
      columnKeys: layout.columns
        ? sortKeys(
            layout.columns,
            inLayer.map((row) => value(row, layout.columns)),
          )
        : [],
      cell(row, column, measure) {
        const found = index.get(keyOf(layer, row, column));
        // Without layers the grand total is the report's overall total, kept apart by the API.
        if (!found && !layout.layer && row === TOTAL && column === TOTAL) return cellOf(grandTotal, measure);
        return cellOf(found, measure);
      },
    };
  });
}

/** The report's overall totals (over every layer), hidden ones marked. */
export function totalCell(report: Report, measure: string): Cell {
  return cellOf({ key: {}, values: report.totals, suppressed: report.suppressedTotals ?? [] }, measure);
}

// ---------------------------------------------------------------------------------------------
// Numbers and labels in the reader's language.

export function isShare(measure: string): boolean {
  return measure.endsWith('Share');
}

/** A figure per language: counts with grouping, shares as percentages, lead times with one decimal. */
export function formatNumber(value: number, measure: string, lang: Lang): string {
  if (isShare(measure))
    return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (NON_ADDITIVE.has(measure))
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** A key built from a code the server sends; locales.test.ts checks every catalogue has the same keys. */
const key = (text: string) => text as MessageKey;

/** The catalogue's text, or the fallback for a code it does not know (i18next returns the key). */
function textOr(t: Translate, path: string, fallback: string): string {
  const text = t(key(path));
  return text === path ? fallback : text;
}

export function dimensionName(t: Translate, dimension: string): string {
  return textOr(t, `analyst.dimensions.${dimension}`, dimension);
}

export function measureName(t: Translate, measure: string): string {
  return textOr(t, `analyst.measures.${measure}`, measure);
}

const LABEL_GROUPS: Partial<Record<DimensionId, string>> = {
  province: 'places',
  region: 'places',
  sex: 'sexes',
  ageBand: 'ageBands',
  kind: 'kinds',
  refusalReason: 'reasons',
  careProfession: 'careProfessions',
  inspectionOrigin: 'inspectionOrigins',
  inspectionOutcome: 'inspectionOutcomes',
  recognitionStatus: 'recognitionStatuses',
  questionCategory: 'questionCategories',
};

/** A dimension's value as words: a category's name, a country's name in the reader's language, … */
export function valueLabel(t: Translate, lang: Lang, dimension: DimensionId, value: string): string {
  if (value === TOTAL) return t('analyst.table.total');
  if (value === 'UNKNOWN') return t('analyst.values.unknown');
  if (dimension === 'category') return categoryLabel(t, value); // the name every page uses
  const group = LABEL_GROUPS[dimension];
  if (group) return textOr(t, `analyst.${group}.${value}`, value);
  if (dimension === 'nationality') return countryName(t, lang, value);
  if (dimension === 'vks') return t('analyst.values.vks', { level: value });
  if (dimension === 'iscoMajorGroup') return t('analyst.values.isco', { group: value });
  if (dimension === 'migrationListFunction' && value === 'NONE') return t('analyst.values.noListFunction');
  return value;
}

function countryName(t: Translate, lang: Lang, code: string): string {
  if (code === 'XX') return t('analyst.values.multipleNationalities');
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // not a region code Intl knows
  }
}
