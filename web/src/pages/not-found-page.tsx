import { PageHeading, usePageTitle } from '../components/page-heading.tsx';
import { useT } from '../i18n.ts';
import { Link } from '../routing.tsx';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <Link href="/">{t('notFound.home')}</Link>
    </>
  );
}
