import type { Lang } from '../i18n/languages.ts';
import { LoketError } from '../server/errors.ts';
import type { FieldError } from '../validation/field-errors.ts';
import type { StatsFilters } from './aggregate.ts';
import {
  branchHasDimension,
  DIMENSION_IDS,
  DIMENSIONS,
  type DimensionId,
  EARLIEST_YEAR,
  isDimensionId,
  isMeasureId,
  LAST_YEAR,
  MEASURE_IDS,
  MEASURES,
  type MeasureId,
} from './dimensions.ts';
import { valueLabel } from './export/value-labels.ts';
import {
  DIMENSION_LABELS,
  formatText,
  MEASURE_LABELS,
  PARAMETER_LABELS,
  VALIDATION_TEXTS,
} from './stats-texts.ts';

/**
 * Turns the query string of a statistics request into checked parameters, or one 400 listing every
 * offending parameter by name (`query.from`, `query.dimensions`, …) so a caller can fix them all at
 * once. The TypeBox schema of the route has already checked the shapes (digits, lengths).
 */

export const MAX_DIMENSIONS = 3;
/** Between the choices a 400 offers: some labels hold a comma ("Doorlooptijd werk, mediaan"). */
const CHOICES = '; ';
export const MAX_PIVOT_DIMENSIONS = 2;
/** Open data: at most this many categories and provinces per request (decision 026). */
export const OPEN_DATA_MAX_FILTER_VALUES = 1;

export interface RawStatsQuery {
  from?: string;
  to?: string;
  categories?: string;
  provinces?: string;
}

class Problems {
  readonly fields: FieldError[] = [];
  constructor(readonly lang: Lang) {}
  add(param: string, rule: keyof typeof VALIDATION_TEXTS, params: Record<string, string | number> = {}) {
    // The field in words first ("Rijen: …"): the message also shows in a summary above the form.
    const field = PARAMETER_LABELS[param]?.[this.lang];
    const message = formatText(VALIDATION_TEXTS[rule], this.lang, params);
    this.fields.push({
      path: `query.${param}`,
      rule,
      message: field ? `${field}${this.lang === 'fr' ? ' :' : ':'} ${message}` : message,
    });
  }
  throwIfAny(): void {
    if (this.fields.length > 0) throw new LoketError('LOKET_VALIDATION_FAILED', {}, this.fields);
  }
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseYear(problems: Problems, param: 'from' | 'to', text: string | undefined, fallback: number) {
  if (text === undefined || text === '') return fallback;
  const year = Number(text);
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > LAST_YEAR) {
    problems.add(param, 'yearRange', { min: EARLIEST_YEAR, max: LAST_YEAR });
    return fallback;
  }
  return year;
}

function parseValues(problems: Problems, param: string, dimension: DimensionId, text: string | undefined) {
  const values = list(text);
  const allowed = DIMENSIONS[dimension].values ?? [];
  const unknown = values.filter((v) => !allowed.includes(v));
  if (unknown.length > 0)
    problems.add(param, 'unknownValue', {
      value: unknown.join(', '),
      allowed: allowed.map((v) => String(valueLabel(dimension, v, problems.lang))).join(CHOICES),
    });
  return values;
}

function parseFiltersInto(
  problems: Problems,
  raw: RawStatsQuery,
  defaults: { from: number; to: number },
): StatsFilters {
  const from = parseYear(problems, 'from', raw.from, defaults.from);
  const to = parseYear(problems, 'to', raw.to, defaults.to);
  if (from > to) problems.add('from', 'yearOrder', { from, to });
  const categories = parseValues(problems, 'categories', 'category', raw.categories);
  const provinces = parseValues(problems, 'provinces', 'province', raw.provinces);
  return {
    years: [from, to],
    ...(categories.length ? { categories } : {}),
    ...(provinces.length ? { provinces } : {}),
  };
}

export function parseFilters(
  raw: RawStatsQuery,
  lang: Lang,
  defaults: { from: number; to: number },
): StatsFilters {
  const problems = new Problems(lang);
  const filters = parseFiltersInto(problems, raw, defaults);
  problems.throwIfAny();
  return filters;
}

function parseDimensionList(problems: Problems, param: string, text: string | undefined, max: number) {
  const values = list(text);
  const unknown = values.filter((v) => !isDimensionId(v));
  if (unknown.length > 0)
    problems.add(param, 'unknownDimension', {
      value: unknown.join(', '),
      allowed: DIMENSION_IDS.map((id) => DIMENSION_LABELS[id][problems.lang]).join(CHOICES),
    });
  if (values.length > max) problems.add(param, 'tooManyDimensions', { max });
  return values.filter(isDimensionId);
}

function parseMeasureList(problems: Problems, param: string, text: string | undefined): MeasureId[] {
  const values = list(text);
  const unknown = values.filter((v) => !isMeasureId(v));
  if (unknown.length > 0)
    problems.add(param, 'unknownMeasure', {
      value: unknown.join(', '),
      allowed: MEASURE_IDS.map((id) => MEASURE_LABELS[id][problems.lang]).join(CHOICES),
    });
  return values.filter(isMeasureId);
}

/** `param` names the query parameter the caller sent: `measures` (aggregate) or `measure` (pivot). */
function checkReasonMeasures(
  problems: Problems,
  param: 'measure' | 'measures',
  dimensions: DimensionId[],
  measures: MeasureId[],
) {
  if (dimensions.includes('refusalReason') && measures.some((m) => m !== 'refused'))
    problems.add(param, 'reasonNeedsRefused', { refused: MEASURE_LABELS.refused[problems.lang] });
}

