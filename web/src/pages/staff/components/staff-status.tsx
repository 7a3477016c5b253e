import type { ApiError } from '../../../api.ts';
import { PageHeading, usePageTitle } from '../../../components/page-heading.tsx';
import { useT } from '../../../i18n.ts';

/** A page whose data could not be loaded: the server's message (in the user's language) or a network hint. */
export function StaffLoadFailed({ error }: { error: ApiError | null }) {
  const t = useT();
  usePageTitle(t('staff.common.loadFailed'));
  return (
    <>
      <PageHeading>{t('staff.common.loadFailed')}</PageHeading>
      <p>{error ? error.message : t('staff.common.network')}</p>
    </>
  );
}

/** A polite live region for what an action did ("The payment has been recorded."). */
export function StatusMessage({ message }: { message: string }) {
  return (
    <div className="staff-notice" role="status">
      {message ? <p>{message}</p> : null}
    </div>
  );
}
