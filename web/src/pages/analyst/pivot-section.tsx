import { type FormEvent, useState } from 'react';
import { dimensionsForMeasure, isKnownMeasure } from '../../../../src/stats/stats-ids.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Loading } from '../role-home-page.tsx';
import { DownloadLinks } from './download-links.tsx';
import { toFormErrors } from './stats-errors.ts';
import {
  dimensionName,
  measureName,
  PIVOT_MEASURES,
  pivotApiPath,
  type StatsQuery,
  writeStatsQuery,
} from './stats-format.ts';
import { PivotResultTable } from './stats-tables.tsx';
import type { PivotTable, StatsSource } from './stats-types.ts';
import { navigateQuery, useHistoryMoves, useStatsLoad } from './use-stats-load.ts';

const PIVOT_FIELD_IDS = { rows: 'pivot-rows', columns: 'pivot-columns', measure: 'pivot-measure' } as const;

/**
 * The pivot's choice as the form offers it: the measure first, then only the dimensions it can be
 * broken down by (an inspection has no category, a refusal reason goes with refusals only:
 * `dimensionsForMeasure`, the rule the server checks too), so no choice the form offers fails.
 * A dimension the new measure cannot take falls back to the year (rows) or none (columns).
 */
export function pivotChoice(measureText: string, rows: string, columns: string) {
  const measure = isKnownMeasure(measureText) ? measureText : 'applications';
  const dimensions: readonly string[] = dimensionsForMeasure(measure);
  const row = dimensions.includes(rows) ? rows : 'year';
  const column = dimensions.includes(columns) && columns !== row ? columns : '';
  return { measure, dimensions: dimensionsForMeasure(measure), rows: row, columns: column };
}

/**
 * Any measure by any one or two dimensions it can be broken down by, with the report's filters
 * (years, categories, provinces): a GET form whose choice lives in the URL next to the filters.
 */
export function PivotSection({
  source,
  action,
  query,
}: {
  source: StatsSource;
  action: string;
  query: StatsQuery;
}) {
  const t = useT();
  const path = pivotApiPath(source.apiPath, query);
  const load = useStatsLoad<PivotTable>(path);
  const errors = toFormErrors(load.status === 'failed' ? load.error : null, PIVOT_FIELD_IDS);
  const moves = useHistoryMoves();
  return (
    <section aria-labelledby="stats-pivot-title" className="stats-section">
      <h2 id="stats-pivot-title">{t('analyst.pivot.title')}</h2>
      <p>{t('analyst.pivot.intro')}</p>
      <ErrorSummary items={errors.summary} />
      <PivotForm key={moves} action={action} query={query} errors={errors} />
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' && errors.summary.length === 0 ? (
        <p>{load.error ? load.error.message : t('analyst.errors.network')}</p>
      ) : null}
      {load.status === 'ready' ? (
        <>
          <PivotResultTable pivot={load.data} />
          <DownloadLinks
            label={t('analyst.downloads.pivotTitle')}
            href={(format) => pivotApiPath(source.apiPath, query, format, currentLang()) ?? ''}
          />
        </>
      ) : null}
    </section>
  );
}

function PivotForm({
  action,
  query,
  errors,
}: {
  action: string;
  query: StatsQuery;
  errors: ReturnType<typeof toFormErrors>;
}) {
  const t = useT();
  const [choice, setChoice] = useState(() =>
    pivotChoice(query.pivotMeasure || 'applications', query.pivotRows || 'year', query.pivotColumns),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const next = {
      ...query,
      pivotRows: text('pivotRows'),
      pivotColumns: text('pivotColumns'),
      pivotMeasure: text('pivotMeasure'),
    };
    navigateQuery(`${action}?${writeStatsQuery(next)}`);
  }

  const dimensionOptions = choice.dimensions.map((d) => ({ value: d, label: dimensionName(t, d) }));
  return (
    <form method="get" action={action} onSubmit={onSubmit} noValidate>
      <div className="stats-filter-row">
        <SelectField
          id={PIVOT_FIELD_IDS.measure}
          name="pivotMeasure"
          label={t('analyst.pivot.measure')}
          options={PIVOT_MEASURES.map((m) => ({ value: m, label: measureName(t, m) }))}
          value={choice.measure}
          onChange={(event) => setChoice(pivotChoice(event.target.value, choice.rows, choice.columns))}
          error={errors.byParam.measure}
        />
        <SelectField
          id={PIVOT_FIELD_IDS.rows}
          name="pivotRows"
          label={t('analyst.pivot.rows')}
          options={dimensionOptions}
          value={choice.rows}
          onChange={(event) => setChoice(pivotChoice(choice.measure, event.target.value, choice.columns))}
          error={errors.byParam.rows}
        />
        <SelectField
          id={PIVOT_FIELD_IDS.columns}
          name="pivotColumns"
          label={t('analyst.pivot.columns')}
          options={dimensionOptions.filter((option) => option.value !== choice.rows)}
          placeholder={t('analyst.pivot.noColumns')}
          value={choice.columns}
          onChange={(event) => setChoice(pivotChoice(choice.measure, choice.rows, event.target.value))}
          error={errors.byParam.columns}
        />
      </div>
      <p className="form-hint">{t('analyst.pivot.onlyValid')}</p>
      <button type="submit" className="button button--secondary">
        {t('analyst.pivot.submit')}
      </button>
    </form>
  );
}
