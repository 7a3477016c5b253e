import { useEffect, useRef, useState } from 'react';
import { ApiError, type SessionUser } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { PeriodForm } from '../../components/period-form.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { describeLoadError } from '../../field-names.ts';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import { Section } from './components/dossier-sections.tsx';
import { StatusMessage } from './components/staff-status.tsx';
import { formatDate, labelOf, todayInBrussels, toPercent } from './staff-format.ts';
import type { LeadTimes, QueuePage, StaffNotification, Workload } from './staff-types.ts';
import { useStaffLoad } from './use-staff-load.ts';

/** `/supervisor`: the team's workload, what needs the supervisor (notifications) and lead times. */
export function SupervisorHomePage({ user }: { user: SessionUser }) {
  const t = useT();
  usePageTitle(t('staff.supervisor.title'));
  return (
    <>
      <PageHeading>{t('staff.supervisor.title')}</PageHeading>
      <p className="lead">{t('staff.supervisor.welcome', { name: user.displayName })}</p>
      <p>
        <Link className="button" href="/supervisor/queue">
          {t('staff.supervisor.queueLink')}
        </Link>
      </p>
      <p>
        <Link href={pagePath('talentCare')}>{t('talent.care.link')}</Link>
        <br />
        <Link href={pagePath('talentVacancyImports')}>{t('talent.imports.link')}</Link>
        <br />
        <Link href={pagePath('inspectionStatistics')}>{t('inspector.statistics.link')}</Link>
      </p>
      <WaitingSummary />
      <NotificationsSection />
      <WorkloadSection />
      <LeadTimesSection />
    </>
  );
}

const APPEALS_QUERY = 'scope=all&status=APPEALED';

/**
 * What waits for the supervisor, counted, each with the way to it: appeals to decide (only a
 * supervisor decides them) and unread notifications.
 */
