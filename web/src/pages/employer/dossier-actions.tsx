import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { SummaryList } from '../../components/summary-list.tsx';
import { Tag } from '../../components/tag.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { describeFieldError } from '../../field-names.ts';
import { messagesWithout, summaryWithout } from '../../form-errors.ts';
import { currentLang, useT } from '../../i18n.ts';
import { navigate } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import { UploadForm } from './documents-step.tsx';
import { brusselsToday, type DossierOverview, type FeeInstructions, svgDataUrl } from './dossier-model.ts';
import { stepPath } from './employer-area.tsx';
import { formatDate, formatEuro } from './labels.ts';

/** What the employer can do on a submitted dossier: pay, answer, appeal, renew, withdraw. */

interface ChangeProps {
  dossier: DossierOverview;
  onChanged(dossier: DossierOverview): void;
  onReload(): Promise<void>;
}

/** The fee still to pay: amount, structured reference, account and the EPC QR code for a banking app. */
export function FeeSection({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const [fee, setFee] = useState<FeeInstructions | null>(null);
  useEffect(() => {
    api.call<FeeInstructions>('GET', `/api/v1/dossiers/${dossier.id}/fee`).then(setFee, () => setFee(null));
  }, [api, dossier.id]);
  return (
    <section aria-labelledby="fee-title" className="emp-fee">
      <h2 id="fee-title">{t('employer.fee.title')}</h2>
      <p>{t('employer.fee.intro')}</p>
      {fee ? (
        <>
          <p className="emp-fee__label">{t('employer.fee.reference')}</p>
          <p className="emp-fee__reference">{fee.reference}</p>
          <SummaryList
            rows={[
              { key: 'amount', label: t('employer.fee.amount'), value: formatEuro(lang, fee.amountEur) },
              { key: 'beneficiary', label: t('employer.fee.beneficiary'), value: fee.beneficiary },
              // Grouped by four, as banks print it: easier to read and to type over.
              { key: 'iban', label: t('employer.fee.iban'), value: fee.iban.replace(/(.{4})(?=.)/g, '$1 ') },
              { key: 'bic', label: t('employer.fee.bic'), value: fee.bic },
            ]}
          />
          <img
            className="emp-fee__qr"
            src={svgDataUrl(fee.qrSvg)}
            alt={t('employer.fee.qrAlt', {
              amount: formatEuro(lang, fee.amountEur),
              reference: fee.reference,
            })}
            width={200}
            height={200}
          />
        </>
      ) : (
        <Loading />
      )}
      <p>
        <a href={`/api/v1/dossiers/${dossier.id}/fee.pdf`}>{t('employer.fee.pdf')}</a>
      </p>
    </section>
  );
}

/** Runs one lifecycle action; the overview it returns replaces the page's. */
export function useAction(dossier: DossierOverview, onChanged: (dossier: DossierOverview) => void) {
  const t = useT();
  const { api } = useSession();
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [isPending, setPending] = useState(false);
  async function run(body: Record<string, unknown>, fieldIds: Record<string, string> = {}): Promise<boolean> {
    if (isPending) return false;
    setPending(true);
    try {
      onChanged(
        await api.call<DossierOverview>('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
          ...body,
          version: dossier.version,
        }),
      );
      setSummary([]);
      setFieldErrors({});
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setSummary([{ message: t('employer.errors.network') }]);
        return false;
      }
      if (error.status === 409) {
        setSummary([{ message: t('employer.conflict.text') }]);
        return false;
      }
      const byField: Record<string, string> = {};
      const items: SummaryItem[] = error.fields.map((field) => {
        const id = fieldIds[field.path];
        const message = describeFieldError(field);
        if (id) byField[field.path] = message;
        return id ? { message, fieldId: id } : { message };
      });
      setFieldErrors(byField);
      setSummary(items.length > 0 ? items : [{ message: error.message }]);
      return false;
    } finally {
      setPending(false);
    }
  }
  /** The field at `path` (with the id `id`) changed: its message no longer holds. */
  function clearFieldError(path: string, id: string): void {
    setFieldErrors((current) => messagesWithout(current, path));
    setSummary((current) => summaryWithout(current, id));
  }
  return { run, summary, fieldErrors, isPending, clearFieldError };
}

