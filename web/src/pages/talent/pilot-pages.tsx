import type { ReactNode } from 'react';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SummaryList, type SummaryRow } from '../../components/summary-list.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatMoney, formatNumber } from '../../format.ts';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { formatDate } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';
import { countryName, Participants, type ParticipantView } from './pilot-participants.tsx';

interface ProjectView {
  id: string;
  code: string;
  name: string;
  leadOrganisation: string;
  partnerOrganisations: string[];
  countries: string[];
  occupations: Array<{ id: string; label: string }>;
  funders: string[];
  budgetEur: number | null;
  startedOn: string;
  endedOn: string | null;
  targetParticipants: number | null;
  targetPlaced: number | null;
  sourcedFigures: string[];
  results: Array<{ figure: string; value: number; asOf: string }>;
  /** The report's only: the partner organisation that runs the project. */
  operator?: { id: string; name: string } | null;
}
interface Bottleneck {
  stage: string;
  lost: number;
}
interface PilotSummary extends ProjectView {
  participants: number;
  passed: number;
  placed: number;
  bottleneck: Bottleneck | null;
  runByYou: boolean;
}
interface FunnelStep {
  stage: string;
  reached: number;
  stillHere: number;
  droppedHere: Record<string, number>;
}
interface PilotReport {
  pilot: ProjectView;
  participantCount: number;
  placed: number;
  funnel: FunnelStep[];
  bottleneck: Bottleneck | null;
  breakdown: Array<{
    year: number;
    country: string;
    educationVks: number;
    participants: number;
    placed: number;
  }>;
  spending: Array<{ year: number; funder: string; amountEur: number }>;
  spentEur: number;
  participants: ParticipantView[] | null;
}

