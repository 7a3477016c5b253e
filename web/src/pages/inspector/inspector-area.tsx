import type { PageMatch } from '../../page-routes.ts';
import { EmployerFilePage } from './employer-file-page.tsx';
import { WorkListPage } from './work-list-page.tsx';

/** The inspector's enforcement pages (issue 14): the ranked work list and an employer's file. */
export function InspectorArea({ page }: { page: PageMatch }) {
  return page.id === 'inspectorEmployer' ? (
    <EmployerFilePage
      key={page.params.enterpriseNumber}
      enterpriseNumber={page.params.enterpriseNumber ?? ''}
    />
  ) : (
    <WorkListPage />
  );
}
