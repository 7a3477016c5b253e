import type { SessionUser } from '../../api.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { RoleHomePage } from '../role-home-page.tsx';

/** The employer portal: `/employer` and everything below it. */
export function EmployerArea({ path, user }: { path: string; user: SessionUser }) {
  if (path === '/employer') return <RoleHomePage role="EMPLOYER" user={user} />;
  return <NotFoundPage />;
}
