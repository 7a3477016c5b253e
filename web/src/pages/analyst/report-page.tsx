import { lazy, Suspense, useCallback, useMemo, useRef } from 'react';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { currentLang, type Translate, useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { Loading } from '../role-home-page.tsx';
import { DownloadLinks } from './download-links.tsx';
import { PivotSection } from './pivot-section.tsx';
import { FILTER_FIELD_IDS, ReportFilters } from './report-filters.tsx';
import { SuppressionLegend } from './report-list-page.tsx';
import type { ChartSeries } from './stats-chart.tsx';
import { toFormErrors } from './stats-errors.ts';
import {
  dimensionName,
  formatNumber,
  type LayerTable,
  layerTables,
  measureName,
  type ReportLayout,
  readStatsQuery,
  reportApiPath,
  reportLayout,
  TOTAL,
  valueLabel,
} from './stats-format.ts';
import { StatsLoadFailed } from './stats-status.tsx';
import { ReportTables } from './stats-tables.tsx';
import type { Report, ReportList, ReportSummary, StatsSource } from './stats-types.ts';
import { useHistoryMoves, useSearch, useStatsLoad } from './use-stats-load.ts';

// ECharts is half the app's size: loaded only when a chart is drawn.
const StatsChart = lazy(() => import('./stats-chart.tsx').then((module) => ({ default: module.StatsChart })));

/**
 * `/analyst/reports/:id` and `/open-data/reports/:id`: one ready-made report with its filters, a
 * chart, the tables (the accessible form of the chart), downloads and a free pivot.
 */
export function ReportPage({ source, id }: { source: StatsSource; id: string }) {
  const list = useStatsLoad<ReportList>(`${source.apiPath}/reports`);
  if (list.status === 'failed') return <StatsLoadFailed error={list.error} />;
  if (list.status !== 'ready') return <Loading />;
  const summary = list.data.reports.find((report) => report.id === id);
  if (!summary) return <NotFoundPage />;
  return <ReportView source={source} summary={summary} yearChoices={list.data.years} />;
}

function ReportView({
  source,
  summary,
  yearChoices,
}: {
  source: StatsSource;
  summary: ReportSummary;
  yearChoices: readonly number[];
}) {
  const t = useT();
  const search = useSearch();
  const query = readStatsQuery(search);
  const action = `${source.pagePath}/reports/${encodeURIComponent(summary.id)}`;
  const load = useStatsLoad<Report>(reportApiPath(source.apiPath, summary.id, query));
  const errors = toFormErrors(load.status === 'failed' ? load.error : null, FILTER_FIELD_IDS);
  const title = summary.title[currentLang()];
  usePageTitle(title, errors.summary.length > 0);
  const report = load.status === 'ready' ? load.data : null;
  const moves = useHistoryMoves();
  // The years shown last: the form keeps them while new figures load (the server's default range
  // when the URL gives none, so the form is drawn once the first answer is in).
  const lastYears = useRef<readonly [number, number] | null>(null);
  if (report) lastYears.current = report.filters.years;
  const years = lastYears.current;

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <PageHeading>{title}</PageHeading>
      <p className="stats-question">
        <span className="stats-question__label">{t('analyst.home.question')} </span>
        <q>{summary.description[currentLang()]}</q>
      </p>
      {summary.definitions ? (
        <p className="stats-definitions">
          <span className="stats-question__label">{t('analyst.report.definitions')} </span>
          {summary.definitions[currentLang()]}
        </p>
      ) : null}
      <p>
        <Link href={source.pagePath}>{t('analyst.report.back')}</Link>
      </p>
      {source.kind === 'open-data' ? <SuppressionLegend /> : null}
      {years || load.status === 'failed' ? (
        <ReportFilters
          key={moves}
          action={action}
          query={query}
          years={years}
          yearChoices={yearChoices}
          byChoices={summary.by}
          hasCategoryFilter={summary.filters?.includes('categories') ?? true}
          isOneValueEach={source.kind === 'open-data'}
          errors={errors}
        />
      ) : null}
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' && errors.summary.length === 0 ? (
        <p>{load.error ? load.error.message : t('analyst.errors.network')}</p>
      ) : null}
      {report ? (
        <>
          <ReportResult
            report={report}
            summary={summary}
            apiHref={(format) => reportApiPath(source.apiPath, summary.id, query, format, currentLang())}
          />
          <PivotSection source={source} action={action} query={query} />
        </>
      ) : null}
    </>
  );
}

