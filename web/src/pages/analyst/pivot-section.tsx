import type { FormEvent } from 'react';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Loading } from '../role-home-page.tsx';
import { DownloadLinks } from './download-links.tsx';
import { toFormErrors } from './stats-errors.ts';
import {
  dimensionName,
  measureName,
  PIVOT_DIMENSIONS,
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
 * Any measure by any one or two dimensions, with the report's filters (years, categories,
 * provinces): a GET form whose choice lives in the URL next to the filters.
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

  const dimensionOptions = PIVOT_DIMENSIONS.map((d) => ({ value: d, label: dimensionName(t, d) }));
  return (
    <section aria-labelledby="stats-pivot-title" className="stats-section">
      <h2 id="stats-pivot-title">{t('analyst.pivot.title')}</h2>
      <p>{t('analyst.pivot.intro')}</p>
      <ErrorSummary items={errors.summary} />
      <form method="get" action={action} onSubmit={onSubmit} noValidate key={moves}>
        <div className="stats-filter-row">
          <SelectField
            id={PIVOT_FIELD_IDS.rows}
            name="pivotRows"
            label={t('analyst.pivot.rows')}
            options={dimensionOptions}
            defaultValue={query.pivotRows || 'year'}
            error={errors.byParam.rows}
          />
          <SelectField
            id={PIVOT_FIELD_IDS.columns}
            name="pivotColumns"
            label={t('analyst.pivot.columns')}
            options={dimensionOptions}
            placeholder={t('analyst.pivot.noColumns')}
            defaultValue={query.pivotColumns}
            error={errors.byParam.columns}
          />
          <SelectField
            id={PIVOT_FIELD_IDS.measure}
            name="pivotMeasure"
            label={t('analyst.pivot.measure')}
            options={PIVOT_MEASURES.map((m) => ({ value: m, label: measureName(t, m) }))}
            defaultValue={query.pivotMeasure || 'applications'}
            error={errors.byParam.measure}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('analyst.pivot.submit')}
        </button>
      </form>
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
