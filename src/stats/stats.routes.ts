import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { DEFAULT_LANG, LANGUAGES, type Lang } from '../i18n/languages.ts';
import type { DatabaseState } from '../server/database-state.ts';
import { LoketError } from '../server/errors.ts';
import { brusselsDate } from '../server/today.ts';
import { aggregate } from './aggregate.ts';
import { MEASURES, type MeasureId } from './dimensions.ts';
import { csvDialect, streamCsv } from './export/csv.ts';
import { pivotLines, reportLines, type TableLines } from './export/table-lines.ts';
import { streamXlsx } from './export/xlsx.ts';
import { basisMeasures, publishReport } from './open-data.ts';
import { runPivot } from './pivot.ts';
import { findReport, REPORTS, type ReportDefinition } from './reports/index.ts';
import { reportDimensions, runReport } from './reports/run-report.ts';
import { recordStatsRead } from './stats-audit.ts';
import {
  checkOpenDataFilters,
  checkReportFilters,
  parseAggregateQuery,
  parseBy,
  parseFilters,
  parsePivotQuery,
  type RawStatsQuery,
} from './stats-query.ts';
import { formatText, MEASURE_LABELS } from './stats-texts.ts';
import { yearsWithData } from './stats-years.repo.ts';

export interface StatsRouteOptions {
  database: DatabaseState;
  /** The clock, for the default last year; the real time by default. */
  now?: () => Date;
}

const ANALYST = ['ANALYST'] as const;

// Shapes only; the meaning (known values, year range, number of dimensions) is checked by
// stats-query.ts so every 400 names the parameter and says what is allowed.
const List = Type.String({ maxLength: 500, pattern: '^[A-Za-z0-9_,-]*$' });
const Year = Type.String({ pattern: '^[0-9]{1,4}$' });
const Filters = {
  from: Type.Optional(Year),
  to: Type.Optional(Year),
  categories: Type.Optional(List),
  provinces: Type.Optional(List),
  format: Type.Optional(Type.Enum(['json', 'csv', 'xlsx'])),
  /** A download's language (labels, CSV separator and decimal mark); else Accept-Language. */
  lang: Type.Optional(Type.Enum([...LANGUAGES])),
};
const ReportQuery = Type.Object({ ...Filters, by: Type.Optional(List) }, { additionalProperties: false });
const PivotQuery = Type.Object(
  { ...Filters, rows: Type.Optional(List), columns: Type.Optional(List), measure: Type.Optional(List) },
  { additionalProperties: false },
);
const AggregateQuery = Type.Object(
  { ...Filters, dimensions: Type.Optional(List), measures: Type.Optional(List) },
  { additionalProperties: false },
);
const ReportParams = Type.Object({ id: Type.String({ maxLength: 50 }) });

type Format = 'json' | 'csv' | 'xlsx';

const PIVOT_FILE_TITLE = {
  nl: 'Draaitabel {{measure}}',
  fr: 'Tableau croisé {{measure}}',
  en: 'Pivot table {{measure}}',
} as const;

function langOf(request: FastifyRequest): Lang {
  return (request.query as { lang?: Lang }).lang ?? (request as { lang?: Lang }).lang ?? DEFAULT_LANG;
}

/**
 * A download's file name as people read it: the report's title in the reader's language and the
 * day it was made ("Verpleegkundigen en zorgkundigen per nationaliteit 2026-12-02.csv"), with an
 * ASCII fallback for old clients (RFC 6266: `filename` and `filename*`).
 */
export function contentDisposition(title: string, date: string, extension: string): string {
  const name = `${title} ${date}`
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '-');
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

/**
 * JSON as is (as a named file when asked for with `format=json`); CSV and XLSX streamed as
 * downloads named after the table's title.
 */
function send(
  reply: FastifyReply,
  lang: Lang,
  format: Format | undefined,
  file: { sheet: string; title: string; date: string },
  json: unknown,
  lines: () => TableLines,
) {
  if (format === 'csv') {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(file.title, file.date, 'csv'))
      .header('content-language', lang)
      .send(streamCsv(lines(), csvDialect(lang)));
  }
  if (format === 'xlsx') {
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(file.title, file.date, 'xlsx'))
      .send(streamXlsx(lines(), file.sheet));
  }
  if (format === 'json')
    reply.header('content-disposition', contentDisposition(file.title, file.date, 'json'));
  return reply.send(json);
}

function describeReport(report: ReportDefinition) {
  return {
    id: report.id,
    title: report.title,
    question: report.question,
    description: report.description,
    ...(report.definitions ? { definitions: report.definitions } : {}),
    dimensions: reportDimensions(report),
    measures: report.measures,
    ...(report.columnChoices ? { by: report.columnChoices } : {}),
    // An inspection concerns an employer, not a category (checkReportFilters refuses one).
    filters: report.measures.some((m) => MEASURES[m].branch === 'inspection')
      ? ['provinces']
      : ['categories', 'provinces'],
  };
}

/**
 * Statistics for analysts (every figure, any pivot, downloads) and the same figures as open data
 * for anyone, with small counts hidden. Register with `app.register(statsRoutes, { database })`.
 */