function selectionText(t: Translate, report: Report): string {
  const lang = currentLang();
  const { years, categories, provinces } = report.filters;
  const list = (dimension: 'category' | 'province', values: readonly string[] | undefined, all: string) =>
    values && values.length > 0 ? values.map((v) => valueLabel(t, lang, dimension, v)).join(', ') : all;
  return t('analyst.report.selection', {
    from: years[0],
    to: years[1],
    categories: list('category', categories, t('analyst.report.allCategories')),
    provinces: list('province', provinces, t('analyst.report.allProvinces')),
  });
}

interface ReportResultProps {
  report: Report;
  summary: ReportSummary;
  apiHref: (format: 'csv' | 'xlsx' | 'json') => string;
}

function ReportResult({ report, summary, apiHref }: ReportResultProps) {
  const t = useT();
  const layout = useMemo(() => reportLayout(report), [report]);
  const tables = useMemo(() => layerTables(report, layout), [report, layout]);
  const measures = summary.measures.filter((m) => report.columns.some((c) => c.id === m));
  const selection = selectionText(t, report);
  return (
    <section aria-labelledby="stats-result-title" className="stats-section">
      <h2 id="stats-result-title">{t('analyst.report.resultTitle')}</h2>
      <p>{selection}</p>
      <DownloadLinks label={t('analyst.downloads.reportTitle')} href={apiHref} />
      {measures[0] ? (
        <ReportChart layout={layout} tables={tables} measure={measures[0]} selection={selection} />
      ) : null}
      <ReportTables report={report} layout={layout} tables={tables} measures={measures} />
    </section>
  );
}

/**
 * The first measure per row value: one bar per layer (year) of each row's total, or per column
 * value for a report without layers.
 */
function ReportChart({
  layout,
  tables,
  measure,
  selection,
}: {
  layout: ReportLayout;
  tables: LayerTable[];
  measure: string;
  selection: string;
}) {
  const t = useT();
  const lang = currentLang();
  const rowKeys = useMemo(() => [...new Set(tables.flatMap((table) => table.rowKeys))], [tables]);
  const categories = useMemo(
    () => rowKeys.map((key) => valueLabel(t, lang, layout.rows, key)),
    [rowKeys, t, lang, layout.rows],
  );
  const series = useMemo<ChartSeries[]>(() => {
    const values = (table: LayerTable, column: string) =>
      rowKeys.map((row) => table.cell(row, column, measure).value);
    if (layout.layer)
      return tables.map((table) => ({
        name: valueLabel(t, lang, layout.layer ?? 'year', table.layer ?? TOTAL),
        values: values(table, TOTAL),
      }));
    const [table] = tables;
    if (!table) return [];
    if (layout.columns)
      return table.columnKeys.map((column) => ({
        name: valueLabel(t, lang, layout.columns ?? 'year', column),
        values: values(table, column),
      }));
    return [{ name: measureName(t, measure), values: values(table, TOTAL) }];
  }, [tables, rowKeys, layout, measure, t, lang]);
  const format = useCallback((value: number) => formatNumber(value, measure, lang), [measure, lang]);
  if (rowKeys.length === 0) return null;
  const label = t('analyst.chart.label', {
    measure: measureName(t, measure),
    rows: dimensionName(t, layout.rows),
    series: series.map((s) => s.name).join(', '),
    selection,
  });
  return (
    <figure className="stats-figure">
      <Suspense fallback={<Loading />}>
        <StatsChart label={label} categories={categories} series={series} format={format} />
      </Suspense>
      <figcaption className="stats-figure__caption">{t('analyst.chart.caption')}</figcaption>
    </figure>
  );
}