function WaitingSummary() {
  const t = useT();
  const appeals = useStaffLoad<QueuePage>(`/api/v1/queue?${APPEALS_QUERY}`).load;
  const notes = useStaffLoad<{ notifications: StaffNotification[] }>('/api/v1/staff/notifications').load;
  if (appeals.status !== 'ready' && notes.status !== 'ready') return null;
  return (
    <ul className="list list--bullet" data-testid="supervisor-waiting">
      {appeals.status === 'ready' ? (
        <li>
          <Link href={`/supervisor/queue?${APPEALS_QUERY}`}>
            {t('staff.supervisor.waiting.appeals', { count: appeals.data.total })}
          </Link>
        </li>
      ) : null}
      {notes.status === 'ready' ? (
        <li>
          <a href="#notifications-title">
            {t('staff.supervisor.waiting.notifications', { count: notes.data.notifications.length })}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

function WorkloadSection() {
  const t = useT();
  const { load } = useStaffLoad<Workload>('/api/v1/supervision/workload');
  return (
    <Section id="workload" title={t('staff.supervisor.workload.title')}>
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p>{load.error?.message ?? t('staff.common.network')}</p> : null}
      {load.status === 'ready' ? (
        <>
          <TableScroll label={t('staff.supervisor.workload.caption')}>
            <table className="table">
              <caption className="staff-caption">{t('staff.supervisor.workload.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.supervisor.workload.name')}</th>
                  <th scope="col">{t('staff.supervisor.workload.role')}</th>
                  <th scope="col" className="numeric">
                    {t('staff.supervisor.workload.open')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('staff.supervisor.workload.atRisk')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('staff.supervisor.workload.overdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {load.data.caseHandlers.map((row) => (
                  <tr key={row.userId}>
                    <th scope="row">{row.displayName}</th>
                    <td>{labelOf(t, 'actors', row.role)}</td>
                    <td className="numeric">{row.open}</td>
                    <td className="numeric">{row.atRisk}</td>
                    <td className="numeric">{row.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p>{t('staff.supervisor.workload.unassigned', { count: load.data.unassigned })}</p>
        </>
      ) : null}
    </Section>
  );
}

/**
 * Unread notifications of the supervisors, each with a link to its dossier and a button to mark it
 * read (`POST /staff/notifications/:id/read`, 204); a read one leaves the list at once.
 */
function NotificationsSection() {
  const t = useT();
  const { api } = useSession();
  const { load } = useStaffLoad<{ notifications: StaffNotification[] }>('/api/v1/staff/notifications');
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState('');
  // The button pressed leaves with its notification: the focus goes to the next one (or to the
  // "no notifications" line), not back to the top of the page.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const unread = load.status === 'ready' ? load.data.notifications.filter((n) => !readIds.has(n.id)) : [];

  useEffect(() => {
    if (focusIndex === null) return;
    const buttons = listRef.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(focusIndex, buttons.length - 1)];
    (next ?? emptyRef.current)?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  async function markRead(note: StaffNotification, item: string, index: number) {
    setMessage('');
    setFailure('');
    try {
      await api.call<void>('POST', `/api/v1/staff/notifications/${note.id}/read`);
      setReadIds((current) => new Set(current).add(note.id));
      setFocusIndex(index);
      setMessage(t('staff.supervisor.notifications.marked', { item }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('staff.common.network'));
    }
  }

  return (
    <Section id="notifications" title={t('staff.supervisor.notifications.title')}>
      <StatusMessage message={message} />
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p>{load.error?.message ?? t('staff.common.network')}</p> : null}
      {load.status === 'ready' && unread.length === 0 ? (
        <p ref={emptyRef} tabIndex={-1}>
          {t('staff.supervisor.notifications.empty')}
        </p>
      ) : null}
      {unread.length > 0 ? (
        <ul ref={listRef} className="staff-notifications">
          {unread.map((note, index) => {
            const number = note.dossierNumber ?? note.dossierId;
            const item = t('staff.supervisor.notifications.item', {
              kind: labelOf(t, 'notificationKinds', note.kind),
              number,
              date: formatDate(note.createdOn),
            });
            return (
              <li key={note.id} className="staff-notification">
                <Link href={`/supervisor/dossiers/${note.dossierId}`}>{item}</Link>
                <button
                  type="button"
                  className="button button--secondary staff-notification__read"
                  aria-label={t('staff.supervisor.notifications.markReadFor', { item })}
                  onClick={() => void markRead(note, item, index)}
                >
                  {t('staff.supervisor.notifications.markRead')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Section>
  );
}

function LeadTimesSection() {
  const t = useT();
  const days = new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 1 });
  const today = todayInBrussels();
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const { load } = useStaffLoad<LeadTimes>(
    `/api/v1/supervision/lead-times?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`,
  );

  return (
    <Section id="lead-times" title={t('staff.supervisor.leadTimes.title')}>
      <p>{t('staff.supervisor.leadTimes.intro')}</p>
      <p className="staff-hint">{t('staff.supervisor.leadTimes.target')}</p>
      <PeriodForm
        idPrefix="lead-times"
        labels={{
          from: t('staff.supervisor.leadTimes.from'),
          to: t('staff.supervisor.leadTimes.to'),
          submit: t('staff.supervisor.leadTimes.submit'),
        }}
        period={period}
        onSubmit={setPeriod}
      />
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? (
        <p className="field-error" role="alert">
          {describeLoadError(load.error, t('staff.common.network'))}
        </p>
      ) : null}
      {load.status === 'ready' && load.data.categories.length === 0 ? (
        <p>{t('staff.supervisor.leadTimes.empty')}</p>
      ) : null}
      {load.status === 'ready' && load.data.overall ? (
        <p data-testid="lead-times-overall">
          <strong>{overallLine(t, load.data.overall, days)}</strong>
        </p>
      ) : null}
      {load.status === 'ready' && load.data.categories.length > 0 ? (
        <TableScroll
          label={t('staff.supervisor.leadTimes.caption', {
            from: formatDate(load.data.from),
            to: formatDate(load.data.to),
          })}
        >
          <table className="table">
            <caption className="staff-caption">
              {t('staff.supervisor.leadTimes.caption', {
                from: formatDate(load.data.from),
                to: formatDate(load.data.to),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.supervisor.leadTimes.category')}</th>
                <th scope="col" className="numeric">
                  {t('staff.supervisor.leadTimes.decided')}
                </th>
                <th scope="col" className="numeric">
                  {t('staff.supervisor.leadTimes.withinDeadline')}
                </th>
                <th scope="col" className="numeric">
                  {t('staff.supervisor.leadTimes.average')}
                </th>
                <th scope="col" className="numeric">
                  {t('staff.supervisor.leadTimes.againstTarget')}
                </th>
                <th scope="col" className="numeric">
                  {t('staff.supervisor.leadTimes.median')}
                </th>
                <th scope="col" className="numeric">
                  {t('staff.supervisor.leadTimes.p90')}
                </th>
              </tr>
            </thead>
            <tbody>
              {load.data.categories.map((row) => {
                const percent = toPercent(row.shareWithinDeadline);
                return (
                  <tr key={row.category}>
                    <th scope="row">{labelOf(t, 'categories', row.category)}</th>
                    <td className="numeric">{row.decided}</td>
                    <td className="numeric">
                      {percent === null
                        ? t('staff.common.none')
                        : t('staff.supervisor.leadTimes.percent', { value: percent })}
                    </td>
                    <td className="numeric">
                      {row.averageDays == null ? t('staff.common.none') : days.format(row.averageDays)}
                    </td>
                    <td className="numeric">
                      {row.target === 'NONE'
                        ? t('staff.supervisor.leadTimes.noTarget')
                        : row.averageDaysUnderTarget == null
                          ? t('staff.common.none')
                          : t(
                              row.meetsAverageTarget
                                ? 'staff.supervisor.leadTimes.targetMet'
                                : 'staff.supervisor.leadTimes.targetMissed',
                              { value: days.format(row.averageDaysUnderTarget) },
                            )}
                    </td>
                    <td className="numeric">
                      {row.medianDays == null ? t('staff.common.none') : days.format(row.medianDays)}
                    </td>
                    <td className="numeric">{row.p90Days ?? t('staff.common.none')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Section>
  );
}

/** The overall line: whether the dossiers the 30-day average applies to met it in the period. */
function overallLine(
  t: ReturnType<typeof useT>,
  overall: NonNullable<LeadTimes['overall']>,
  days: Intl.NumberFormat,
): string {
  if (overall.averageDays === null || overall.meetsTarget === null)
    return t('staff.supervisor.leadTimes.overallNone', { target: overall.targetDays });
  return t(
    overall.meetsTarget
      ? 'staff.supervisor.leadTimes.overallMet'
      : 'staff.supervisor.leadTimes.overallMissed',
    {
      average: days.format(overall.averageDays),
      target: overall.targetDays,
      count: overall.decided,
    },
  );
}
