import { useEffect, useState } from 'react';
import { ApiError, type SessionUser, type Workspace } from '../api.ts';
import { PageHeading, usePageTitle } from '../components/page-heading.tsx';
import { isTaskKey, useT } from '../i18n.ts';
import { pagePath } from '../page-routes.ts';
import { type Role, roleSlug } from '../roles.ts';
import { Link, navigate } from '../routing.tsx';
import { useSession } from '../session.tsx';
import { AccountFigures } from './account-figures.tsx';
import { AdminLinks } from './governance/admin-links.tsx';
import { NoAccessPage } from './no-access-page.tsx';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; workspace: Workspace }
  | { status: 'forbidden' }
  | { status: 'failed'; message: string };

/**
 * `/<role>`: the home workspace of one role. The server decides who may see it: its 403 becomes the
 * "no access" page, its 401 (session ended) a new sign-in.
 */
export function RoleHomePage({ role, user }: { role: Role; user: SessionUser }) {
  const { api, refresh } = useSession();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let isCurrent = true;
    setLoad({ status: 'loading' });
    api.getWorkspace(roleSlug(role)).then(
      (workspace) => isCurrent && setLoad({ status: 'ready', workspace }),
      (error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 401) void refresh();
        else if (error instanceof ApiError && error.status === 403) setLoad({ status: 'forbidden' });
        else setLoad({ status: 'failed', message: error instanceof ApiError ? error.message : '' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, refresh, role]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'forbidden') return <NoAccessPage role={role} user={user} />;
  if (load.status === 'failed') return <LoadFailed message={load.message} />;
  return <WorkspaceView workspace={load.workspace} user={user} />;
}

function WorkspaceView({ workspace, user }: { workspace: Workspace; user: SessionUser }) {
  const t = useT();
  const title = t(`workspace.title.${workspace.role}`);
  usePageTitle(title);
  const tasks = workspace.tasks.filter(isTaskKey);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('workspace.welcome', { name: user.displayName })}</p>
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('workspace.tasksTitle')}</h2>
        <p>{t('workspace.tasksIntro')}</p>
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task} className="task-list__item">
              {t(`workspace.tasks.${task}`)}
            </li>
          ))}
        </ul>
      </section>
      {workspace.role === 'INSPECTOR' ? (
        <nav aria-label={t('staff.triage.title')}>
          <p>
            <Link href={pagePath('inspectorReports')}>{t('staff.triage.link')}</Link>
          </p>
        </nav>
      ) : null}
      {workspace.role === 'ADMIN' ? (
        <>
          <AdminLinks />
          <AccountFigures figures={workspace.figures} />
        </>
      ) : null}
    </>
  );
}

function LoadFailed({ message }: { message: string }) {
  const t = useT();
  usePageTitle(t('workspace.loadError'));
  return (
    <>
      <PageHeading>{t('workspace.loadError')}</PageHeading>
      {message ? <p>{message}</p> : null}
    </>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('shell.loading')}
    </p>
  );
}

/** Sends a signed-out visitor of a protected page to the sign-in page. */
export function RedirectToLogin() {
  useEffect(() => {
    navigate('/login', { replace: true });
  }, []);
  return <Loading />;
}
