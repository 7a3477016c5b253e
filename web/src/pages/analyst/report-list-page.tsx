import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { Loading } from '../role-home-page.tsx';
import { StatsLoadFailed } from './stats-status.tsx';
import type { ReportList, StatsSource } from './stats-types.ts';
import { useStatsLoad } from './use-stats-load.ts';

/**
 * `/analyst` and `/open-data`: the ready-made reports, each with the question it answers (quoted
 * in Dutch, as asked in parliament).
 */
export function ReportListPage({ source, title }: { source: StatsSource; title: string }) {
  const t = useT();
  usePageTitle(title);
  const load = useStatsLoad<ReportList>(`${source.apiPath}/reports`);
  const isOpenData = source.kind === 'open-data';

  if (load.status === 'failed') return <StatsLoadFailed error={load.error} />;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{isOpenData ? t('analyst.openData.intro') : t('analyst.home.intro')}</p>
      {isOpenData ? <SuppressionLegend /> : null}
      <section aria-labelledby="stats-reports-title">
        <h2 id="stats-reports-title">{t('analyst.home.reportsTitle')}</h2>
        {load.status === 'ready' ? (
          <ul className="stats-report-list">
            {load.data.reports.map((report) => (
              <li key={report.id} className="stats-report-list__item">
                <Link href={`${source.pagePath}/reports/${encodeURIComponent(report.id)}`}>
                  {report.title[currentLang()]}
                </Link>
                <p className="stats-question">
                  <span className="stats-question__label">{t('analyst.home.question')} </span>
                  <q>{report.description[currentLang()]}</q>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <Loading />
        )}
      </section>
      {isOpenData ? null : (
        <p>
          <Link href={pagePath('analystEvaluation')}>{t('analyst.evaluation.link')}</Link>
          <br />
          <Link href="/open-data">{t('analyst.home.openDataLink')}</Link>
          <br />
          <Link href={pagePath('talentPilots')}>{t('talent.pilots.link')}</Link>
          <br />
          <Link href={pagePath('talentPilotNew')}>{t('talent.pilotForm.newLink')}</Link>
          <br />
          <Link href={pagePath('talentCare')}>{t('talent.care.link')}</Link>
          <br />
          <Link href={pagePath('inspectionStatistics')}>{t('inspector.statistics.link')}</Link>
          <br />
          <Link href={pagePath('ruleSimulation')}>{t('governance.simulation.title')}</Link>
        </p>
      )}
    </>
  );
}

/** How open-data figures are protected: what an "x" means, the fixed offsets, totals that need not add up. */
export function SuppressionLegend() {
  const t = useT();
  return (
    <div className="stats-legend" id="stats-suppression-legend">
      <p>
        <span className="stats-suppressed">{t('analyst.suppression.mark')}</span>{' '}
        {t('analyst.suppression.legend')}
      </p>
      <p>{t('analyst.suppression.secondary')}</p>
      <p>{t('analyst.suppression.totals')}</p>
    </div>
  );
}
