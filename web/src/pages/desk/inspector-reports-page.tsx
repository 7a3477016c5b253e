import { useEffect, useState } from 'react';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag, type TagTone } from '../../components/tag.tsx';
import { formatKbo } from '../../format.ts';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link, navigate, useSearch } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { formatDate } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';

export type ReportStatus = 'RECEIVED' | 'ADMISSIBLE' | 'NOT_ADMISSIBLE' | 'FORWARDED';
export const REPORT_STATUSES: ReportStatus[] = ['RECEIVED', 'ADMISSIBLE', 'NOT_ADMISSIBLE', 'FORWARDED'];
export const STATUS_TONE: Record<ReportStatus, TagTone> = {
  RECEIVED: 'action',
  ADMISSIBLE: 'progress',
  NOT_ADMISSIBLE: 'neutral',
  FORWARDED: 'neutral',
};

interface ReportLine {
  id: string;
  reference: string;
  receivedOn: string;
  status: ReportStatus;
  categories: string[];
  employerName: string | null;
  enterpriseNumber: string | null;
  place: string | null;
  hasNewAnswer: boolean;
}

/** `/inspector/reports`: the triage queue of the desk's abuse reports, newest first. */
export function InspectorReportsPage() {
  const t = useT();
  const { api } = useSession();
  const asked = new URLSearchParams(useSearch()).get('status');
  const status = REPORT_STATUSES.find((s) => s === asked) ?? null;
  const [reports, setReports] = useState<ReportLine[] | null | undefined>(undefined);
  usePageTitle(t('staff.triage.title'));
  useEffect(() => {
    let current = true;
    setReports(undefined);
    api
      .call<{ reports: ReportLine[] }>('GET', `/api/v1/inspector/reports${status ? `?status=${status}` : ''}`)
      .then(
        (answer) => current && setReports(answer.reports),
        () => current && setReports(null),
      );
    return () => {
      current = false;
    };
  }, [api, status]);

  return (
    <>
      <PageHeading>{t('staff.triage.title')}</PageHeading>
      <p className="lead">{t('staff.triage.intro')}</p>
      <div className="form-group">
        <label className="label" htmlFor="triage-status">
          {t('staff.triage.filterLabel')}
        </label>
        <select
          id="triage-status"
          className="select"
          value={status ?? ''}
          onChange={(event) =>
            navigate(
              `${pagePath('inspectorReports')}${event.target.value ? `?status=${event.target.value}` : ''}`,
              {
                keepPosition: true,
              },
            )
          }
        >
          <option value="">{t('staff.triage.all')}</option>
          {REPORT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`staff.triage.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {reports === undefined ? <Loading /> : null}
      {reports === null ? <p role="alert">{t('staff.triage.failed')}</p> : null}
      {reports && reports.length === 0 ? <p>{t('staff.triage.empty')}</p> : null}
      {reports && reports.length > 0 ? (
        <TableScroll label={t('staff.triage.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('staff.triage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.triage.reference')}</th>
                <th scope="col">{t('staff.triage.receivedOn')}</th>
                <th scope="col">{t('staff.triage.status')}</th>
                <th scope="col">{t('staff.triage.subjects')}</th>
                <th scope="col">{t('staff.triage.employer')}</th>
                <th scope="col">{t('staff.triage.place')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>
                    <Link href={pagePath('inspectorReport', { deskReportId: report.id })}>
                      {report.reference}
                    </Link>
                    {report.hasNewAnswer ? (
                      <>
                        {' '}
                        <Tag tone="action">{t('staff.triage.newAnswer')}</Tag>
                      </>
                    ) : null}
                  </td>
                  <td>{formatDate(currentLang(), report.receivedOn)}</td>
                  <td>
                    <Tag tone={STATUS_TONE[report.status]}>{t(`staff.triage.statuses.${report.status}`)}</Tag>
                  </td>
                  <td>
                    {report.categories.map((c) => t(`staff.triage.categories.${c as 'OTHER'}`)).join(', ')}
                  </td>
                  <td>
                    {report.employerName ?? ''}
                    {report.enterpriseNumber ? (
                      <span className="desk-kbo"> {formatKbo(report.enterpriseNumber)}</span>
                    ) : null}
                  </td>
                  <td>{report.place ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
