import type { SessionUser } from '../../api.ts';
import { useT } from '../../i18n.ts';
import type { PageMatch } from '../../page-routes.ts';
import type { Role } from '../../roles.ts';
import { NoAccessPage } from '../no-access-page.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { MeasureEffectsPage } from './measure-effects-page.tsx';
import { ReportListPage } from './report-list-page.tsx';
import { ReportPage } from './report-page.tsx';
import { ANALYST_SOURCE } from './stats-types.ts';

const ANALYST: Role = 'ANALYST';

/**
 * The policy analyst's pages: `/analyst` (the ready-made reports) and `/analyst/reports/:id`, and `/analyst/evaluation` (measures before and after).
 * Another role gets the "no access" page (`pageAccess`, checked by the shell; the API would refuse it anyway).
 */
export function AnalystArea({ page, user }: { page: PageMatch; user: SessionUser }) {
  const t = useT();
  if (user.role !== ANALYST) return <NoAccessPage role={ANALYST} user={user} />;
  const { reportId } = page.params;
  if (page.id === 'analystReports')
    return <ReportListPage source={ANALYST_SOURCE} title={t('workspace.title.ANALYST')} />;
  if (page.id === 'analystReport' && reportId)
    return <ReportPage key={reportId} source={ANALYST_SOURCE} id={reportId} />;
  if (page.id === 'analystEvaluation') return <MeasureEffectsPage />;
  return <NotFoundPage />;
}
