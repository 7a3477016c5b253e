import type { SessionUser } from '../../api.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { RoleHomePage } from '../role-home-page.tsx';

/** The service side: `/case-handler…` and `/supervisor…`. */
export function StaffArea({ path, user }: { path: string; user: SessionUser }) {
  if (path === '/case-handler') return <RoleHomePage role="CASE_HANDLER" user={user} />;
  if (path === '/supervisor') return <RoleHomePage role="SUPERVISOR" user={user} />;
  return <NotFoundPage />;
}
