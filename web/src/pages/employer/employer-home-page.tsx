import { type FormEvent, useEffect, useState } from 'react';
import { DOSSIER_STATUSES } from '../../../../src/dossiers/lifecycle/dossier-lifecycle.ts';
import { ApiError, type SessionUser } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { Link, navigate, useSearch } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import type { DossierSummary } from './dossier-model.ts';
import { dossierPath } from './employer-area.tsx';
import { categoryName, formatDate, statusName, statusTone } from './labels.ts';

type Load = { status: 'loading' } | { status: 'ready'; dossiers: ListedDossier[] } | { status: 'failed' };

/** A dossier as the list gives it: what waits for the employer (src/dossiers/employer-dossiers.ts). */
interface ListedDossier extends DossierSummary {
  needsAction: string[];
  /** The service's legal deadline has passed on this open dossier. */
  isOverdue?: boolean;
  /** The employer's answer to a request for information is past its day. */
  isAnswerLate?: boolean;
  /** A draft whose worker needs no work authorisation: it can never be filed, only deleted. */
  needsNoAuthorisation?: boolean;
  answerDueOn: string | null;
  /** The day a proposed withdrawal may be answered until, while unanswered. */
  hearingDueOn?: string | null;
}

/** The list's search and status filter, read from and written to the address (a bookmarkable list). */
function readQuery(search: string): { q: string; status: string } {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    status: (DOSSIER_STATUSES as readonly string[]).includes(status) ? status : '',
  };
}

function toQueryString(query: { q: string; status: string }): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `/employer`: the employer's dossiers, what needs their action first, and the ways to start. */
export function EmployerHomePage({ user }: { user: SessionUser }) {
  const t = useT();
  const { api, refresh } = useSession();
  const search = useSearch();
  const query = readQuery(search);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  // The page is the employer's workspace: its title is the shell's name for it.
  usePageTitle(t('workspace.title.EMPLOYER'));

  const apiQuery = toQueryString(query);
  useEffect(() => {
    let isCurrent = true;
    api.call<{ dossiers: ListedDossier[] }>('GET', `/api/v1/dossiers${apiQuery}`).then(
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
  }, [api, refresh, apiQuery]);

  const isFiltered = query.q !== '' || query.status !== '';
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
        <DossierFilters key={search} query={query} />
        {load.status === 'loading' ? <Loading /> : null}
        {load.status === 'failed' ? <p role="alert">{t('employer.errors.loadFailed')}</p> : null}
        {load.status === 'ready' ? <DossierTable dossiers={load.dossiers} isFiltered={isFiltered} /> : null}
      </section>
    </>
  );
}

function DossierFilters({ query }: { query: { q: string; status: string } }) {
  const t = useT();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = { q: String(form.get('q') ?? '').trim(), status: String(form.get('status') ?? '') };
    navigate(`/employer${toQueryString(next)}`, { keepPosition: true });
  }
  return (
    <form method="get" action="/employer" onSubmit={onSubmit} className="staff-filters">
      <div className="staff-filter-row">
        <div className="form-group">
          <label className="label" htmlFor="dossier-search">
            {t('employer.home.search')}
          </label>
          <div className="form-hint" id="dossier-search-hint">
            {t('employer.home.searchHint')}
          </div>
          <input
            id="dossier-search"
            name="q"
            type="search"
            className="input"
            maxLength={100}
            defaultValue={query.q}
            aria-describedby="dossier-search-hint"
          />
        </div>
        <div className="form-group">
          <label className="label" htmlFor="dossier-status">
            {t('employer.home.status')}
          </label>
          <select id="dossier-status" name="status" className="select" defaultValue={query.status}>
            <option value="">{t('employer.home.anyStatus')}</option>
            {DOSSIER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusName(t, status)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group staff-filter-row__submit">
          <button type="submit" className="button button--secondary">
            {t('employer.home.apply')}
          </button>
        </div>
      </div>
    </form>
  );
}

function DossierTable({ dossiers, isFiltered }: { dossiers: ListedDossier[]; isFiltered: boolean }) {
  const t = useT();
  const lang = currentLang();
  if (dossiers.length === 0)
    return <p role="status">{isFiltered ? t('employer.home.noMatches') : t('employer.home.noDossiers')}</p>;
  const waiting = dossiers.filter((dossier) => dossier.needsAction.length > 0).length;
  return (
    <>
      <p role="status">
        {waiting > 0
          ? t('employer.home.waitingCount', { count: waiting })
          : t('employer.home.nothingWaiting')}
      </p>
      <TableScroll label={t('employer.home.tableCaption')}>
        <table className="table emp-table">
          <caption className="emp-caption">{t('employer.home.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('employer.home.number')}</th>
              <th scope="col">{t('employer.home.yourAction')}</th>
              <th scope="col">{t('employer.home.category')}</th>
              <th scope="col">{t('employer.home.worker')}</th>
              <th scope="col">{t('employer.home.status')}</th>
              <th scope="col">{t('employer.home.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {dossiers.map((dossier) => (
              <tr key={dossier.id} className={dossier.needsAction.length > 0 ? 'emp-row--action' : undefined}>
                <th scope="row">
                  <Link href={dossierPath(dossier.id)} className={dossier.number ? 'nowrap' : undefined}>
                    {dossier.number ?? t('employer.home.draftNumber')}
                  </Link>
                </th>
                <td>
                  {dossier.needsAction.length > 0 ? (
                    <ul className="emp-actions-needed">
                      {dossier.needsAction.map((action) => (
                        <li key={action}>
                          <Tag tone="action">{t(`employer.home.needs.${action}` as MessageKey)}</Tag>
                          {action === 'DELETE_DRAFT' ? (
                            <>
                              {' '}
                              <Link href={`${dossierPath(dossier.id)}#delete-draft-title`}>
                                {t('employer.home.deleteDraft')}
                              </Link>
                            </>
                          ) : null}
                          {action === 'ANSWER_INFORMATION' && dossier.answerDueOn
                            ? ` ${t('employer.home.answerBy', { date: formatDate(lang, dossier.answerDueOn) })}`
                            : null}
                          {action === 'ANSWER_INFORMATION' && dossier.isAnswerLate ? (
                            <>
                              {' '}
                              <Tag tone="failure">{t('employer.home.answerLate')}</Tag>
                            </>
                          ) : null}
                          {action === 'ANSWER_HEARING' && dossier.hearingDueOn
                            ? ` ${t('employer.home.answerBy', { date: formatDate(lang, dossier.hearingDueOn) })}`
                            : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t('employer.home.noAction')
                  )}
                </td>
                <td>{categoryName(t, dossier.category)}</td>
                <td>{dossier.workerName ?? t('employer.home.noWorkerYet')}</td>
                <td>
                  {dossier.needsNoAuthorisation ? (
                    <Tag tone="neutral">{t('employer.home.noAuthorisationNeeded')}</Tag>
                  ) : (
                    <Tag tone={statusTone(dossier.status)}>{statusName(t, dossier.status)}</Tag>
                  )}
                  {dossier.isOverdue ? (
                    // Said in words, not by colour alone: the service is past its legal deadline.
                    <>
                      {' '}
                      <Tag tone="failure">{t('employer.home.overdue')}</Tag>
                    </>
                  ) : null}
                </td>
                <td>{formatDate(lang, dossier.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
