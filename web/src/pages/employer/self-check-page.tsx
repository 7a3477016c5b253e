import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { useT } from '../../i18n.ts';

/** `/self-check`: the public eligibility check, before filing (no sign-in). */
export function SelfCheckPage() {
  const t = useT();
  usePageTitle(t('employer.area.title'));
  return <PageHeading>{t('employer.area.title')}</PageHeading>;
}
