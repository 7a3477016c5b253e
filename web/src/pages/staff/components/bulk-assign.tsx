import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { useT } from '../../../i18n.ts';
import { useSession } from '../../../session.tsx';
import type { QueueItem, StaffMember } from '../staff-types.ts';

/**
 * The supervisor's bulk assignment: the rows ticked in the queue go to one case handler in one
 * request, all or none. When the server refuses a dossier (closed, say) it names its position in
 * the list; the message says which dossier, and nothing was assigned.
 */
export function BulkAssignForm({
  selected,
  items,
  members,
  onDone,
}: {
  selected: string[];
  items: QueueItem[];
  members: StaffMember[];
  onDone: (message: string) => void;
}) {
  const t = useT();
  const { api } = useSession();
  const [assigneeId, setAssigneeId] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected.length === 0) {
      setErrors([t('staff.bulk.noneSelected')]);
      return;
    }
    if (!assigneeId) {
      setErrors([t('staff.bulk.noAssignee')]);
      return;
    }
    try {
      await api.call('POST', '/api/v1/supervision/assignments', { dossierIds: selected, assigneeId });
      setErrors([]);
      const name = members.find((member) => member.id === assigneeId)?.displayName ?? '';
      onDone(t('staff.bulk.done', { count: selected.length, name }));
    } catch (caught) {
      if (!(caught instanceof ApiError)) {
        setErrors([t('staff.common.network')]);
        return;
      }
      // `dossierIds[2]`: the third dossier sent; say which one.
      const named = caught.fields.map((field) => {
        const index = /^dossierIds\[(\d+)\]$/.exec(field.path)?.[1];
        const item = index === undefined ? undefined : items.find((i) => i.id === selected[Number(index)]);
        return item ? `${item.number ?? item.id}: ${field.message}` : field.message;
      });
      setErrors([caught.message, ...named]);
    }
  }

  return (
    <form className="staff-bulk" noValidate onSubmit={onSubmit} aria-labelledby="bulk-title">
      <h3 id="bulk-title">{t('staff.bulk.title')}</h3>
      <p className="staff-hint" role="status">
        {t('staff.bulk.selected', { count: selected.length })}
      </p>
      {errors.length > 0 ? (
        <div id="bulk-error" className="field-error" role="alert">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      ) : null}
      <div className="staff-bulk__row">
        <div className="form-group">
          <label className="label" htmlFor="bulk-assignee">
            {t('staff.bulk.assignee')}
          </label>
          <select
            id="bulk-assignee"
            className="select"
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.target.value)}
            aria-describedby={errors.length > 0 ? 'bulk-error' : undefined}
          >
            <option value="">{t('staff.bulk.chooseAssignee')}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.displayName}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('staff.bulk.submit', { count: selected.length })}
        </button>
      </div>
    </form>
  );
}
