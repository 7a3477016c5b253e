import type { FormEvent } from 'react';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { Loading } from '../role-home-page.tsx';
import { StatsLoadFailed } from './stats-status.tsx';
import { navigateQuery, useSearch, useStatsLoad } from './use-stats-load.ts';
import { WageConformitySection } from './wage-conformity-section.tsx';

/** What `GET /api/v1/stats/evaluation/measures` answers (src/stats/evaluation/measure-effects.ts). */
interface WindowFigures {
  from: string;
  to: string;
  filed: number;
  decided: number;
  granted: number;
  refused: number;
  withdrawn: number;
  pending: number;
  grantShare: number | null;
  refusalShare: number | null;
  leadMedianDays: number | null;
  leadP90Days: number | null;
  withinDeadlineShare: number | null;
}
interface MeasureEffect {
  id: string;
  on: string;
  label: Record<string, string>;
  categories: string[];
  before: WindowFigures;
  after: WindowFigures;
  difference: {
    filed: number;
    grantSharePoints: number | null;
    refusalSharePoints: number | null;
    withinDeadlineSharePoints: number | null;
    leadMedianDays: number | null;
    leadP90Days: number | null;
  };
  isAfterComplete: boolean;
}
interface MeasureEffectsReport {
  months: number;
  years: [number, number];
  measures: MeasureEffect[];
}

const MONTH_CHOICES = [3, 6, 12] as const;

type Row = {
  key:
    | 'filed'
    | 'decided'
    | 'grantShare'
    | 'refusalShare'
    | 'leadMedianDays'
    | 'leadP90Days'
    | 'withinDeadlineShare';
  kind: 'count' | 'share' | 'days';
  difference: keyof MeasureEffect['difference'];
};
const ROWS: readonly Row[] = [
  { key: 'filed', kind: 'count', difference: 'filed' },
  { key: 'decided', kind: 'count', difference: 'filed' },
  { key: 'grantShare', kind: 'share', difference: 'grantSharePoints' },
  { key: 'refusalShare', kind: 'share', difference: 'refusalSharePoints' },
  { key: 'leadMedianDays', kind: 'days', difference: 'leadMedianDays' },
  { key: 'leadP90Days', kind: 'days', difference: 'leadP90Days' },
  { key: 'withinDeadlineShare', kind: 'share', difference: 'withinDeadlineSharePoints' },
];

function format(value: number | null, kind: Row['kind'] | 'points'): string {
  if (value === null) return '—';
  const lang = currentLang();
  if (kind === 'share')
    return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const text = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  return kind === 'points' && value > 0 ? `+${text}` : text;
}

function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLang(), { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00Z`),
  );
}

function MeasureSection({ measure }: { measure: MeasureEffect }) {
  const t = useT();
  const lang = currentLang();
  const headingId = `measure-${measure.id.replace(/[^A-Za-z0-9]/g, '-')}`;
  const caption = t('analyst.evaluation.caption', { date: formatDate(measure.on) });
  const categories = measure.categories.map((c) => t(`categories.${c}` as MessageKey)).join(', ');
  return (
    <section aria-labelledby={headingId} className="stats-evaluation stats-evaluation--measure">
      <h2 id={headingId}>
        {formatDate(measure.on)}: {measure.label[lang]}
      </h2>
      <p>
        <span className="stats-question__label">{t('analyst.evaluation.categories')} </span>
        {categories}
      </p>
      <TableScroll label={caption}>
        <table className="table stats-table">
          <caption className="stats-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analyst.evaluation.figure')}</th>
              <th scope="col" className="numeric">
                {t('analyst.evaluation.before', {
                  from: formatDate(measure.before.from),
                  to: formatDate(measure.before.to),
                })}
              </th>
              <th scope="col" className="numeric">
                {t('analyst.evaluation.after', {
                  from: formatDate(measure.after.from),
                  to: formatDate(measure.after.to),
                })}
              </th>
              <th scope="col" className="numeric">
                {t('analyst.evaluation.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(`analyst.evaluation.rows.${row.key}`)}</th>
                <td className="numeric">{format(measure.before[row.key], row.kind)}</td>
                <td className="numeric">{format(measure.after[row.key], row.kind)}</td>
                <td className="numeric">
                  {row.key === 'decided'
                    ? format(measure.after.decided - measure.before.decided, 'points')
                    : format(measure.difference[row.difference], 'points')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {measure.isAfterComplete ? null : <p className="stats-note">{t('analyst.evaluation.incomplete')}</p>}
    </section>
  );
}

/**
 * `/analyst/evaluation`: each dated measure of the rules with the dossiers of the categories it
 * affects filed in equal windows before and after its date (policy note 002 §2.10).
 */
export function MeasureEffectsPage() {
  const t = useT();
  usePageTitle(t('analyst.evaluation.title'));
  const search = useSearch();
  const load = useStatsLoad<MeasureEffectsReport>(`/api/v1/stats/evaluation/measures${search}`);
  const months = new URLSearchParams(search).get('months') ?? '6';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get('months');
    navigateQuery(`${pagePath('analystEvaluation')}?months=${encodeURIComponent(String(chosen))}`);
  };
  if (load.status === 'failed') return <StatsLoadFailed error={load.error} />;
  return (
    <>
      <PageHeading>{t('analyst.evaluation.title')}</PageHeading>
      <p className="lead">{t('analyst.evaluation.intro')}</p>
      <p>{t('analyst.evaluation.definitions')}</p>
      <form onSubmit={onSubmit} className="stats-filters">
        <SelectField
          id="evaluation-months"
          name="months"
          label={t('analyst.evaluation.months')}
          defaultValue={months}
          options={MONTH_CHOICES.map((n) => ({
            value: String(n),
            label: t('analyst.evaluation.monthsValue', { count: n }),
          }))}
        />
        <button type="submit" className="button">
          {t('analyst.evaluation.show')}
        </button>
      </form>
      {load.status === 'ready' ? (
        load.data.measures.length === 0 ? (
          <p>{t('analyst.evaluation.none')}</p>
        ) : (
          load.data.measures.map((measure) => <MeasureSection key={measure.id} measure={measure} />)
        )
      ) : (
        <Loading />
      )}
      <WageConformitySection />
      <p>
        <Link href={pagePath('analystReports')}>{t('analyst.evaluation.back')}</Link>
      </p>
    </>
  );
}
