import { type FormEvent, useState } from 'react';
import type { EmploymentTerms } from '../../../../src/dossiers/worker-access/employment-terms.ts';
import { ApiError } from '../../api.ts';
import { SummaryList } from '../../components/summary-list.tsx';
import { TextField } from '../../components/text-field.tsx';
import { formatPercent } from '../../format.ts';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { formatDate, formatEuro } from './labels.ts';

/** The employment terms the employer declared, as the worker is shown them (`/api/v1/worker-access/*`). */
export type { EmploymentTerms };

interface WorkerAnswer<T> {
  dossier: T;
}

/**
 * The worker's part (policy note 002 §2.8): read the terms the employer declared and confirm they
 * were told them; leave an e-mail address to hear of decisions. Each answer is the dossier anew.
 */
export function WorkerTerms<T extends { terms: EmploymentTerms; termsConfirmedAt: string | null }>({
  dossier,
  onChanged,
}: {
  dossier: T;
  onChanged(dossier: T): void;
}) {
  const t = useT();
  const lang = currentLang();
  const { api } = useSession();
  const [isChecked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { terms } = dossier;
  const fraction = terms.employmentFraction;

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isChecked) {
      setError(t('employer.workerTerms.tickFirst'));
      return;
    }
    try {
      const answer = await api.call<WorkerAnswer<T>>('POST', '/api/v1/worker-access/terms-confirmation', {
        confirmed: true,
      });
      setError(null);
      onChanged(answer.dossier);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('employer.errors.network'));
    }
  }

  return (
    <section aria-labelledby="worker-terms-title">
      <h2 id="worker-terms-title">{t('employer.workerTerms.title')}</h2>
      <p>{t('employer.workerTerms.intro')}</p>
      <SummaryList
        rows={[
          { key: 'title', label: t('employer.workerTerms.jobTitle'), value: terms.jobTitle ?? '–' },
          {
            key: 'salary',
            label: t('employer.workerTerms.salary'),
            value: terms.grossAnnualSalary === null ? '–' : formatEuro(lang, terms.grossAnnualSalary),
          },
          {
            key: 'fraction',
            label: t('employer.workerTerms.fraction'),
            value:
              fraction === null
                ? '–'
                : fraction === 1
                  ? t('employer.workerTerms.fullTime')
                  : t('employer.workerTerms.partTime', {
                      percent: formatPercent(lang, fraction),
                    }),
          },
          {
            key: 'start',
            label: t('employer.workerTerms.start'),
            value: formatDate(lang, terms.startDate) || '–',
          },
          {
            key: 'end',
            label: t('employer.workerTerms.end'),
            value: terms.endDate ? formatDate(lang, terms.endDate) : t('employer.workerTerms.openEnded'),
          },
          { key: 'place', label: t('employer.workerTerms.place'), value: terms.workplacePostalCode ?? '–' },
        ]}
      />
      {dossier.termsConfirmedAt ? (
        <p className="notice" role="status">
          {t('employer.workerTerms.confirmed', { date: formatDate(lang, dossier.termsConfirmedAt) })}
        </p>
      ) : (
        <form noValidate onSubmit={onConfirm}>
          <div className="staff-checkbox">
            <input
              id="worker-terms-confirm"
              type="checkbox"
              checked={isChecked}
              onChange={(event) => setChecked(event.target.checked)}
              aria-describedby={error ? 'worker-terms-error' : undefined}
            />
            <label htmlFor="worker-terms-confirm">{t('employer.workerTerms.statement')}</label>
          </div>
          {error ? (
            <p id="worker-terms-error" className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button">
            {t('employer.workerTerms.confirm')}
          </button>
          {/* Advice for before confirming only: once confirmed, it no longer applies. */}
          <p>{t('employer.workerTerms.notAgreed')}</p>
        </form>
      )}
    </section>
  );
}

export function WorkerEmail<T extends { hasEmail: boolean }>({
  dossier,
  onChanged,
}: {
  dossier: T;
  onChanged(dossier: T): void;
}) {
  const t = useT();
  const { api } = useSession();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function save(value: string | null) {
    try {
      const answer = await api.call<WorkerAnswer<T>>('PUT', '/api/v1/worker-access/contact', {
        email: value,
      });
      setError(undefined);
      setEmail('');
      onChanged(answer.dossier);
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.fields.find((f) => f.path === 'email') : undefined;
      setError(
        field
          ? t('employer.workerEmail.invalid')
          : failure instanceof ApiError
            ? failure.message
            : t('employer.errors.network'),
      );
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim()) {
      setError(t('employer.workerEmail.required'));
      return;
    }
    await save(email.trim());
  }

  return (
    <section aria-labelledby="worker-email-title">
      <h2 id="worker-email-title">{t('employer.workerEmail.title')}</h2>
      {dossier.hasEmail ? (
        <>
          <p role="status">{t('employer.workerEmail.onFile')}</p>
          <button type="button" className="button button--secondary" onClick={() => void save(null)}>
            {t('employer.workerEmail.remove')}
          </button>
        </>
      ) : (
        <form noValidate onSubmit={onSubmit}>
          <p>{t('employer.workerEmail.intro')}</p>
          <TextField
            id="worker-email"
            name="email"
            type="email"
            autoComplete="email"
            label={t('employer.workerEmail.label')}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={error}
          />
          <button type="submit" className="button">
            {t('employer.workerEmail.save')}
          </button>
        </form>
      )}
    </section>
  );
}
