import { useState } from 'react';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { PeriodForm } from '../../components/period-form.tsx';
import { SummaryList } from '../../components/summary-list.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { describeLoadError } from '../../field-names.ts';
import { formatMoney, formatNumber } from '../../format.ts';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import { formatDate, todayInBrussels } from '../staff/staff-format.ts';

const FINDING_TYPES = ['WAGES', 'WORKING_TIME', 'HOUSING', 'DOCUMENTS', 'EXPLOITATION'] as const;
type FindingType = (typeof FINDING_TYPES)[number];

interface InspectionFigures {
  inspections: number;
  findings: Record<FindingType, number>;
  finesProposed: number;
  finesProposedEuro: number;
  withdrawalOutcomes: number;
  referrals: number;
}
interface FullFigures extends InspectionFigures {
  withdrawalsProposed: number;
  withdrawalsRevoked: number;
  withdrawalsDismissed: number;
}
interface InspectionStatistics {
  from: string;
  to: string;
  figures: {
    total: FullFigures;
    byOrigin: Array<{ origin: 'SIGNAL' | 'REPORT' | 'OTHER' } & InspectionFigures>;
    byProvince: Array<{ province: string } & FullFigures>;
    bySector: Array<{ naceDivision: string | null } & FullFigures>;
  };
}

