import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { TextField } from '../../../components/text-field.tsx';
import { useT } from '../../../i18n.ts';
import { Link } from '../../../routing.tsx';
import { useSession } from '../../../session.tsx';
import {
  type QueueQuery,
  type QueueScope,
  queueQueryToSaved,
  savedToQueueQuery,
  writeQueueQuery,
} from '../staff-format.ts';
import type { SavedFilter } from '../staff-types.ts';
import { useStaffLoad } from '../use-staff-load.ts';
import { StatusMessage } from './staff-status.tsx';

/**
 * The user's saved queue filters (kept per user on the server): each a link that applies it, and
 * a button to delete it; below, the filter, search and sort shown now saved under a name (the
 * same name replaces the earlier one).
 */
export function SavedFilters({
  base,
  query,
  defaultScope,
}: {
  base: string;
  query: QueueQuery;
  defaultScope: QueueScope;
}) {
  const t = useT();
  const { api } = useSession();
  const { load, reload } = useStaffLoad<{ filters: SavedFilter[] }>('/api/v1/staff/saved-filters');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const filters = load.status === 'ready' ? load.data.filters : [];

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await api.call('POST', '/api/v1/staff/saved-filters', {
        name,
        query: { ...queueQueryToSaved(query) },
      });
      setError('');
      setMessage(t('staff.savedFilters.saved', { name: name.trim() }));
      setName('');
      reload();
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.fields.find((f) => f.path === 'name') : undefined;
      setError(field?.message ?? (caught instanceof ApiError ? caught.message : t('staff.common.network')));
    }
  }

  async function remove(filter: SavedFilter) {
    try {
      await api.call('DELETE', `/api/v1/staff/saved-filters/${filter.id}`);
      setMessage(t('staff.savedFilters.deleted', { name: filter.name }));
      reload();
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : t('staff.common.network'));
    }
  }

  return (
    <section aria-labelledby="saved-filters-title" className="staff-filters staff-saved-filters">
      <h2 id="saved-filters-title">{t('staff.savedFilters.title')}</h2>
      <StatusMessage message={message} />
      {filters.length === 0 ? (
        <p>{t('staff.savedFilters.none')}</p>
      ) : (
        <ul className="staff-saved-filters__list">
          {filters.map((filter) => (
            <li key={filter.id}>
              <Link href={`${base}?${writeQueueQuery(savedToQueueQuery(filter.query, defaultScope))}`}>
                {filter.name}
              </Link>
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('staff.savedFilters.deleteFor', { name: filter.name })}
                onClick={() => void remove(filter)}
              >
                {t('staff.savedFilters.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="staff-saved-filters__form" noValidate onSubmit={save}>
        <TextField
          id="saved-filter-name"
          label={t('staff.savedFilters.name')}
          value={name}
          maxLength={80}
          onChange={(event) => setName(event.target.value)}
          error={error || undefined}
        />
        <button type="submit" className="button button--secondary">
          {t('staff.savedFilters.save')}
        </button>
      </form>
    </section>
  );
}
