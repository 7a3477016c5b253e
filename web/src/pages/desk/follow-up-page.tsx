import { type FormEvent, useRef, useState } from 'react';
import { messageLang } from '../../../../src/desk/desk-languages.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { SummaryList } from '../../components/summary-list.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { pagePath } from '../../page-routes.ts';
import { useSession } from '../../session.tsx';
import { formatDate } from '../employer/labels.ts';
import { DeskLanguageNav } from './desk-pages.tsx';
import { useDesk } from './desk-texts.ts';

interface FollowUp {
  reference: string;
  status: 'RECEIVED' | 'ADMISSIBLE' | 'NOT_ADMISSIBLE' | 'FORWARDED';
  receivedOn: string;
  forwardedTo: string | null;
  messages: Array<{ id: string; author: 'INSPECTOR' | 'REPORTER'; body: string; writtenOn: string }>;
  attachmentCount: number;
  canAnswer: boolean;
}

/**
 * `/desk/follow-up`: the reporter opens their report with its reference and follow-up code (kept in
 * this page's memory only, sent with each request, never in the address or a cookie), reads the
 * status and the inspector's questions, and answers.
 */
export function FollowUpPage() {
  const { lang, t } = useDesk();
  const { api } = useSession();
  const [reference, setReference] = useState('');
  const [code, setCode] = useState('');
  const [report, setReport] = useState<FollowUp | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [answer, setAnswer] = useState('');
  const [notice, setNotice] = useState('');
  const [isPending, setPending] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  usePageTitle(t('followUp.title'), summary.length > 0);
  const headers = { 'accept-language': messageLang(lang) };

  function show(found: Record<string, string>) {
    setErrors(found);
    setSummary(Object.entries(found).map(([field, message]) => ({ message, fieldId: `follow-up-${field}` })));
  }
  function showError(error: unknown, field: string) {
    if (error instanceof ApiError && error.fields.length > 0)
      show(Object.fromEntries(error.fields.map((f) => [f.path === 'body' ? 'answer' : f.path, f.message])));
    else if (error instanceof ApiError && error.code === 'LOKET_DESK_CODE_INVALID')
      show({ code: t('followUp.codeInvalid') });
    else show({ [field]: error instanceof ApiError ? error.message : t('loadFailed') });
  }

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!reference.trim()) found.reference = t('followUp.referenceRequired');
    if (!code.trim()) found.code = t('followUp.codeRequired');
    if (Object.keys(found).length > 0) return show(found);
    setPending(true);
    try {
      setReport(
        await api.call<FollowUp>(
          'POST',
          '/api/v1/desk/follow-up',
          { reference: reference.trim(), code: code.trim() },
          headers,
        ),
      );
      show({});
    } catch (error) {
      showError(error, 'code');
    } finally {
      setPending(false);
    }
  }

  async function sendAnswer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!answer.trim()) return show({ answer: t('followUp.answerRequired') });
    setPending(true);
    try {
      setReport(
        await api.call<FollowUp>(
          'POST',
          '/api/v1/desk/follow-up/answers',
          { reference: reference.trim(), code: code.trim(), body: answer.trim() },
          headers,
        ),
      );
      setAnswer('');
      setNotice(t('followUp.answerSent'));
      show({});
    } catch (error) {
      showError(error, 'answer');
    } finally {
      setPending(false);
    }
  }

  async function addFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('reference', reference.trim());
    form.append('code', code.trim());
    form.append('file', file);
    setPending(true);
    try {
      await api.upload('/api/v1/desk/follow-up/attachments', form);
      setReport(
        await api.call<FollowUp>(
          'POST',
          '/api/v1/desk/follow-up',
          { reference: reference.trim(), code: code.trim() },
          headers,
        ),
      );
      if (fileInput.current) fileInput.current.value = '';
      setNotice(t('followUp.fileAdded'));
      show({});
    } catch (error) {
      showError(error, 'file');
    } finally {
      setPending(false);
    }
  }

  return (
    <div lang={lang}>
      <DeskLanguageNav path={pagePath('deskFollowUp')} />
      <PageHeading>{t('followUp.title')}</PageHeading>
      <ErrorSummary items={summary} />
      {report ? (
        <>
          <SummaryList
            rows={[
              { key: 'reference', label: t('followUp.reference'), value: report.reference },
              {
                key: 'received',
                label: t('followUp.receivedOn'),
                value: formatDate(lang, report.receivedOn),
              },
              {
                key: 'status',
                label: t('followUp.statusLabel'),
                value: t(`followUp.status.${report.status}`),
              },
              ...(report.forwardedTo
                ? [{ key: 'forwarded', label: t('followUp.forwardedTo'), value: report.forwardedTo }]
                : []),
            ]}
          />
          <p>{t('followUp.attachments', { count: report.attachmentCount })}</p>
          <section aria-labelledby="follow-up-messages">
            <h2 id="follow-up-messages">{t('followUp.messagesTitle')}</h2>
            {report.messages.length === 0 ? <p>{t('followUp.noMessages')}</p> : null}
            <ol className="desk-messages">
              {report.messages.map((message) => (
                <li
                  key={message.id}
                  className={`desk-messages__item desk-messages__item--${message.author.toLowerCase()}`}
                >
                  <p className="desk-messages__who">
                    <strong>
                      {message.author === 'INSPECTOR' ? t('followUp.inspector') : t('followUp.you')}
                    </strong>
                    , {formatDate(lang, message.writtenOn)}
                  </p>
                  <p className="desk-messages__body">{message.body}</p>
                </li>
              ))}
            </ol>
          </section>
          {notice ? (
            <p role="status" className="emp-notice emp-notice--success">
              {notice}
            </p>
          ) : null}
          {report.canAnswer ? (
            <>
              <form noValidate onSubmit={(event) => void sendAnswer(event)}>
                <TextareaField
                  id="follow-up-answer"
                  label={t('followUp.answerLabel')}
                  value={answer}
                  maxLength={3000}
                  onChange={(event) => setAnswer(event.target.value)}
                  error={errors.answer}
                />
                <button type="submit" className="button" disabled={isPending}>
                  {t('followUp.answerSubmit')}
                </button>
              </form>
              <form noValidate onSubmit={(event) => void addFile(event)} className="desk-form">
                <div className="form-group">
                  <label className="label" htmlFor="follow-up-file">
                    {t('followUp.addFile')}
                  </label>
                  <input
                    ref={fileInput}
                    id="follow-up-file"
                    type="file"
                    accept="application/pdf,image/jpeg,image/png"
                    className="form-file"
                  />
                </div>
                <button type="submit" className="button button--secondary" disabled={isPending}>
                  {t('followUp.addFileSubmit')}
                </button>
              </form>
            </>
          ) : (
            <p className="emp-notice">{t('followUp.closed')}</p>
          )}
        </>
      ) : (
        <form noValidate onSubmit={(event) => void open(event)}>
          <p className="lead">{t('followUp.intro')}</p>
          <TextField
            id="follow-up-reference"
            label={`${t('followUp.reference')} (${t('followUp.referenceHint')})`}
            value={reference}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setReference(event.target.value)}
            error={errors.reference}
          />
          <TextField
            id="follow-up-code"
            label={t('followUp.code')}
            hint={t('followUp.codeHint')}
            value={code}
            className="desk-code-input"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setCode(event.target.value)}
            error={errors.code}
          />
          <button type="submit" className="button" disabled={isPending}>
            {t('followUp.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