export async function statsRoutes(app: FastifyInstance, options: StatsRouteOptions): Promise<void> {
  const db = () => options.database.db;
  const todayHere = () => brusselsDate((options.now ?? (() => new Date()))());
  const currentYear = () => Number(todayHere().slice(0, 4));
  /**
   * The range a request without years gets: every year the pickers offer (the first with figures
   * up to the last), so the default and the pickers agree.
   */
  const defaults = async () => {
    const years = await yearsWithData(db(), currentYear());
    return { from: years[0] ?? currentYear(), to: years[years.length - 1] ?? currentYear() };
  };

  const listReports = async () => ({
    reports: REPORTS.map(describeReport),
    years: await yearsWithData(db(), currentYear()),
  });

  /**
   * A report's own years (a question about 2021 and 2022) when the statistics hold any of them;
   * otherwise every year there is, so a report never opens empty on data that has figures (the
   * demo's dossiers are all of this year).
   */
  const defaultYearsOf = async (definition: ReportDefinition) => {
    const all = await defaults();
    const own = definition.defaultYears;
    if (!own) return all;
    const [from, to] = own;
    return from <= all.to && to >= all.from ? { from, to } : all;
  };

  const reportHandler = (isOpenData: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    const query = request.query as RawStatsQuery & { format?: Format; by?: string };
    const lang = langOf(request);
    const definition = findReport(id);
    if (!definition) throw new LoketError('LOKET_NOT_FOUND', { resource: 'report' });
    const filters = parseFilters(query, lang, await defaultYearsOf(definition));
    const by = parseBy(definition.columnChoices, query.by, lang);
    const shown = definition.measures as MeasureId[];
    checkReportFilters(filters, shown, lang);
    if (isOpenData) checkOpenDataFilters(filters, lang);
    const full = await runReport(db(), definition, {
      filters,
      ...(by ? { by } : {}),
      ...(isOpenData ? { extraMeasures: basisMeasures(shown), withCellKeys: true } : {}),
    });
    const report = isOpenData ? publishReport(full, shown) : full;
    if (!isOpenData) {
      await recordStatsRead(db(), request, {
        what: 'report',
        report: definition.id,
        measures: shown,
        dimensions: report.dimensions,
        filters,
        format: query.format ?? 'json',
      });
    }
    const file = { sheet: `loket-${definition.id}`, title: definition.title[lang], date: todayHere() };
    return send(reply, lang, query.format, file, report, () => reportLines(report, lang));
  };

  const pivotHandler = (isOpenData: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as RawStatsQuery & {
      format?: Format;
      rows?: string;
      columns?: string;
      measure?: string;
    };
    const lang = langOf(request);
    const parsed = parsePivotQuery(query, lang, await defaults());
    if (isOpenData) checkOpenDataFilters(parsed.filters, lang);
    const pivot = await runPivot(db(), parsed, { isOpenData });
    if (!isOpenData) {
      await recordStatsRead(db(), request, {
        what: 'pivot',
        measures: [parsed.measure],
        dimensions: parsed.columns ? [parsed.rows, parsed.columns] : [parsed.rows],
        filters: parsed.filters,
        format: query.format ?? 'json',
      });
    }
    const file = {
      sheet: `loket-pivot-${pivot.measure}`,
      title: formatText(PIVOT_FILE_TITLE, lang, { measure: MEASURE_LABELS[pivot.measure][lang] }),
      date: todayHere(),
    };
    return send(reply, lang, query.format, file, pivot, () => pivotLines(pivot, lang));
  };

  app.get(
    '/api/v1/stats/reports',
    { config: { access: [...ANALYST] }, schema: { tags: ['statistics'], summary: 'The ready-made reports' } },
    listReports,
  );
  app.get(
    '/api/v1/stats/reports/:id',
    {
      config: { access: [...ANALYST] },
      schema: {
        tags: ['statistics'],
        summary: 'A ready-made report (JSON, CSV or XLSX)',
        params: ReportParams,
        querystring: ReportQuery,
      },
    },
    reportHandler(false),
  );
  app.get(
    '/api/v1/stats/pivot',
    {
      config: { access: [...ANALYST] },
      schema: {
        tags: ['statistics'],
        summary: 'One measure by one or two dimensions, with totals',
        querystring: PivotQuery,
      },
    },
    pivotHandler(false),
  );
  app.get(
    '/api/v1/stats/aggregate',
    {
      config: { access: [...ANALYST] },
      schema: {
        tags: ['statistics'],
        summary: 'Measures by up to three dimensions',
        querystring: AggregateQuery,
      },
    },
    async (request) => {
      const query = parseAggregateQuery(request.query as RawStatsQuery, langOf(request), await defaults());
      const rows = await aggregate(db(), query);
      await recordStatsRead(db(), request, { what: 'aggregate', ...query, format: 'json' });
      return { ...query, rows };
    },
  );
  app.get(
    '/api/v1/open-data/reports',
    {
      config: { access: 'PUBLIC' },
      schema: { tags: ['open data'], summary: 'The reports published as open data' },
    },
    listReports,
  );
  app.get(
    '/api/v1/open-data/reports/:id',
    {
      config: { access: 'PUBLIC' },
      schema: {
        tags: ['open data'],
        summary: 'A report with counts under 5 hidden (JSON, CSV or XLSX)',
        params: ReportParams,
        querystring: ReportQuery,
      },
    },
    reportHandler(true),
  );
  app.get(
    '/api/v1/open-data/pivot',
    {
      config: { access: 'PUBLIC' },
      schema: { tags: ['open data'], summary: 'A pivot with counts under 5 hidden', querystring: PivotQuery },
    },
    pivotHandler(true),
  );
}
