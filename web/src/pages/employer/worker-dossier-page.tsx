import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { useT } from '../../i18n.ts';

/** `/worker`: a worker follows their own dossier with the one-time code the employer gave them. */
export function WorkerDossierPage() {
  const t = useT();
  usePageTitle(t('employer.area.title'));
  return <PageHeading>{t('employer.area.title')}</PageHeading>;
}
