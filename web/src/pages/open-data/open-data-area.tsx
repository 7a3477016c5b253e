import { useT } from '../../i18n.ts';
import { ReportListPage } from '../analyst/report-list-page.tsx';
import { ReportPage } from '../analyst/report-page.tsx';
import { OPEN_DATA_SOURCE } from '../analyst/stats-types.ts';
import { NotFoundPage } from '../not-found-page.tsx';

const REPORT_PATH = /^\/open-data\/reports\/([A-Za-z0-9_-]{1,50})$/;

/**
 * `/open-data` and `/open-data/reports/:id`, for anyone without signing in: the analysts' reports
 * from the public API, which hides counts under 5 and what would give them away.
 */
export function OpenDataArea({ path }: { path: string }) {
  const t = useT();
  if (path === '/open-data')
    return <ReportListPage source={OPEN_DATA_SOURCE} title={t('analyst.openData.title')} />;
  const report = REPORT_PATH.exec(path);
  if (report?.[1]) return <ReportPage key={report[1]} source={OPEN_DATA_SOURCE} id={report[1]} />;
  return <NotFoundPage />;
}