/**
 * Inspections and dossiers are different facts (src/stats/inspection-facts.ts): a dimension the
 * facts of a measure do not carry, or a category filter on inspections (an inspection concerns an
 * employer), is a 400 naming the parameter, never a failed query.
 */
function checkBranches(
  problems: Problems,
  params: { dimensions: Array<[string, DimensionId[]]> },
  measures: readonly MeasureId[],
  filters: StatsFilters,
) {
  for (const [param, dimensions] of params.dimensions) {
    for (const dimension of dimensions) {
      const wrong = measures.find((m) => !branchHasDimension(MEASURES[m].branch, dimension));
      if (wrong)
        problems.add(param, 'dimensionNotForMeasure', {
          value: DIMENSION_LABELS[dimension][problems.lang],
          measure: MEASURE_LABELS[wrong][problems.lang],
        });
    }
  }
  checkCategoryFilter(problems, measures, filters);
}

function checkCategoryFilter(problems: Problems, measures: readonly MeasureId[], filters: StatsFilters) {
  const inspection = measures.find((m) => MEASURES[m].branch === 'inspection');
  if (inspection && filters.categories?.length)
    problems.add('categories', 'filterNotForMeasure', { measure: MEASURE_LABELS[inspection][problems.lang] });
}

/**
 * Open data takes one category and one province at most (or all): free sets of them would give an
 * attacker many differences of supersets of the same small cell, whose average converges on it
 * despite the cell-key noise (decision 026, src/stats/disclosure-averaging.test.ts).
 */
export function checkOpenDataFilters(filters: StatsFilters, lang: Lang): void {
  const problems = new Problems(lang);
  for (const param of ['categories', 'provinces'] as const)
    if ((filters[param]?.length ?? 0) > OPEN_DATA_MAX_FILTER_VALUES)
      problems.add(param, 'openDataOneValue', { max: OPEN_DATA_MAX_FILTER_VALUES });
  problems.throwIfAny();
}

/** A report's filters, refused where its measures cannot take them (a category on inspections). */
export function checkReportFilters(filters: StatsFilters, measures: readonly MeasureId[], lang: Lang): void {
  const problems = new Problems(lang);
  checkCategoryFilter(problems, measures, filters);
  problems.throwIfAny();
}

export interface AggregateQuery {
  filters: StatsFilters;
  dimensions: DimensionId[];
  measures: MeasureId[];
}

/** `GET /stats/aggregate?dimensions=a,b,c&measures=x,y&from=&to=&categories=&provinces=` */
export function parseAggregateQuery(
  raw: RawStatsQuery & { dimensions?: string; measures?: string },
  lang: Lang,
  defaults: { from: number; to: number },
): AggregateQuery {
  const problems = new Problems(lang);
  const filters = parseFiltersInto(problems, raw, defaults);
  const dimensions = parseDimensionList(problems, 'dimensions', raw.dimensions, MAX_DIMENSIONS);
  const measures = parseMeasureList(problems, 'measures', raw.measures ?? 'applications,granted,refused');
  checkReasonMeasures(problems, 'measures', dimensions, measures);
  checkBranches(problems, { dimensions: [['dimensions', dimensions]] }, measures, filters);
  problems.throwIfAny();
  return { filters, dimensions, measures };
}

export interface PivotQuery {
  filters: StatsFilters;
  rows: DimensionId;
  columns: DimensionId | null;
  measure: MeasureId;
}

/** `GET /stats/pivot?rows=a&columns=b&measure=x&…`: two dimensions at most, one measure. */
export function parsePivotQuery(
  raw: RawStatsQuery & { rows?: string; columns?: string; measure?: string },
  lang: Lang,
  defaults: { from: number; to: number },
): PivotQuery {
  const problems = new Problems(lang);
  const filters = parseFiltersInto(problems, raw, defaults);
  const rows = parseDimensionList(problems, 'rows', raw.rows ?? 'year', MAX_PIVOT_DIMENSIONS - 1);
  const columns = parseDimensionList(problems, 'columns', raw.columns, MAX_PIVOT_DIMENSIONS - 1);
  const [measure = 'applications'] = parseMeasureList(problems, 'measure', raw.measure ?? 'applications');
  if (rows[0] && rows[0] === columns[0]) problems.add('columns', 'sameDimension');
  checkReasonMeasures(problems, 'measure', [...rows, ...columns], [measure]);
  checkBranches(
    problems,
    {
      dimensions: [
        ['rows', rows],
        ['columns', columns],
      ],
    },
    [measure],
    filters,
  );
  problems.throwIfAny();
  return { filters, rows: rows[0] ?? 'year', columns: columns[0] ?? null, measure };
}

export function isAdditive(measure: MeasureId): boolean {
  return MEASURES[measure].isAdditive;
}

/** `?by=` of a report that offers a choice of column dimension (q4). */
export function parseBy(
  choices: readonly DimensionId[] | undefined,
  by: string | undefined,
  lang: Lang,
): DimensionId | undefined {
  if (by === undefined || by === '') return undefined;
  const allowed = choices ?? [];
  if (!(allowed as readonly string[]).includes(by)) {
    const problems = new Problems(lang);
    problems.add('by', 'unknownValue', {
      value: by,
      allowed: allowed.map((id) => DIMENSION_LABELS[id][lang]).join(CHOICES),
    });
    problems.throwIfAny();
  }
  return by as DimensionId;
}
