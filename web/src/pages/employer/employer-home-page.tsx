import { useEffect, useState } from 'react';
import { ApiError, type SessionUser } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import type { DossierSummary } from './dossier-model.ts';
import { dossierPath } from './employer-area.tsx';
import { categoryName, formatDate, statusName, statusTone } from './labels.ts';

type Load = { status: 'loading' } | { status: 'ready'; dossiers: DossierSummary[] } | { status: 'failed' };

/** `/employer`: the employer's dossiers, newest first, and the ways to start. */
export function EmployerHomePage({ user }: { user: SessionUser }) {
  const t = useT();
  const { api, refresh } = useSession();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  // The page is the employer's workspace: its title is the shell's name for it.
  usePageTitle(t('workspace.title.EMPLOYER'));

  useEffect(() => {
    let isCurrent = true;
    api.call<{ dossiers: DossierSummary[] }>('GET', '/api/v1/dossiers').then(
      ({ dossiers }) => isCurrent && setLoad({ status: 'ready', dossiers }),
      (error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 401) void refresh();
        else setLoad({ status: 'failed' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, refresh]);

  return (
    <>
      <PageHeading>{t('workspace.title.EMPLOYER')}</PageHeading>
      <p className="lead">{t('workspace.welcome', { name: user.displayName })}</p>
      <p>
        <Link className="button" href="/employer/new">
          {t('employer.home.start')}
        </Link>
      </p>
      <p>
        <Link href="/self-check">{t('employer.home.selfCheckLink')}</Link>
      </p>
      <section aria-labelledby="dossiers-title">
        <h2 id="dossiers-title">{t('employer.home.dossiersTitle')}</h2>
        {load.status === 'loading' ? <Loading /> : null}
        {load.status === 'failed' ? <p role="alert">{t('employer.errors.loadFailed')}</p> : null}
        {load.status === 'ready' ? <DossierTable dossiers={load.dossiers} /> : null}
      </section>
    </>
  );
}

function DossierTable({ dossiers }: { dossiers: DossierSummary[] }) {
  const t = useT();
  const lang = currentLang();
  if (dossiers.length === 0) return <p>{t('employer.home.noDossiers')}</p>;
  return (
    <TableScroll label={t('employer.home.tableCaption')}>
      <table className="table emp-table">
        <caption className="emp-caption">{t('employer.home.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('employer.home.number')}</th>
            <th scope="col">{t('employer.home.category')}</th>
            <th scope="col">{t('employer.home.worker')}</th>
            <th scope="col">{t('employer.home.status')}</th>
            <th scope="col">{t('employer.home.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {dossiers.map((dossier) => (
            <tr key={dossier.id}>
              <th scope="row">
                <Link href={dossierPath(dossier.id)}>{dossier.number ?? t('employer.home.draftNumber')}</Link>
              </th>
              <td>{categoryName(t, dossier.category)}</td>
              <td>{dossier.workerName ?? t('employer.home.noWorkerYet')}</td>
              <td>
                <Tag tone={statusTone(dossier.status)}>{statusName(t, dossier.status)}</Tag>
              </td>
              <td>{formatDate(lang, dossier.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
