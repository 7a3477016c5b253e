import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { FieldErrorMessage } from '../../components/field-error-message.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { formatDate } from '../employer/labels.ts';
import type { Inspection } from './inspector-types.ts';

/**
 * An inspection's evidence files: each to download (the download is audited), and a file to add
 * (PDF, JPEG or PNG; the server checks the content and says why it refuses one, beside the field).
 */
export function EvidenceFiles({ inspection, onAdded }: { inspection: Inspection; onAdded(): void }) {
  const t = useT();
  const lang = currentLang();
  const { api } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const fieldId = `evidence-${inspection.id}`;
  const base = `/api/v1/enforcement/inspections/${inspection.id}/evidence`;
  const size = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError(t('inspector.evidence.choose'));
    const form = new FormData();
    form.append('file', file);
    setPending(true);
    try {
      await api.upload(base, form);
      if (input.current) input.current.value = '';
      setError(undefined);
      onAdded();
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught.fields[0]
            ? // The server's rule is a phrase about the field ("moet een PDF-… zijn"): it follows its name.
              `${t('inspector.evidence.theFile')} ${caught.fields[0].message}`
            : caught.message
          : t('inspector.file.failed'),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="inspector-evidence">
      <h4>{t('inspector.evidence.title')}</h4>
      {inspection.evidence.length === 0 ? (
        <p>{t('inspector.evidence.none')}</p>
      ) : (
        <ul>
          {inspection.evidence.map((file) => (
            <li key={file.id}>
              <a href={`${base}/${file.id}`} download>
                {file.fileName}
              </a>{' '}
              {t('inspector.evidence.added', {
                size: size.format(file.sizeBytes / 1024),
                date: formatDate(lang, file.addedAt.slice(0, 10)),
              })}
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={(event) => void add(event)} className="inspector-evidence__form">
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          <label className="label" htmlFor={fieldId}>
            {t('inspector.evidence.label')}
          </label>
          <p id={`${fieldId}-hint`} className="form-hint">
            {t('inspector.evidence.hint')}
          </p>
          <FieldErrorMessage id={`${fieldId}-error`} message={error} />
          <input
            ref={input}
            id={fieldId}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            className="form-file"
            aria-describedby={error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button button--secondary button--small" disabled={pending}>
          {t('inspector.evidence.submit')}
        </button>
      </form>
    </div>
  );
}
