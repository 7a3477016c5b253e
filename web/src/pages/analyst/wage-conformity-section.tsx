import { TableScroll } from '../../components/table-scroll.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { Loading } from '../role-home-page.tsx';
import { StatsLoadFailed } from './stats-status.tsx';
import { useStatsLoad } from './use-stats-load.ts';

/** What `GET /api/v1/stats/evaluation/wage-conformity` answers (src/stats/evaluation/wage-conformity.repo.ts). */
interface WageConformityReport {
  readOn: string | null;
  quantiles: number[];
  rows: {
    category: string;
    year: number;
    authorisations: number;
    values: number[] | null;
    belowShare: number | null;
  }[];
}

function number(value: number | null | undefined, style: 'ratio' | 'percent' = 'ratio'): string {
  if (value === null || value === undefined) return '—';
  return style === 'percent'
    ? new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 1 }).format(value)
    : new Intl.NumberFormat(currentLang(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        value,
      );
}

/**
 * Market conformity of the salary thresholds (policy note 002 §2.10 a): per category and year of
 * grant, the wage declared in DmfA per hour ÷ the threshold per hour, as the latest monitoring run
 * found it; quantiles only for groups of at least 5.
 */
export function WageConformitySection() {
  const t = useT();
  const load = useStatsLoad<WageConformityReport>('/api/v1/stats/evaluation/wage-conformity');
  const caption = t('analyst.evaluation.wages.caption');
  return (
    <section aria-labelledby="wage-conformity-title" className="stats-evaluation">
      <h2 id="wage-conformity-title">{t('analyst.evaluation.wages.title')}</h2>
      <p>{t('analyst.evaluation.wages.definitions')}</p>
      {load.status === 'failed' ? <StatsLoadFailed error={load.error} /> : null}
      {load.status === 'ready' && load.data.readOn === null ? (
        <p>{t('analyst.evaluation.wages.noRun')}</p>
      ) : null}
      {load.status === 'ready' && load.data.readOn !== null ? (
        <>
          <p>
            {t('analyst.evaluation.wages.readOn', {
              date: new Intl.DateTimeFormat(currentLang(), { dateStyle: 'long' }).format(
                new Date(`${load.data.readOn}T12:00:00Z`),
              ),
            })}
          </p>
          {load.data.rows.length === 0 ? (
            <p>{t('analyst.evaluation.wages.empty')}</p>
          ) : (
            <TableScroll label={caption}>
              <table className="table stats-table">
                <caption className="stats-caption">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('analyst.evaluation.wages.category')}</th>
                    <th scope="col" className="numeric">
                      {t('analyst.evaluation.wages.authorisations')}
                    </th>
                    {load.data.quantiles.map((q) => (
                      <th scope="col" className="numeric" key={q}>
                        {t('analyst.evaluation.wages.percentile', { p: Math.round(q * 100) })}
                      </th>
                    ))}
                    <th scope="col" className="numeric">
                      {t('analyst.evaluation.wages.below')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {load.data.rows.map((row) => (
                    <tr key={`${row.category}-${row.year}`}>
                      <th scope="row">
                        {t(`categories.${row.category}` as MessageKey)} {row.year}
                      </th>
                      <td className="numeric">{row.authorisations}</td>
                      {load.data.quantiles.map((q, i) => (
                        <td className="numeric" key={q}>
                          {number(row.values?.[i])}
                        </td>
                      ))}
                      <td className="numeric">{number(row.belowShare, 'percent')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ) : null}
      {load.status === 'loading' ? <Loading /> : null}
    </section>
  );
}
