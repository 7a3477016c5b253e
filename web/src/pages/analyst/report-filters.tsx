import type { FormEvent } from 'react';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { currentLang, useT } from '../../i18n.ts';
import type { FormErrors } from './stats-errors.ts';
import {
  CATEGORIES,
  dimensionName,
  PROVINCES,
  type StatsQuery,
  valueLabel,
  writeStatsQuery,
} from './stats-format.ts';
import type { DimensionId } from './stats-types.ts';
import { navigateQuery } from './use-stats-load.ts';

/** Where the error summary links to for each query parameter of a report. */
export const FILTER_FIELD_IDS = {
  from: 'stats-from',
  to: 'stats-to',
  categories: 'stats-categories',
  provinces: 'stats-provinces',
  by: 'stats-by',
} as const satisfies Record<string, string>;

interface ReportFiltersProps {
  /** The page the form reloads, e.g. `/analyst/reports/q2`. */
  action: string;
  query: StatsQuery;
  /** The years the report shows now (the server's default when the URL gives none). */
  years: readonly [number, number] | null;
  /** The years with figures (the server's list); a year asked in the URL outside it is kept. */
  yearChoices: readonly number[];
  byChoices: readonly DimensionId[] | undefined;
  /** False where the report cannot take a category (inspections concern an employer). */
  hasCategoryFilter: boolean;
  /**
   * Open data: one category and one province at most (decision 026; the server answers a second
   * one with a 400), so the form offers a single choice each and says why.
   */
  isOneValueEach: boolean;
  errors: FormErrors;
}

/**
 * The filters as a GET form: its values live in the URL, so a table can be bookmarked and sent
 * around. Categories and provinces left all unticked mean "all"; on open data each is one choice
 * from a list whose first entry is "all".
 */
export function ReportFilters({
  action,
  query,
  years,
  yearChoices,
  byChoices,
  hasCategoryFilter,
  isOneValueEach,
  errors,
}: ReportFiltersProps) {
  const t = useT();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const next: StatsQuery = {
      ...query,
      from: text('from'),
      to: text('to'),
      categories: form.getAll('categories').map(String).filter(Boolean),
      provinces: form.getAll('provinces').map(String).filter(Boolean),
      by: text('by'),
    };
    navigateQuery(`${action}?${writeStatsQuery(next)}`);
  }

  const offered = yearChoices.length > 0 ? yearChoices.map(String) : [String(new Date().getFullYear())];
  const shown = [...(years ?? []).map(String), query.from, query.to].filter((y) => /^\d{4}$/.test(y));
  const choices = [...new Set([...offered, ...shown])].sort();
  const yearOptions = choices.map((year) => ({ value: year, label: year }));
  return (
    <section aria-labelledby="stats-filters-title" className="stats-filters">
      <h2 id="stats-filters-title">{t('analyst.filters.title')}</h2>
      <form method="get" action={action} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="pivotRows" value={query.pivotRows} />
        <input type="hidden" name="pivotColumns" value={query.pivotColumns} />
        <input type="hidden" name="pivotMeasure" value={query.pivotMeasure} />
        <div className="stats-filter-row">
          <SelectField
            id={FILTER_FIELD_IDS.from}
            name="from"
            label={t('analyst.filters.from')}
            options={yearOptions}
            defaultValue={query.from || String(years?.[0] ?? choices[0])}
            error={errors.byParam.from}
          />
          <SelectField
            id={FILTER_FIELD_IDS.to}
            name="to"
            label={t('analyst.filters.to')}
            options={yearOptions}
            defaultValue={query.to || String(years?.[1] ?? choices[choices.length - 1])}
            error={errors.byParam.to}
          />
          {byChoices && byChoices.length > 0 ? (
            <SelectField
              id={FILTER_FIELD_IDS.by}
              name="by"
              label={t('analyst.filters.by')}
              options={byChoices.map((dimension) => ({
                value: dimension,
                label: dimensionName(t, dimension),
              }))}
              defaultValue={query.by || byChoices[0]}
              error={errors.byParam.by}
            />
          ) : null}
        </div>
        {isOneValueEach ? (
          <>
            <p className="form-hint">{t('analyst.filters.oneValue')}</p>
            <div className="stats-filter-row">
              {hasCategoryFilter ? (
                <OneValueField
                  id={FILTER_FIELD_IDS.categories}
                  name="categories"
                  label={t('analyst.filters.category')}
                  dimension="category"
                  values={CATEGORIES}
                  all={t('analyst.filters.allCategories')}
                  chosen={query.categories}
                  error={errors.byParam.categories}
                />
              ) : null}
              <OneValueField
                id={FILTER_FIELD_IDS.provinces}
                name="provinces"
                label={t('analyst.filters.province')}
                dimension="province"
                values={[...PROVINCES, 'UNKNOWN']}
                all={t('analyst.filters.allProvinces')}
                chosen={query.provinces}
                error={errors.byParam.provinces}
              />
            </div>
          </>
        ) : (
          <>
            {hasCategoryFilter ? (
              <CheckboxGroup
                id={FILTER_FIELD_IDS.categories}
                name="categories"
                legend={t('analyst.filters.categories')}
                dimension="category"
                values={CATEGORIES}
                checked={query.categories}
                error={errors.byParam.categories}
              />
            ) : null}
            <CheckboxGroup
              id={FILTER_FIELD_IDS.provinces}
              name="provinces"
              legend={t('analyst.filters.provinces')}
              dimension="province"
              values={[...PROVINCES, 'UNKNOWN']}
              checked={query.provinces}
              error={errors.byParam.provinces}
            />
          </>
        )}
        <button type="submit" className="button">
          {t('analyst.filters.apply')}
        </button>
      </form>
    </section>
  );
}

interface CheckboxGroupProps {
  /** The id of the first checkbox: the error summary links there. */
  id: string;
  name: string;
  legend: string;
  dimension: DimensionId;
  values: readonly string[];
  checked: readonly string[];
  error: string | undefined;
}

function CheckboxGroup({ id, name, legend, dimension, values, checked, error }: CheckboxGroupProps) {
  const t = useT();
  const lang = currentLang();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="stats-fieldset" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
        <legend className="label">{legend}</legend>
        <p id={hintId} className="form-hint">
          {t('analyst.filters.noneMeansAll')}
        </p>
        <FieldErrorMessage id={errorId} message={error} />
        <div className="stats-checkboxes">
          {values.map((value, index) => {
            const checkboxId = index === 0 ? id : `${id}-${value}`;
            return (
              <div key={value} className="stats-checkbox">
                <input
                  id={checkboxId}
                  type="checkbox"
                  name={name}
                  value={value}
                  defaultChecked={checked.includes(value)}
                />
                <label htmlFor={checkboxId}>{valueLabel(t, lang, dimension, value)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface OneValueFieldProps {
  id: string;
  name: string;
  label: string;
  dimension: DimensionId;
  values: readonly string[];
  /** The first entry, chosen when the URL names none: every value. */
  all: string;
  /** The values in the URL; a bookmark with more than one keeps the first. */
  chosen: readonly string[];
  error: string | undefined;
}

/** One value of a dimension or all of them: a select, so a second value cannot be asked. */
function OneValueField({ id, name, label, dimension, values, all, chosen, error }: OneValueFieldProps) {
  const t = useT();
  const lang = currentLang();
  return (
    <SelectField
      id={id}
      name={name}
      label={label}
      placeholder={all}
      options={values.map((value) => ({ value, label: valueLabel(t, lang, dimension, value) }))}
      defaultValue={chosen[0] ?? ''}
      error={error}
    />
  );
}
