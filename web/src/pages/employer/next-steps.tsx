import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { currentLang, useT } from '../../i18n.ts';
import { navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { AnswersSummary } from './answers-summary.tsx';
import { type DossierOverview, isFeeDue } from './dossier-model.ts';
import { formatDate, formatEuro } from './labels.ts';

/**
 * What the employer reads after submitting and afterwards: the confirmation with the dossier
 * number, what happens next and by when (the legal deadline Loket keeps), the appeal while it is
 * pending, the answers as submitted; and for a draft, the way to delete it.
 */

/** Shown once, right after the submission (`?submitted=1`): the number to quote, the mail to expect. */
export function SubmittedConfirmation({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  if (!dossier.number) return null;
  return (
    <section className="emp-notice emp-notice--success" aria-labelledby="confirmation-title">
      <h2 id="confirmation-title" className="emp-notice__title">
        {t('employer.confirmation.title')}
      </h2>
      <p>{t('employer.confirmation.number')}</p>
      <p className="emp-fee__reference">{dossier.number}</p>
      <p>{t('employer.confirmation.mail')}</p>
    </section>
  );
}

/** What happens next, by whom and by when, for the dossier's status; nothing once it is closed. */
export function NextSteps({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const lang = currentLang();
  const days = dossier.clock?.deadlineDays ?? null;
  const dueDate = dossier.clock?.dueDate ?? null;
  const openRequest = dossier.informationRequests.find((request) => !request.answer);
  let text: string | null = null;
  switch (dossier.status) {
    case 'SUBMITTED':
      text = isFeeDue(dossier)
        ? t('employer.nextSteps.payFee', {
            amount: formatEuro(lang, (dossier.fee.amountDueCents ?? 0) / 100),
            days: days ?? '',
          })
        : t('employer.nextSteps.admissibility', { days: days ?? '' });
      break;
    case 'ADMISSIBLE':
    case 'IN_REVIEW':
      text = dueDate
        ? t('employer.nextSteps.review', { date: formatDate(lang, dueDate) })
        : t('employer.nextSteps.reviewNoDate');
      break;
    case 'INFORMATION_REQUESTED':
      text = openRequest?.answerDueOn
        ? t('employer.nextSteps.answer', { date: formatDate(lang, openRequest.answerDueOn) })
        : t('employer.nextSteps.answerNoDate');
      break;
    case 'APPEALED':
      text = t('employer.nextSteps.appeal');
      break;
    default:
      return null;
  }
  return (
    <section aria-labelledby="next-steps-title">
      <h2 id="next-steps-title">{t('employer.nextSteps.title')}</h2>
      <p>{text}</p>
      {dossier.status !== 'APPEALED' ? <p>{t('employer.nextSteps.mail')}</p> : null}
    </section>
  );
}

/** The employer's pending appeal: when it was lodged, its grounds, what follows. */
export function PendingAppeal({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  if (dossier.status !== 'APPEALED' || !dossier.appeal) return null;
  return (
    <section aria-labelledby="pending-appeal-title">
      <h2 id="pending-appeal-title">{t('employer.pendingAppeal.title')}</h2>
      <p>
        {t('employer.pendingAppeal.lodgedOn', { date: formatDate(currentLang(), dossier.appeal.lodgedOn) })}
      </p>
      <p className="emp-request__question">{dossier.appeal.grounds}</p>
      <p>{t('employer.pendingAppeal.outcomes')}</p>
    </section>
  );
}

/** The answers as submitted, folded away (long), for reading back after the submission. */
export function SubmittedAnswers({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  return (
    <section aria-labelledby="submitted-answers-title">
      <h2 id="submitted-answers-title">{t('employer.submittedAnswers.title')}</h2>
      <details className="emp-details">
        <summary>{t('employer.submittedAnswers.show')}</summary>
        <AnswersSummary dossier={dossier} headingLevel={3} />
      </details>
    </section>
  );
}

/** Deleting a draft, after a confirmation: gone for good, with its documents. */
export function DeleteDraftSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const { api } = useSession();
  const [isConfirming, setConfirming] = useState(false);
  const [isPending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  async function onDelete() {
    if (isPending) return;
    setPending(true);
    try {
      await api.call('DELETE', `/api/v1/dossiers/${dossier.id}?version=${dossier.version}`);
      navigate('/employer');
    } catch (error) {
      setMessage(
        error instanceof ApiError && error.status === 409
          ? t('employer.conflict.text')
          : error instanceof ApiError
            ? error.message
            : t('employer.errors.network'),
      );
      setPending(false);
    }
  }
  return (
    <section aria-labelledby="delete-draft-title">
      <h2 id="delete-draft-title">{t('employer.deleteDraft.title')}</h2>
      {isConfirming ? (
        <div className="emp-notice emp-notice--warning">
          <p>{t('employer.deleteDraft.confirmText')}</p>
          <p className="emp-actions">
            <button
              type="button"
              className="button emp-button--warning"
              disabled={isPending}
              onClick={() => void onDelete()}
            >
              {t('employer.deleteDraft.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('employer.deleteDraft.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <>
          <p>{t('employer.deleteDraft.intro')}</p>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('employer.deleteDraft.start')}
          </button>
        </>
      )}
      <p role="status" className="emp-status">
        {message}
      </p>
    </section>
  );
}