/** `/talent/pilots`: the recruitment projects abroad and how far their participants got. */
export function PilotListPage() {
  const t = useT();
  usePageTitle(t('talent.pilots.title'));
  const { load } = useApiLoad<{ pilots: PilotSummary[] }>('/api/v1/talent/pilots', { perLanguage: true });
  return (
    <>
      <PageHeading>{t('talent.pilots.title')}</PageHeading>
      <p className="lead">{t('talent.pilots.lead')}</p>
      <AnalystLink page="talentPilotNew" label={t('talent.pilotForm.newLink')} />
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p role="alert">{load.error?.message ?? t('talent.loadFailed')}</p> : null}
      {load.status === 'ready' ? (
        <ul className="task-list">
          {load.data.pilots.map((pilot) => (
            <li key={pilot.id} className="task-list__item">
              <Link href={pagePath('talentPilot', { pilotId: pilot.id })}>{pilot.name}</Link>{' '}
              {pilot.runByYou ? <strong className="tag">{t('talent.pilots.yours')}</strong> : null}{' '}
              {pilot.leadOrganisation} · {pilot.countries.map(countryName).join(', ')} · {period(t, pilot)}
              <br />
              {pilot.participants === 0
                ? t('talent.pilots.noParticipants')
                : t('talent.pilots.progress', {
                    participants: formatNumber(currentLang(), pilot.participants),
                    passed: formatNumber(currentLang(), pilot.passed),
                    placed: formatNumber(currentLang(), pilot.placed),
                  })}
              {pilot.bottleneck ? ` ${bottleneckText(t, pilot.bottleneck)}` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

type Translate = ReturnType<typeof useT>;

function period(t: Translate, pilot: ProjectView): string {
  const lang = currentLang();
  return pilot.endedOn
    ? t('talent.pilots.period', {
        from: formatDate(lang, pilot.startedOn),
        to: formatDate(lang, pilot.endedOn),
      })
    : t('talent.pilots.since', { from: formatDate(lang, pilot.startedOn) });
}

function bottleneckText(t: Translate, bottleneck: Bottleneck): string {
  return t('talent.pilots.bottleneck', {
    stage: t(`talent.pilots.stage.${bottleneck.stage}` as MessageKey),
    count: formatNumber(currentLang(), bottleneck.lost),
  });
}

/** `/talent/pilots/:pilotId`: one project's report; its participants for the partner that runs it. */
export function PilotPage({ pilotId }: { pilotId: string }) {
  const t = useT();
  const { load, reload } = useApiLoad<PilotReport>(`/api/v1/talent/pilots/${pilotId}`, {
    perLanguage: true,
    // A recorded step reloads the report under the forms, which keep their state and message.
    keepWhileLoading: true,
  });
  usePageTitle(load.status === 'ready' ? load.data.pilot.name : t('talent.pilots.title'));
  if (load.status === 'loading') return <Loading />;
  if (load.status !== 'ready')
    return (
      <p role="alert">{load.status === 'failed' ? (load.error?.message ?? t('talent.loadFailed')) : null}</p>
    );
  const report = load.data;
  return (
    <>
      <p>
        <Link href={pagePath('talentPilots')}>{t('talent.pilots.back')}</Link>
      </p>
      <PageHeading>{report.pilot.name}</PageHeading>
      <AnalystLink page="talentPilotEdit" pilotId={pilotId} label={t('talent.pilotForm.editLink')} />
      <ProjectFacts pilot={report.pilot} spentEur={report.spentEur} />
      <p className="hint">{t('talent.pilots.figuresNote')}</p>
      <FunnelTable report={report} />
      <BreakdownTable report={report} />
      <SpendingTable report={report} />
      {report.participants ? (
        <Participants pilotId={pilotId} participants={report.participants} onChanged={reload} />
      ) : null}
    </>
  );
}

/** The analyst records and edits the projects (src/talent/pilots/pilot-admin.routes.ts). */
function AnalystLink({
  page,
  pilotId,
  label,
}: {
  page: 'talentPilotNew' | 'talentPilotEdit';
  pilotId?: string;
  label: string;
}) {
  const { state } = useSession();
  if (state.status !== 'ready' || state.user?.role !== 'ANALYST') return null;
  return (
    <p>
      <Link href={pilotId ? pagePath(page, { pilotId }) : pagePath(page)}>{label}</Link>
    </p>
  );
}

function ProjectFacts({ pilot, spentEur }: { pilot: ProjectView; spentEur: number }) {
  const t = useT();
  const lang = currentLang();
  const sourced = (figure: string, value: ReactNode): ReactNode => (
    <>
      {value}{' '}
      {pilot.sourcedFigures.includes(figure) ? null : (
        <span className="hint">({t('talent.pilots.demoValue')})</span>
      )}
    </>
  );
  const rows: SummaryRow[] = [
    { key: 'lead', label: t('talent.pilots.field.lead'), value: pilot.leadOrganisation },
    {
      key: 'operator',
      label: t('talent.pilots.field.operator'),
      value: pilot.operator?.name ?? t('talent.pilots.noOperator'),
    },
    {
      key: 'partners',
      label: t('talent.pilots.field.partners'),
      value: pilot.partnerOrganisations.join(', ') || '—',
    },
    {
      key: 'countries',
      label: t('talent.pilots.field.countries'),
      value: pilot.countries.map(countryName).join(', '),
    },
    {
      key: 'occupations',
      label: t('talent.pilots.field.occupations'),
      value: pilot.occupations.map((o) => o.label).join(', ') || '—',
    },
    { key: 'period', label: t('talent.pilots.field.period'), value: sourced('dates', period(t, pilot)) },
    { key: 'funders', label: t('talent.pilots.field.funders'), value: pilot.funders.join(', ') || '—' },
    {
      key: 'budget',
      label: t('talent.pilots.field.budget'),
      value:
        pilot.budgetEur === null
          ? t('talent.pilots.unknown')
          : sourced('budget', formatMoney(lang, pilot.budgetEur)),
    },
    { key: 'spent', label: t('talent.pilots.field.spent'), value: formatMoney(lang, spentEur) },
    {
      key: 'target',
      label: t('talent.pilots.field.target'),
      value:
        pilot.targetParticipants === null
          ? t('talent.pilots.unknown')
          : sourced('targetParticipants', formatNumber(lang, pilot.targetParticipants)),
    },
    {
      key: 'targetPlaced',
      label: t('talent.pilots.field.targetPlaced'),
      value:
        pilot.targetPlaced === null
          ? t('talent.pilots.unknown')
          : sourced('targetPlaced', formatNumber(lang, pilot.targetPlaced)),
    },
    ...pilot.results.map((result) => ({
      key: `result-${result.figure}`,
      label: t(`talent.pilotForm.figure.${result.figure}` as MessageKey),
      value: t('talent.pilotForm.resultOn', {
        value: formatNumber(lang, result.value),
        date: formatDate(lang, result.asOf),
      }),
    })),
  ];
  return <SummaryList rows={rows} />;
}

function FunnelTable({ report }: { report: PilotReport }) {
  const t = useT();
  const lang = currentLang();
  const caption = t('talent.pilots.funnelTitle');
  return (
    <>
      <h2>{caption}</h2>
      {report.bottleneck ? <p>{bottleneckText(t, report.bottleneck)}</p> : null}
      {report.participantCount === 0 ? (
        <p>{t('talent.pilots.noParticipants')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('talent.pilots.column.stage')}</th>
                <th scope="col">{t('talent.pilots.column.reached')}</th>
                <th scope="col">{t('talent.pilots.column.stillHere')}</th>
                <th scope="col">{t('talent.pilots.column.left')}</th>
              </tr>
            </thead>
            <tbody>
              {report.funnel.map((step) => (
                <tr key={step.stage}>
                  <th scope="row">{t(`talent.pilots.stage.${step.stage}` as MessageKey)}</th>
                  <td>{formatNumber(lang, step.reached)}</td>
                  <td>{formatNumber(lang, step.stillHere)}</td>
                  <td>
                    {Object.entries(step.droppedHere)
                      .map(
                        ([reason, count]) =>
                          `${t(`talent.pilots.reason.${reason}` as MessageKey)}: ${formatNumber(lang, count)}`,
                      )
                      .join('; ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function BreakdownTable({ report }: { report: PilotReport }) {
  const t = useT();
  const lang = currentLang();
  if (report.breakdown.length === 0) return null;
  const caption = t('talent.pilots.breakdownTitle');
  return (
    <>
      <h2>{caption}</h2>
      <TableScroll label={caption}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('talent.pilots.column.year')}</th>
              <th scope="col">{t('talent.pilots.column.country')}</th>
              <th scope="col">{t('talent.pilots.column.education')}</th>
              <th scope="col">{t('talent.pilots.column.participants')}</th>
              <th scope="col">{t('talent.pilots.column.placed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.breakdown.map((row) => (
              <tr key={`${row.year}-${row.country}-${row.educationVks}`}>
                <td>{row.year}</td>
                <td>{countryName(row.country)}</td>
                <td>{t('employer.options.vksLevel', { level: row.educationVks })}</td>
                <td>{formatNumber(lang, row.participants)}</td>
                <td>{formatNumber(lang, row.placed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function SpendingTable({ report }: { report: PilotReport }) {
  const t = useT();
  const lang = currentLang();
  const caption = t('talent.pilots.spendingTitle');
  return (
    <>
      <h2>{caption}</h2>
      {report.spending.length === 0 ? (
        <p>{t('talent.pilots.noSpending')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('talent.pilots.column.year')}</th>
                <th scope="col">{t('talent.pilots.column.funder')}</th>
                <th scope="col">{t('talent.pilots.column.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.spending.map((row) => (
                <tr key={`${row.year}-${row.funder}`}>
                  <td>{row.year}</td>
                  <td>{row.funder}</td>
                  <td>
                    {formatMoney(lang, row.amountEur)}
                    {report.pilot.sourcedFigures.includes('spending') ? null : (
                      <span className="hint"> ({t('talent.pilots.demoValue')})</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
