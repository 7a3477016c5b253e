import type { ApiError } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { useT } from '../../i18n.ts';

/** A page whose figures could not be loaded: the server's message (in the reader's language) or a network hint. */
export function StatsLoadFailed({ error }: { error: ApiError | null }) {
  const t = useT();
  const title = error?.status === 404 ? t('analyst.errors.notFound') : t('analyst.errors.loadFailed');
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{error ? error.message : t('analyst.errors.network')}</p>
    </>
  );
}
