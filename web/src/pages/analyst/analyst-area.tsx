import type { SessionUser } from '../../api.ts';
import { useT } from '../../i18n.ts';
import type { Role } from '../../roles.ts';
import { NoAccessPage } from '../no-access-page.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { ReportListPage } from './report-list-page.tsx';
import { ReportPage } from './report-page.tsx';
import { ANALYST_SOURCE } from './stats-types.ts';

const ANALYST: Role = 'ANALYST';
const REPORT_PATH = /^\/analyst\/reports\/([A-Za-z0-9_-]{1,50})$/;

/**
 * The policy analyst's pages: `/analyst` (the ready-made reports) and `/analyst/reports/:id`.
 * Another role gets the "no access" page (`pageAccess`, checked by the shell; the API would refuse it anyway).
 */
export function AnalystArea({ path, user }: { path: string; user: SessionUser }) {
  const t = useT();
  if (user.role !== ANALYST) return <NoAccessPage role={ANALYST} user={user} />;
  if (path === '/analyst')
    return <ReportListPage source={ANALYST_SOURCE} title={t('workspace.title.ANALYST')} />;
  const report = REPORT_PATH.exec(path);
  if (report?.[1]) return <ReportPage key={report[1]} source={ANALYST_SOURCE} id={report[1]} />;
  return <NotFoundPage />;
}
