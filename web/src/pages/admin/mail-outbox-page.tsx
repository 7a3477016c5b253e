import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Link } from '../../routing.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';

interface OutboxMail {
  id: string;
  createdAt: string;
  dossierNumber: string;
  kind: 'RECEIVED' | 'ACTION_NEEDED' | 'DECISION';
  audience: 'EMPLOYER' | 'WORKER';
  recipient: string;
  lang: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  subject: string;
  text: string;
}

interface OutboxPage {
  total: number;
  smtpConfigured: boolean;
  mails: OutboxMail[];
}

const PAGE_SIZE = 50;
const STATUS_TAG = { PENDING: 'tag--progress', SENT: 'tag--success', FAILED: 'tag--failure' } as const;

function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/**
 * `/admin/outbox`: the mails Loket sends employers and workers, newest first. Without an SMTP server
 * (the demo) every mail waits here, so the demo shows what would have been sent.
 */
export function MailOutboxPage() {
  const t = useT();
  const title = t('outbox.title');
  usePageTitle(title);
  const { load } = useApiLoad<OutboxPage>(`/api/v1/mail-outbox?limit=${PAGE_SIZE}`);
  return (
    <>
      <p>
        <Link href="/admin">{t('outbox.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {load.status === 'loading' || load.status === 'idle' ? <Loading /> : null}
      {load.status === 'failed' ? (
        <p role="alert">{load.error?.status === 403 ? t('outbox.forbidden') : t('outbox.failed')}</p>
      ) : null}
      {load.status === 'ready' ? <OutboxList page={load.data} /> : null}
    </>
  );
}

function OutboxList({ page }: { page: OutboxPage }) {
  const t = useT();
  return (
    <>
      <p className="lead">{page.smtpConfigured ? t('outbox.introSmtp') : t('outbox.introNoSmtp')}</p>
      <p>{t('outbox.count', { shown: page.mails.length, total: page.total })}</p>
      {page.mails.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      <ul className="outbox-list">
        {page.mails.map((mail) => (
          <li key={mail.id} className="outbox-list__item">
            <details>
              <summary>
                {/* The mail is in its reader's language, not necessarily the page's. */}
                <span className="outbox-list__subject" lang={mail.lang}>
                  {mail.subject}
                </span>
                <span className={`tag ${STATUS_TAG[mail.status]}`}>{t(`outbox.status.${mail.status}`)}</span>
              </summary>
              <dl className="outbox-list__meta">
                <dt>{t('outbox.to')}</dt>
                <dd>
                  {mail.recipient} ({t(`outbox.audience.${mail.audience}`)})
                </dd>
                <dt>{t('outbox.created')}</dt>
                <dd>{formatMoment(mail.createdAt)}</dd>
                {mail.sentAt ? (
                  <>
                    <dt>{t('outbox.sent')}</dt>
                    <dd>{formatMoment(mail.sentAt)}</dd>
                  </>
                ) : null}
                {mail.attempts > 0 && mail.status !== 'SENT' ? (
                  <>
                    <dt>{t('outbox.attempts')}</dt>
                    <dd>
                      {mail.attempts}
                      {mail.lastError ? ` (${mail.lastError})` : ''}
                    </dd>
                  </>
                ) : null}
              </dl>
              <pre className="outbox-list__text" lang={mail.lang}>
                {mail.text}
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
