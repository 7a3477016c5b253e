import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { isDeskLang } from '../../../../src/desk/desk-languages.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { SummaryList } from '../../components/summary-list.tsx';
import { Tag } from '../../components/tag.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextareaField } from '../../components/textarea-field.tsx';
import { formatKbo } from '../../format.ts';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { formatDate } from '../employer/labels.ts';
import { Loading } from '../role-home-page.tsx';
import { LANGUAGE_NAMES } from './desk-catalogues.ts';
import { type ReportStatus, STATUS_TONE } from './inspector-reports-page.tsx';

interface ReportDetail {
  id: string;
  reference: string;
  lang: string;
  receivedOn: string;
  reporterRole: 'WORKER' | 'COLLEAGUE' | 'EMPLOYER' | 'OTHER';
  contact: string | null;
  employerName: string | null;
  place: string | null;
  categories: string[];
  description: string;
  status: ReportStatus;
  triageReason: string | null;
  forwardedTo: string | null;
  triagedOn: string | null;
  employer: LinkedEmployerView | null;
  messages: Array<{ id: string; author: 'INSPECTOR' | 'REPORTER'; body: string; writtenOn: string }>;
  attachments: Array<{ id: string; mediaType: string; sizeBytes: number; addedOn: string }>;
}

interface LinkedEmployerView {
  enterpriseNumber: string;
  name: string | null;
  dossiers: number;
  reports: { total: number; admissible: number } | null;
}

/**
 * The employer a report is linked to, by name and number, as a link to the employer's file (its
 * score, dossiers, reports and inspections), and its dossiers' count as a link to the file's list.
 */
function LinkedEmployer({ employer }: { employer: LinkedEmployerView }) {
  const t = useT();
  const file = pagePath('inspectorEmployer', { enterpriseNumber: employer.enterpriseNumber });
  const number = formatKbo(employer.enterpriseNumber);
  return (
    <>
      <Link href={file}>{employer.name ? `${employer.name} (${number})` : number}</Link>
      <br />
      {employer.dossiers > 0 ? (
        <Link href={`${file}#file-dossiers`}>
          {t('staff.triage.employerDossiers', { count: employer.dossiers })}
        </Link>
      ) : (
        t('staff.triage.employerDossiers', { count: 0 })
      )}
      {', '}
      {t('staff.triage.employerReports', {
        reports: employer.reports?.total ?? 0,
        admissible: employer.reports?.admissible ?? 0,
      })}
    </>
  );
}

