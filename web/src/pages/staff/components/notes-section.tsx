import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api.ts';
import { useT } from '../../../i18n.ts';
import { useSession } from '../../../session.tsx';
import { formatDate } from '../staff-format.ts';
import type { DossierOverview } from '../staff-types.ts';
import { Section } from './dossier-sections.tsx';
import { TextArea } from './panel-parts.tsx';

/**
 * Internal notes: what staff tell each other about a dossier (a phone call, a doubt). Never shown
 * to the employer or the worker and never printed in a letter; each note is in the audit trail
 * and the staff history.
 */
export function NotesSection({ dossier, onAdded }: { dossier: DossierOverview; onAdded: () => void }) {
  const t = useT();
  const { api } = useSession();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const notes = dossier.internalNotes ?? [];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await api.call('POST', `/api/v1/dossiers/${dossier.id}/notes`, { text });
      setText('');
      setError('');
      onAdded();
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.fields.find((f) => f.path === 'text') : undefined;
      setError(
        field
          ? `${t('staff.notes.text')}: ${field.message}`
          : caught instanceof ApiError
            ? caught.message
            : t('staff.common.network'),
      );
    }
  }

  return (
    <Section id="notes" title={t('staff.notes.title')}>
      <p className="staff-hint">{t('staff.notes.intro')}</p>
      {notes.length === 0 ? (
        <p>{t('staff.notes.none')}</p>
      ) : (
        <ul className="staff-notes">
          {notes.map((note) => (
            <li key={note.id} className="staff-note">
              <p className="staff-note__meta">
                {t('staff.notes.by', {
                  name: note.authorName ?? t('staff.common.none'),
                  date: formatDate(note.on),
                })}
              </p>
              <p className="staff-note__text">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={onSubmit}>
        <TextArea
          id="note-text"
          label={t('staff.notes.text')}
          value={text}
          onChange={setText}
          error={error || undefined}
        />
        <button type="submit" className="button button--secondary">
          {t('staff.notes.add')}
        </button>
      </form>
    </Section>
  );
}
