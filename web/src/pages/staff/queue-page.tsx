import { type FormEvent, useState } from 'react';
import { QUEUE_STATUSES } from '../../../../src/dossiers/handling/queue-statuses.ts';
import { CATEGORIES } from '../../../../src/rules/contract.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link, navigate } from '../../routing.tsx';
import { Loading } from '../role-home-page.tsx';
import { QueueTable } from './components/queue-table.tsx';
import { SavedFilters } from './components/saved-filters.tsx';
import { StaffLoadFailed } from './components/staff-status.tsx';
import {
  ariaSortOf,
  labelOf,
  nextSort,
  QUEUE_PAGE_SIZE,
  QUEUE_SCOPES,
  type QueueQuery,
  readQueueQuery,
  writeQueueQuery,
} from './staff-format.ts';
import type { QueuePage as QueueData } from './staff-types.ts';
import { useSearch, useStaffLoad } from './use-staff-load.ts';

export type StaffMode = 'case-handler' | 'supervisor';

/**
 * The queue (`/case-handler`, and `/supervisor/queue` with a reassign control per row and a bulk
 * assignment of the rows ticked): open dossiers as the server sorts them, fewest days left first,
 * or by the column header clicked (sorted on the server, so paging stays right). Filters, search
 * and sort can be saved under a name (saved-filters.tsx). A status filter also finds closed
 * dossiers (granted, refused, inadmissible, withdrawn); drafts are the employer's and not offered.
 * The filters are a GET form whose values live in the URL, so a filtered queue can be bookmarked
 * and works without JavaScript.
 */
export function QueuePage({ mode }: { mode: StaffMode }) {
  const t = useT();
  const search = useSearch();
  const base = mode === 'supervisor' ? '/supervisor/queue' : '/case-handler';
  const query = readQueueQuery(search, mode === 'supervisor' ? 'all' : 'mine');
  const apiQuery = writeQueueQuery(
    { ...query, offset: 0 },
    {
      limit: String(QUEUE_PAGE_SIZE),
      offset: String(query.offset),
    },
  );
  const { load, reload } = useStaffLoad<QueueData>(`/api/v1/queue?${apiQuery}`);
  const title = mode === 'supervisor' ? t('staff.queue.supervisorTitle') : t('staff.queue.title');
  usePageTitle(title);

  if (load.status === 'failed') return <StaffLoadFailed error={load.error} />;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('staff.queue.intro')}</p>
      {mode === 'supervisor' ? (
        <p>
          <Link href="/supervisor">{t('staff.common.backToHome')}</Link>
        </p>
      ) : (
        <p>
          <Link href="/case-handler/payments">{t('staff.payments.title')}</Link>
          <br />
          <Link href={pagePath('talentVacancyImports')}>{t('talent.imports.link')}</Link>
        </p>
      )}
      <QueueFilters key={search} base={base} query={query} />
      <SavedFilters base={base} query={query} defaultScope={mode === 'supervisor' ? 'all' : 'mine'} />
      {load.status !== 'ready' ? (
        <Loading />
      ) : (
        <>
          <QueueTable
            items={load.data.items}
            total={load.data.total}
            detailBase={mode === 'supervisor' ? '/supervisor/dossiers' : '/case-handler/dossiers'}
            canReassign={mode === 'supervisor'}
            isFiltered={query.status !== ''}
            sortHref={(column) =>
              `${base}?${writeQueueQuery({ ...query, ...nextSort(query, column), offset: 0 })}`
            }
            ariaSort={(column) => ariaSortOf(query, column)}
            onChanged={reload}
          />
          <QueuePaging base={base} query={query} total={load.data.total} />
        </>
      )}
    </>
  );
}

function QueueFilters({ base, query }: { base: string; query: QueueQuery }) {
  const t = useT();
  const [scope, setScope] = useState(query.scope);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // A new filter keeps the column the queue is sorted on.
    const next = writeQueueQuery({
      ...query,
      scope,
      status: String(form.get('status') ?? ''),
      category: String(form.get('category') ?? ''),
      q: String(form.get('q') ?? '').trim(),
      offset: 0,
    });
    navigate(`${base}?${next}`);
  }

  return (
    <section aria-labelledby="queue-filters-title" className="staff-filters">
      <h2 id="queue-filters-title">{t('staff.queue.filtersTitle')}</h2>
      <form method="get" action={base} onSubmit={onSubmit}>
        <fieldset className="staff-fieldset">
          <legend className="label">{t('staff.queue.scopeLegend')}</legend>
          <div className="staff-radios">
            {QUEUE_SCOPES.map((value) => (
              <div key={value} className="staff-radio">
                <input
                  type="radio"
                  id={`scope-${value}`}
                  name="scope"
                  value={value}
                  checked={scope === value}
                  onChange={() => setScope(value)}
                />
                <label htmlFor={`scope-${value}`}>{t(`staff.queue.scope.${value}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="form-group">
          <label className="label" htmlFor="queue-search">
            {t('staff.queue.search')}
          </label>
          <div className="form-hint" id="queue-search-hint">
            {t('staff.queue.searchHint')}
          </div>
          <input
            id="queue-search"
            name="q"
            type="search"
            className="input"
            maxLength={100}
            defaultValue={query.q}
            aria-describedby="queue-search-hint"
          />
        </div>
        <div className="staff-filter-row">
          <div className="form-group">
            <label className="label" htmlFor="queue-status">
              {t('staff.queue.status')}
            </label>
            <select id="queue-status" name="status" className="select" defaultValue={query.status}>
              <option value="">{t('staff.queue.anyStatus')}</option>
              {QUEUE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {labelOf(t, 'statuses', status)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label className="label" htmlFor="queue-category">
              {t('staff.queue.category')}
            </label>
            <select id="queue-category" name="category" className="select" defaultValue={query.category}>
              <option value="">{t('staff.queue.anyCategory')}</option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {labelOf(t, 'categories', category)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button button--secondary">
          {t('staff.queue.apply')}
        </button>
      </form>
    </section>
  );
}

function QueuePaging({ base, query, total }: { base: string; query: QueueQuery; total: number }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.floor(query.offset / QUEUE_PAGE_SIZE) + 1;
  if (pages <= 1) return null;
  const to = (offset: number) => `${base}?${writeQueueQuery({ ...query, offset })}`;
  return (
    <nav aria-label={t('staff.queue.paging')} className="staff-paging">
      {page > 1 ? <Link href={to(query.offset - QUEUE_PAGE_SIZE)}>{t('staff.queue.previous')}</Link> : null}
      <span>{t('staff.queue.pageOf', { page, pages })}</span>
      {page < pages ? <Link href={to(query.offset + QUEUE_PAGE_SIZE)}>{t('staff.queue.next')}</Link> : null}
    </nav>
  );
}
