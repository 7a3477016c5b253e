import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { Tag } from '../../components/tag.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { describeFieldError } from '../../field-names.ts';
import { currentLang, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import type { DossierOverview } from './dossier-model.ts';
import { formatDate } from './labels.ts';

/**
 * A proposed withdrawal of the employer's authorisation (decision 012) as the employer reads it:
 * the grounds with their legal basis and the facts, the day until which it is heard, a form to
 * answer until that day, and what the service decided. The right to be heard (hoorrecht) asks that
 * the employer knows all of this before the supervisor decides; the decided withdrawal itself
 * shows in the decision section, with its letter.
 */
export function WithdrawalHearing({
  dossier,
  onReload,
}: {
  dossier: DossierOverview;
  onReload(): Promise<void>;
}) {
  const t = useT();
  const lang = currentLang();
  const { api } = useSession();
  const [answer, setAnswer] = useState('');
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [answerError, setAnswerError] = useState<string | undefined>();
  const [isPending, setPending] = useState(false);
  const proposal = dossier.withdrawal;
  if (!proposal) return null;
  const canAnswer =
    proposal.isHearingOpen && proposal.outcome === null && dossier.allowedActions.includes('ANSWER_HEARING');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setPending(true);
    try {
      await api.call('POST', `/api/v1/dossiers/${dossier.id}/withdrawal-hearing`, {
        version: dossier.version,
        answer,
      });
      setSummary([]);
      setAnswerError(undefined);
      await onReload();
    } catch (error) {
      if (!(error instanceof ApiError)) setSummary([{ message: t('employer.errors.network') }]);
      else if (error.status === 409) setSummary([{ message: t('employer.conflict.text') }]);
      else {
        const field = error.fields.find((f) => f.path.replace(/^body\./, '') === 'answer');
        const message = field ? describeFieldError(field) : error.message;
        setAnswerError(field ? message : undefined);
        setSummary([field ? { message, fieldId: 'withdrawal-answer' } : { message }]);
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="withdrawal-title" className="emp-notice emp-notice--warning">
      <h2 id="withdrawal-title">{t('employer.withdrawal.title')}</h2>
      <p data-testid="withdrawal-state">
        {proposal.outcome === 'REVOKED'
          ? t('employer.withdrawal.revoked', { date: formatDate(lang, proposal.decidedOn) })
          : proposal.outcome === 'DISMISSED'
            ? t('employer.withdrawal.dismissed', { date: formatDate(lang, proposal.decidedOn) })
            : t('employer.withdrawal.proposed', { date: formatDate(lang, proposal.proposedOn) })}
      </p>
      <h3>{t('employer.withdrawal.grounds')}</h3>
      <ul className="list--bullet">
        {proposal.grounds.map((ground) => (
          <li key={ground.code}>
            {ground.statement}
            {ground.legalBasis ? (
              <span className="emp-reasons__basis">
                {' '}
                ({t('employer.assessment.legalBasis')} {ground.legalBasis})
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('employer.withdrawal.facts')}</h3>
      <p className="emp-motivation">{proposal.facts}</p>
      {proposal.answer ? (
        <>
          <h3>{t('employer.withdrawal.yourAnswer', { date: formatDate(lang, proposal.answeredOn) })}</h3>
          <p className="emp-motivation">{proposal.answer}</p>
        </>
      ) : proposal.outcome === null ? (
        <p>
          <Tag tone="action">
            {proposal.isHearingOpen
              ? t('employer.withdrawal.answerBy', { date: formatDate(lang, proposal.hearingDueOn) })
              : t('employer.withdrawal.hearingClosed', { date: formatDate(lang, proposal.hearingDueOn) })}
          </Tag>
        </p>
      ) : null}
      {canAnswer ? (
        <>
          <ErrorSummary items={summary} />
          <form noValidate onSubmit={onSubmit}>
            <TextareaField
              id="withdrawal-answer"
              name="answer"
              label={t('employer.withdrawal.answerLabel')}
              hint={t('employer.withdrawal.answerHint')}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              error={answerError}
            />
            <button type="submit" className="button" disabled={isPending}>
              {t('employer.withdrawal.send')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