const KIND: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };
const size = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} kB`;

/** `/inspector/reports/:deskReportId`: one report, its conversation, the triage and the employer link. */
export function InspectorReportPage({ id }: { id: string }) {
  const t = useT();
  const { api } = useSession();
  const lang = currentLang();
  const [report, setReport] = useState<ReportDetail | null | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [notice, setNotice] = useState('');
  const [isPending, setPending] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const [question, setQuestion] = useState('');
  const [kbo, setKbo] = useState('');
  usePageTitle(
    report ? t('staff.triage.detailTitle', { reference: report.reference }) : t('staff.triage.title'),
    summary.length > 0,
  );

  useEffect(() => {
    let current = true;
    api.call<ReportDetail>('GET', `/api/v1/inspector/reports/${id}`).then(
      (answer) => {
        if (!current) return;
        setReport(answer);
        setKbo(answer.employer ? formatKbo(answer.employer.enterpriseNumber) : '');
      },
      () => current && setReport(null),
    );
    return () => {
      current = false;
    };
  }, [api, id]);

  const show = useCallback((found: Record<string, string>) => {
    setErrors(found);
    setSummary(Object.entries(found).map(([field, message]) => ({ message, fieldId: `triage-${field}` })));
  }, []);

  async function act(run: () => Promise<ReportDetail>, done: string, fieldOf: Record<string, string> = {}) {
    setPending(true);
    setNotice('');
    try {
      setReport(await run());
      show({});
      setNotice(done);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        show(Object.fromEntries(error.fields.map((f) => [fieldOf[f.path] ?? f.path, f.message])));
      else show({ failed: error instanceof ApiError ? error.message : t('staff.triage.failed') });
      return false;
    } finally {
      setPending(false);
    }
  }

  async function triage(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!outcome) found.outcome = t('staff.triage.outcomeRequired');
    if (!reason.trim()) found.reason = t('staff.triage.reasonRequired');
    if (outcome === 'FORWARDED' && !forwardedTo.trim())
      found.forwardedTo = t('staff.triage.forwardedToRequired');
    if (Object.keys(found).length > 0) return show(found);
    await act(
      () =>
        api.call<ReportDetail>('POST', `/api/v1/inspector/reports/${id}/triage`, {
          outcome,
          reason: reason.trim(),
          forwardedTo: outcome === 'FORWARDED' ? forwardedTo.trim() : null,
        }),
      t('staff.triage.triaged'),
    );
  }

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!question.trim()) return show({ question: t('staff.triage.askRequired') });
    const sent = await act(
      () =>
        api.call<ReportDetail>('POST', `/api/v1/inspector/reports/${id}/questions`, {
          body: question.trim(),
        }),
      t('staff.triage.asked'),
      { body: 'question' },
    );
    if (sent) setQuestion('');
  }

  async function link(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await act(
      () =>
        api.call<ReportDetail>('PUT', `/api/v1/inspector/reports/${id}/employer`, {
          enterpriseNumber: kbo.trim() || null,
        }),
      t('staff.triage.linked'),
      { enterpriseNumber: 'kbo' },
    );
  }

  if (report === undefined) return <Loading />;
  if (report === null)
    return (
      <>
        <PageHeading>{t('staff.triage.title')}</PageHeading>
        <p role="alert">{t('staff.triage.failed')}</p>
        <p>
          <Link href={pagePath('inspectorReports')}>{t('staff.triage.back')}</Link>
        </p>
      </>
    );
  const isOpen = report.status === 'RECEIVED' || report.status === 'ADMISSIBLE';
  return (
    <>
      <p>
        <Link href={pagePath('inspectorReports')}>{t('staff.triage.back')}</Link>
      </p>
      <PageHeading>{t('staff.triage.detailTitle', { reference: report.reference })}</PageHeading>
      <p>
        <Tag tone={STATUS_TONE[report.status]}>{t(`staff.triage.statuses.${report.status}`)}</Tag>
      </p>
      <ErrorSummary items={summary} />
      {notice ? (
        <p role="status" className="emp-notice emp-notice--success">
          {notice}
        </p>
      ) : null}
      <SummaryList
        rows={[
          {
            key: 'received',
            label: t('staff.triage.receivedOn'),
            value: formatDate(lang, report.receivedOn),
          },
          {
            key: 'reporter',
            label: t('staff.triage.reporter'),
            value: t(`staff.triage.roles.${report.reporterRole}`),
          },
          {
            key: 'contact',
            label: t('staff.triage.contact'),
            value: report.contact ?? t('staff.triage.anonymous'),
          },
          {
            key: 'lang',
            label: t('staff.triage.language'),
            value: isDeskLang(report.lang) ? (
              <span lang={report.lang}>{LANGUAGE_NAMES[report.lang]}</span>
            ) : (
              report.lang
            ),
          },
          {
            key: 'subjects',
            label: t('staff.triage.subjects'),
            value: report.categories.map((c) => t(`staff.triage.categories.${c as 'OTHER'}`)).join(', '),
          },
          {
            key: 'employerName',
            label: t('staff.triage.employerName'),
            value: report.employerName ?? t('staff.triage.notGiven'),
          },
          {
            key: 'kbo',
            label: t('staff.triage.enterpriseNumber'),
            value: report.employer ? (
              <LinkedEmployer employer={report.employer} />
            ) : (
              t('staff.triage.notLinked')
            ),
          },
          { key: 'place', label: t('staff.triage.place'), value: report.place ?? '' },
          ...(report.triagedOn
            ? [
                {
                  key: 'triage',
                  label: t(`staff.triage.statuses.${report.status}`),
                  value: `${t('staff.triage.currentTriage', { date: formatDate(lang, report.triagedOn), reason: report.triageReason ?? '' })}${report.forwardedTo ? ` → ${report.forwardedTo}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      <section aria-labelledby="triage-description">
        <h2 id="triage-description">{t('staff.triage.description')}</h2>
        <p className="desk-messages__body" lang={isDeskLang(report.lang) ? report.lang : undefined}>
          {report.description}
        </p>
      </section>
      <section aria-labelledby="triage-attachments">
        <h2 id="triage-attachments">{t('staff.triage.attachments')}</h2>
        {report.attachments.length === 0 ? <p>{t('staff.triage.noAttachments')}</p> : null}
        <ul>
          {report.attachments.map((attachment, index) => (
            <li key={attachment.id}>
              <a href={`/api/v1/inspector/reports/${id}/attachments/${attachment.id}`}>
                {t('staff.triage.attachmentName', {
                  n: index + 1,
                  kind: KIND[attachment.mediaType] ?? '',
                  size: size(attachment.sizeBytes),
                })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="triage-messages">
        <h2 id="triage-messages">{t('staff.triage.messagesTitle')}</h2>
        {report.messages.length === 0 ? <p>{t('staff.triage.noMessages')}</p> : null}
        <ol className="desk-messages">
          {report.messages.map((message) => (
            <li
              key={message.id}
              className={`desk-messages__item desk-messages__item--${message.author.toLowerCase()}`}
            >
              <p className="desk-messages__who">
                <strong>
                  {message.author === 'INSPECTOR'
                    ? t('staff.triage.fromInspector')
                    : t('staff.triage.fromReporter')}
                </strong>
                , {formatDate(lang, message.writtenOn)}
              </p>
              <p className="desk-messages__body">{message.body}</p>
            </li>
          ))}
        </ol>
        {isOpen ? (
          <form noValidate onSubmit={(event) => void ask(event)}>
            <TextareaField
              id="triage-question"
              label={t('staff.triage.askLabel')}
              hint={t('staff.triage.askHint')}
              value={question}
              maxLength={3000}
              onChange={(event) => setQuestion(event.target.value)}
              error={errors.question}
            />
            <button type="submit" className="button button--secondary" disabled={isPending}>
              {t('staff.triage.askSubmit')}
            </button>
          </form>
        ) : (
          <p className="emp-notice">{t('staff.triage.closed')}</p>
        )}
      </section>
      <section aria-labelledby="triage-decision" className="panel">
        <h2 id="triage-decision">{t('staff.triage.triageTitle')}</h2>
        <form noValidate onSubmit={(event) => void triage(event)}>
          <RadioGroup
            id="triage-outcome"
            name="outcome"
            legend={t('staff.triage.outcomeLegend')}
            options={(['ADMISSIBLE', 'NOT_ADMISSIBLE', 'FORWARDED'] as const).map((value) => ({
              value,
              label: t(`staff.triage.outcomes.${value}`),
            }))}
            value={outcome}
            onChange={setOutcome}
            error={errors.outcome}
          />
          {outcome === 'FORWARDED' ? (
            <TextField
              id="triage-forwardedTo"
              label={t('staff.triage.forwardedTo')}
              value={forwardedTo}
              maxLength={200}
              onChange={(event) => setForwardedTo(event.target.value)}
              error={errors.forwardedTo}
            />
          ) : null}
          <TextareaField
            id="triage-reason"
            label={t('staff.triage.reason')}
            value={reason}
            maxLength={2000}
            onChange={(event) => setReason(event.target.value)}
            error={errors.reason}
          />
          <button type="submit" className="button" disabled={isPending}>
            {t('staff.triage.triageSubmit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="triage-link">
        <h2 id="triage-link">{t('staff.triage.linkTitle')}</h2>
        <form noValidate onSubmit={(event) => void link(event)}>
          <TextField
            id="triage-kbo"
            label={t('staff.triage.linkLabel')}
            value={kbo}
            inputMode="numeric"
            maxLength={20}
            onChange={(event) => setKbo(event.target.value)}
            error={errors.kbo}
          />
          <button type="submit" className="button button--secondary" disabled={isPending}>
            {t('staff.triage.linkSubmit')}
          </button>
        </form>
      </section>
    </>
  );
}