/** A year back from today, as the API's default period. */
function defaultPeriod(): { from: string; to: string } {
  const to = todayInBrussels();
  return { from: `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, to };
}

/**
 * `/inspection-statistics` (issue 14, the policy note's "ex-post controledynamiek"): for the
 * inspectors, the supervisor and the analysts, the inspections of a period with their origin (a register signal, a
 * desk report, something else), findings by type, fines and the withdrawals that followed, per
 * origin, province and sector. Internal figures, unsuppressed; the server logs each read.
 */
export function InspectionStatisticsPage() {
  const t = useT();
  usePageTitle(t('inspector.statistics.title'));
  const [period, setPeriod] = useState(defaultPeriod);
  const { load } = useApiLoad<InspectionStatistics>(
    `/api/v1/enforcement/inspection-statistics?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`,
    { perLanguage: true },
  );

  return (
    <>
      <PageHeading>{t('inspector.statistics.title')}</PageHeading>
      <p className="lead">{t('inspector.statistics.lead')}</p>
      <p className="staff-hint">{t('inspector.statistics.internal')}</p>
      <PeriodForm
        idPrefix="inspection-statistics"
        labels={{
          from: t('inspector.statistics.from'),
          to: t('inspector.statistics.to'),
          submit: t('inspector.statistics.show'),
        }}
        period={period}
        onSubmit={setPeriod}
      />
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? (
        <p className="field-error" role="alert">
          {describeLoadError(load.error, t('inspector.statistics.failed'))}
        </p>
      ) : null}
      {load.status === 'ready' ? <Figures data={load.data} /> : null}
    </>
  );
}

function Figures({ data }: { data: InspectionStatistics }) {
  const t = useT();
  const lang = currentLang();
  const { total, byOrigin, byProvince, bySector } = data.figures;
  const period = { from: formatDate(data.from), to: formatDate(data.to) };
  const count = (n: number) => formatNumber(lang, n);
  if (
    total.inspections === 0 &&
    total.withdrawalsProposed + total.withdrawalsRevoked + total.withdrawalsDismissed === 0
  )
    return <p data-testid="inspection-statistics-empty">{t('inspector.statistics.empty', period)}</p>;
  const origin = (code: string) => t(`analyst.inspectionOrigins.${code}` as MessageKey);
  const place = (code: string) =>
    code === 'UNKNOWN' ? t('analyst.values.unknown') : t(`analyst.places.${code}` as MessageKey);
  const sector = (code: string | null) =>
    code === null ? t('analyst.values.unknown') : t('inspector.workList.naceCode', { code });
  return (
    <>
      <h2>{t('inspector.statistics.summaryTitle', period)}</h2>
      <SummaryList
        rows={[
          {
            key: 'inspections',
            label: t('inspector.statistics.measures.inspections'),
            value: count(total.inspections),
          },
          ...byOrigin.map((row) => ({
            key: row.origin,
            label: t('inspector.statistics.fromOrigin', { origin: origin(row.origin) }),
            value: count(row.inspections),
          })),
          {
            key: 'fines',
            label: t('inspector.statistics.measures.finesProposed'),
            value: t('inspector.statistics.finesValue', {
              count: count(total.finesProposed),
              amount: formatMoney(lang, total.finesProposedEuro),
            }),
          },
          {
            key: 'withdrawals',
            label: t('inspector.statistics.withdrawalsLabel'),
            value: t('inspector.statistics.withdrawalsValue', {
              atInspection: count(total.withdrawalOutcomes),
              proposed: count(total.withdrawalsProposed),
              revoked: count(total.withdrawalsRevoked),
              dismissed: count(total.withdrawalsDismissed),
            }),
          },
          {
            key: 'referrals',
            label: t('inspector.statistics.measures.referrals'),
            value: count(total.referrals),
          },
        ]}
      />
      <Breakdown
        id="origin"
        title={t('inspector.statistics.byOrigin')}
        head={t('inspector.statistics.origin')}
        rows={byOrigin.map((row) => ({ key: row.origin, label: origin(row.origin), figures: row }))}
      />
      <Breakdown
        id="province"
        title={t('inspector.statistics.byProvince')}
        head={t('inspector.statistics.province')}
        rows={byProvince.map((row) => ({ key: row.province, label: place(row.province), figures: row }))}
      />
      <Breakdown
        id="sector"
        title={t('inspector.statistics.bySector')}
        head={t('inspector.statistics.sector')}
        rows={bySector.map((row) => ({
          key: row.naceDivision ?? 'UNKNOWN',
          label: sector(row.naceDivision),
          figures: row,
        }))}
      />
      <p className="staff-hint">{t('inspector.statistics.notes')}</p>
    </>
  );
}

/**
 * One breakdown in two tables, so each fits a laptop without scrolling (and scrolls inside its box
 * on a phone): the inspections with their findings, then the fines and withdrawals.
 */
function Breakdown({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string;
  rows: Array<{ key: string; label: string; figures: InspectionFigures | FullFigures }>;
}) {
  const t = useT();
  const lang = currentLang();
  const count = (n: number) => formatNumber(lang, n);
  const withProcedure = rows.some((row) => 'withdrawalsProposed' in row.figures);
  const findingsCaption = t('inspector.statistics.findingsCaption', { breakdown: title });
  const outcomesCaption = t('inspector.statistics.outcomesCaption', { breakdown: title });
  const numeric = (key: MessageKey) => (
    <th scope="col" className="numeric">
      {t(key)}
    </th>
  );
  return (
    <section aria-labelledby={`inspection-statistics-${id}`} data-testid={`inspection-statistics-${id}`}>
      <h2 id={`inspection-statistics-${id}`}>{title}</h2>
      <TableScroll label={findingsCaption}>
        <table className="table">
          <caption className="staff-caption">{findingsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              {numeric('inspector.statistics.measures.inspections')}
              {FINDING_TYPES.map((type) => (
                <th key={type} scope="col" className="numeric">
                  {t(`inspector.findingTypes.${type}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{count(row.figures.inspections)}</td>
                {FINDING_TYPES.map((type) => (
                  <td key={type} className="numeric">
                    {count(row.figures.findings[type])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll label={outcomesCaption}>
        <table className="table">
          <caption className="staff-caption">{outcomesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              {numeric('inspector.statistics.measures.finesProposed')}
              {numeric('inspector.statistics.measures.finesProposedEuro')}
              {numeric('inspector.statistics.measures.withdrawalOutcomes')}
              {withProcedure ? (
                <>
                  {numeric('inspector.statistics.measures.withdrawalsProposed')}
                  {numeric('inspector.statistics.measures.withdrawalsRevoked')}
                  {numeric('inspector.statistics.measures.withdrawalsDismissed')}
                </>
              ) : null}
              {numeric('inspector.statistics.measures.referrals')}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, label, figures }) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td className="numeric">{count(figures.finesProposed)}</td>
                <td className="numeric">{formatMoney(lang, figures.finesProposedEuro)}</td>
                <td className="numeric">{count(figures.withdrawalOutcomes)}</td>
                {'withdrawalsProposed' in figures ? (
                  <>
                    <td className="numeric">{count(figures.withdrawalsProposed)}</td>
                    <td className="numeric">{count(figures.withdrawalsRevoked)}</td>
                    <td className="numeric">{count(figures.withdrawalsDismissed)}</td>
                  </>
                ) : null}
                <td className="numeric">{count(figures.referrals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
