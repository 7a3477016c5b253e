import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { formatDate } from './labels.ts';

interface WorkerAccessCode {
  code: string;
  expiresAt: string;
}

/**
 * "Give the worker read access": a one-time code the worker enters at /worker. The code is shown
 * once (the server keeps only its hash), so the page says to pass it on now.
 */
export function WorkerAccess({
  dossierId,
  termsConfirmedAt,
}: {
  dossierId: string;
  /** The worker's confirmation that they were told the terms (policy note 002 §2.8), if given. */
  termsConfirmedAt: string | null;
}) {
  const t = useT();
  const { api } = useSession();
  const [access, setAccess] = useState<WorkerAccessCode | null>(null);
  const [message, setMessage] = useState('');
  const [isPending, setPending] = useState(false);

  async function revoke() {
    if (isPending) return;
    setPending(true);
    setMessage('');
    try {
      await api.call('DELETE', `/api/v1/dossiers/${dossierId}/worker-access`);
      setAccess(null);
      setMessage(t('employer.workerAccess.revoked'));
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : t('employer.workerAccess.unavailable'));
    } finally {
      setPending(false);
    }
  }

  async function onClick() {
    if (isPending) return;
    setPending(true);
    setMessage('');
    try {
      setAccess(await api.call<WorkerAccessCode>('POST', `/api/v1/dossiers/${dossierId}/worker-access`));
    } catch (error) {
      setMessage(
        error instanceof ApiError && error.status !== 404
          ? error.message
          : t('employer.workerAccess.unavailable'),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="worker-access-title">
      <h2 id="worker-access-title">{t('employer.workerAccess.title')}</h2>
      <p>{t('employer.workerAccess.intro')}</p>
      <p data-testid="worker-terms-confirmation">
        {termsConfirmedAt
          ? t('employer.workerAccess.termsConfirmed', { date: formatDate(currentLang(), termsConfirmedAt) })
          : t('employer.workerAccess.termsNotConfirmed')}
      </p>
      {access ? (
        <div className="emp-notice" role="status">
          <p>{t('employer.workerAccess.codeIntro')}</p>
          <p className="emp-fee__reference">{access.code}</p>
          <p>
            {t('employer.workerAccess.instructions', {
              address: `${window.location.origin}/worker`,
              date: formatDate(currentLang(), access.expiresAt),
            })}
          </p>
        </div>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={isPending}
          onClick={() => void onClick()}
        >
          {t('employer.workerAccess.give')}
        </button>
      )}
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={isPending}
          onClick={() => void revoke()}
        >
          {t('employer.workerAccess.revoke')}
        </button>
      </p>
      <p role="status" className="emp-status">
        {message}
      </p>
    </section>
  );
}
