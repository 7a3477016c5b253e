import { useT } from '../../i18n.ts';
import type { PageMatch } from '../../page-routes.ts';
import { ReportListPage } from '../analyst/report-list-page.tsx';
import { ReportPage } from '../analyst/report-page.tsx';
import { OPEN_DATA_SOURCE } from '../analyst/stats-types.ts';
import { NotFoundPage } from '../not-found-page.tsx';

/**
 * `/open-data` and `/open-data/reports/:id`, for anyone without signing in: the analysts' reports
 * from the public API, which hides counts under 5 and what would give them away.
 */
export function OpenDataArea({ page }: { page: PageMatch }) {
  const t = useT();
  const { reportId } = page.params;
  if (page.id === 'openData')
    return <ReportListPage source={OPEN_DATA_SOURCE} title={t('analyst.openData.title')} />;
  if (page.id === 'openDataReport' && reportId)
    return <ReportPage key={reportId} source={OPEN_DATA_SOURCE} id={reportId} />;
  return <NotFoundPage />;
}
