import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { TableScroll } from '../../../components/table-scroll.tsx';
import { useT } from '../../../i18n.ts';
import { Link } from '../../../routing.tsx';
import { useSession } from '../../../session.tsx';
import { formatDate, labelOf, type QueueSort, queueFlags } from '../staff-format.ts';
import type { QueueItem, StaffMember } from '../staff-types.ts';
import { useStaffLoad } from '../use-staff-load.ts';
import { BulkAssignForm } from './bulk-assign.tsx';
import { StatusMessage } from './staff-status.tsx';

interface QueueTableProps {
  items: QueueItem[];
  total: number;
  detailBase: string;
  canReassign: boolean;
  /** A status filter is set: the rows may be closed dossiers, so the caption does not say "open". */
  isFiltered?: boolean;
  /** The address that sorts on a column (or turns its order around), and its `aria-sort` now. */
  sortHref: (column: QueueSort) => string;
  ariaSort: (column: QueueSort) => 'ascending' | 'descending' | undefined;
  onChanged: () => void;
}

/**
 * The queue as a table whose column headers sort it; for a supervisor each row also has a
 * "reassign" control and a box to tick for the bulk assignment above the table.
 */
export function QueueTable({
  items,
  total,
  detailBase,
  canReassign,
  isFiltered = false,
  sortHref,
  ariaSort,
  onChanged,
}: QueueTableProps) {
  const t = useT();
  const staff = useStaffLoad<{ staff: StaffMember[] }>(canReassign ? '/api/v1/staff/case-handlers' : null);
  const [message, setMessage] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const members = staff.load.status === 'ready' ? staff.load.data.staff : [];
  const shown = selected.filter((id) => items.some((item) => item.id === id));
  const sortable = (column: QueueSort, label: string, className?: string) => {
    const sort = ariaSort(column);
    return (
      <th scope="col" aria-sort={sort} className={className}>
        <Link href={sortHref(column)} className="staff-sort">
          {label}
          <span aria-hidden="true" className="staff-sort__mark">
            {sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : ''}
          </span>
          <span className="visually-hidden"> {t('staff.queue.sortHint')}</span>
        </Link>
      </th>
    );
  };
  if (items.length === 0) {
    return (
      <>
        <StatusMessage message={message} />
        <p>{t(isFiltered ? 'staff.queue.emptyFiltered' : 'staff.queue.empty')}</p>
      </>
    );
  }
  return (
    <>
      <StatusMessage message={message} />
      {canReassign ? (
        <BulkAssignForm
          selected={shown}
          items={items}
          members={members}
          onDone={(text) => {
            setSelected([]);
            setMessage(text);
            onChanged();
          }}
        />
      ) : null}
      <TableScroll label={t('staff.queue.caption', { total })}>
        <table className="table staff-queue">
          <caption className="staff-caption">
            {t(isFiltered ? 'staff.queue.captionFiltered' : 'staff.queue.caption', { total })}
          </caption>
          <thead>
            <tr>
              {canReassign ? (
                <th scope="col">
                  <span className="visually-hidden">{t('staff.bulk.selectColumn')}</span>
                </th>
              ) : null}
              {sortable('number', t('staff.queue.columns.number'))}
              {sortable('category', t('staff.queue.columns.category'))}
              {sortable('worker', t('staff.queue.columns.worker'))}
              {sortable('status', t('staff.queue.columns.status'))}
              {sortable('dueDate', t('staff.queue.columns.dueDate'))}
              <th scope="col" className="numeric">
                {t('staff.queue.columns.daysLeft')}
              </th>
              <th scope="col">{t('staff.queue.columns.flags')}</th>
              {sortable('assignee', t('staff.queue.columns.assignee'))}
              {canReassign ? <th scope="col">{t('staff.queue.columns.reassign')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const flags = queueFlags(item);
              const isUrgent = item.isOverdue || item.isAtRisk;
              return (
                <tr key={item.id} className={isUrgent ? 'staff-row--urgent' : undefined}>
                  {canReassign ? (
                    <td>
                      <input
                        type="checkbox"
                        id={`select-${item.id}`}
                        checked={shown.includes(item.id)}
                        onChange={(event) =>
                          setSelected((current) =>
                            event.target.checked
                              ? [...current, item.id]
                              : current.filter((id) => id !== item.id),
                          )
                        }
                        aria-label={t('staff.bulk.selectRow', { number: item.number ?? item.id })}
                      />
                    </td>
                  ) : null}
                  <th scope="row">
                    <Link href={`${detailBase}/${item.id}`} className="nowrap">
                      {item.number ?? item.id}
                    </Link>
                  </th>
                  <td>{labelOf(t, 'categories', item.category)}</td>
                  <td>{item.workerName ?? t('staff.common.none')}</td>
                  <td>{labelOf(t, 'statuses', item.status)}</td>
                  <td>{formatDate(item.dueDate)}</td>
                  <td className="numeric">{item.daysLeft ?? t('staff.common.none')}</td>
                  <td>
                    {flags.length > 0 ? (
                      <ul className="staff-flags">
                        {flags.map((flag) => (
                          <li key={flag} className={`staff-flag staff-flag--${flag}`}>
                            {t(`staff.flags.${flag}`)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>{item.assignee?.displayName ?? t('staff.queue.unassigned')}</td>
                  {canReassign ? (
                    <td>
                      <ReassignForm
                        item={item}
                        members={members}
                        onDone={(text) => {
                          setMessage(text);
                          onChanged();
                        }}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function ReassignForm({
  item,
  members,
  onDone,
}: {
  item: QueueItem;
  members: StaffMember[];
  onDone: (message: string) => void;
}) {
  const t = useT();
  const { api } = useSession();
  const [assigneeId, setAssigneeId] = useState(item.assignee?.id ?? '');
  const [error, setError] = useState('');
  const number = item.number ?? item.id;
  const selectId = `reassign-${item.id}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!assigneeId) return;
    try {
      await api.call('POST', `/api/v1/dossiers/${item.id}/assignment`, {
        assigneeId,
        version: item.version,
      });
      setError('');
      onDone(t('staff.queue.reassigned', { number }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('staff.common.network'));
    }
  }

  return (
    <form className="staff-reassign" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={selectId}>
        {t('staff.queue.reassignLabel', { number })}
      </label>
      {error ? (
        <p id={`${selectId}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <select
        id={selectId}
        className="select"
        value={assigneeId}
        onChange={(event) => setAssigneeId(event.target.value)}
        aria-describedby={error ? `${selectId}-error` : undefined}
      >
        <option value="">{t('staff.queue.unassigned')}</option>
        {members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.displayName}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--secondary"
        aria-label={t('staff.queue.reassignButtonFor', { number })}
      >
        {t('staff.queue.reassignButton')}
      </button>
    </form>
  );
}