export function InformationRequests({ dossier, onChanged, onReload }: ChangeProps) {
  const t = useT();
  const lang = currentLang();
  const canAnswer = dossier.allowedActions.includes('ANSWER_INFORMATION');
  const [answer, setAnswer] = useState('');
  const action = useAction(dossier, onChanged);
  if (dossier.informationRequests.length === 0) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await action.run({ action: 'ANSWER_INFORMATION', answer }, { answer: 'information-answer' }))
      setAnswer('');
  }

  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('employer.requests.title')}</h2>
      {dossier.informationRequests.map((request) => (
        <div key={request.id} className="emp-request">
          <h3>{t('employer.requests.askedOn', { date: formatDate(lang, request.requestedOn) })}</h3>
          <p className="emp-request__question">{request.question}</p>
          {!request.answer && request.answerDueOn ? (
            <p>
              <Tag tone="action">
                {t('employer.requests.answerBy', { date: formatDate(lang, request.answerDueOn) })}
              </Tag>{' '}
              {request.isOverdue ? t('employer.requests.overdue') : null}
            </p>
          ) : null}
          {request.answer ? (
            <p>
              {t('employer.requests.yourAnswer', { date: formatDate(lang, request.answeredOn) })}{' '}
              {request.answer}
            </p>
          ) : null}
          {request.answer && request.isAnsweredLate && request.answerDueOn ? (
            <p className="emp-request__late">
              {t('employer.requests.answeredLate', { date: formatDate(lang, request.answerDueOn) })}
            </p>
          ) : null}
        </div>
      ))}
      {canAnswer ? (
        <>
          <ErrorSummary items={action.summary} />
          <form noValidate onSubmit={onSubmit}>
            <TextareaField
              id="information-answer"
              name="answer"
              label={t('employer.requests.answerLabel')}
              hint={t('employer.requests.answerHint')}
              value={answer}
              onChange={(e) => {
                setAnswer(e.target.value);
                action.clearFieldError('answer', 'information-answer');
              }}
              error={action.fieldErrors.answer}
            />
            <button type="submit" className="button" disabled={action.isPending}>
              {t('employer.requests.send')}
            </button>
          </form>
          <UploadForm dossier={dossier} onUploaded={onReload} />
        </>
      ) : null}
    </section>
  );
}

export function AppealForm({
  dossier,
  onChanged,
}: {
  dossier: DossierOverview;
  onChanged(d: DossierOverview): void;
}) {
  const t = useT();
  const [grounds, setGrounds] = useState('');
  const action = useAction(dossier, onChanged);
  const lastDay = dossier.appealLastDay ?? null;
  const lastDayText = lastDay ? formatDate(currentLang(), lastDay) : '';
  if (lastDay && brusselsToday() > lastDay) {
    return (
      <section aria-labelledby="appeal-title">
        <h2 id="appeal-title">{t('employer.appeal.title')}</h2>
        <p>{t('employer.appeal.closed', { date: lastDayText })}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t('employer.appeal.title')}</h2>
      <p>{t('employer.appeal.intro')}</p>
      {lastDay ? (
        <p data-testid="appeal-last-day">{t('employer.appeal.lastDay', { date: lastDayText })}</p>
      ) : null}
      <ErrorSummary items={action.summary} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void action.run({ action: 'APPEAL', grounds }, { grounds: 'appeal-grounds' });
        }}
      >
        <TextareaField
          id="appeal-grounds"
          name="grounds"
          label={t('employer.appeal.grounds')}
          value={grounds}
          onChange={(e) => {
            setGrounds(e.target.value);
            action.clearFieldError('grounds', 'appeal-grounds');
          }}
          error={action.fieldErrors.grounds}
        />
        <button type="submit" className="button" disabled={action.isPending}>
          {t('employer.appeal.submit')}
        </button>
      </form>
    </section>
  );
}

export function RenewalButton({ dossier }: { dossier: DossierOverview }) {
  const t = useT();
  const { api } = useSession();
  const [isPending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  async function onClick() {
    if (isPending) return;
    setPending(true);
    try {
      // One renewal per granted dossier: asking again opens the same draft.
      const draft = await api.call<DossierOverview>(
        'POST',
        `/api/v1/dossiers/${dossier.id}/renewal`,
        undefined,
        {
          'idempotency-key': `renewal:${dossier.id}`,
        },
      );
      navigate(stepPath(draft.id, draft.steps[0]?.id ?? 'employer'));
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : t('employer.errors.network'));
      setPending(false);
    }
  }
  return (
    <section aria-labelledby="renewal-title">
      <h2 id="renewal-title">{t('employer.renewal.title')}</h2>
      <p>{t('employer.renewal.intro')}</p>
      <button type="button" className="button" disabled={isPending} onClick={() => void onClick()}>
        {t('employer.renewal.start')}
      </button>
      <p role="status" className="emp-status">
        {message}
      </p>
    </section>
  );
}

export function WithdrawSection({
  dossier,
  onChanged,
}: {
  dossier: DossierOverview;
  onChanged(d: DossierOverview): void;
}) {
  const t = useT();
  const [isConfirming, setConfirming] = useState(false);
  const action = useAction(dossier, onChanged);
  return (
    <section aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('employer.withdraw.title')}</h2>
      <ErrorSummary items={action.summary} />
      {isConfirming ? (
        <div className="emp-notice emp-notice--warning">
          <p>{t('employer.withdraw.confirmText')}</p>
          <p className="emp-actions">
            <button
              type="button"
              className="button emp-button--warning"
              disabled={action.isPending}
              onClick={() => void action.run({ action: 'WITHDRAW' })}
            >
              {t('employer.withdraw.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('employer.withdraw.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <>
          <p>{t('employer.withdraw.intro')}</p>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('employer.withdraw.start')}
          </button>
        </>
      )}
    </section>
  );
}
