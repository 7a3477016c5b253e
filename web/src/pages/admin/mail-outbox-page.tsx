import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { currentLang, useT } from '../../i18n.ts';
import { Link, useSearch } from '../../routing.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import {
  formatOutboxMoment,
  type OutboxPaging,
  outboxPageCount,
  outboxPageHref,
  outboxPagingOf,
} from './outbox-format.ts';

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

const STATUS_TAG = { PENDING: 'tag--progress', SENT: 'tag--success', FAILED: 'tag--failure' } as const;

function formatMoment(iso: string): string {
  return formatOutboxMoment(iso, currentLang());
}

/**
 * `/admin/outbox`: the mails Loket sends employers and workers, newest first. Without an SMTP server
 * (the demo) every mail waits here, so the demo shows what would have been sent.
 */
export function MailOutboxPage() {
  const t = useT();
  const title = t('outbox.title');
  usePageTitle(title);
  const paging = outboxPagingOf(useSearch());
  const { load } = useApiLoad<OutboxPage>(
    `/api/v1/mail-outbox?limit=${paging.limit}&offset=${paging.offset}`,
  );
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
      {load.status === 'ready' ? <OutboxList page={load.data} paging={paging} /> : null}
    </>
  );
}

/** Previous and next page, with where the reader is; shown when there is more than one page. */
function Pager({ paging, total }: { paging: OutboxPaging; total: number }) {
  const t = useT();
  const pages = outboxPageCount(total, paging.limit);
  if (pages <= 1 && paging.page === 1) return null;
  return (
    <nav className="pager" aria-label={t('outbox.pages')}>
      {paging.page > 1 ? (
        <Link href={outboxPageHref(Math.min(paging.page - 1, pages))} rel="prev">
          {t('outbox.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('outbox.pageOf', { page: paging.page, pages })}</span>
      {paging.page < pages ? (
        <Link href={outboxPageHref(paging.page + 1)} rel="next">
          {t('outbox.next')}
        </Link>
      ) : null}
    </nav>
  );
}

function OutboxList({ page, paging }: { page: OutboxPage; paging: OutboxPaging }) {
  const t = useT();
  const from = page.mails.length === 0 ? 0 : paging.offset + 1;
  return (
    <>
      <p className="lead">{page.smtpConfigured ? t('outbox.introSmtp') : t('outbox.introNoSmtp')}</p>
      <p>{t('outbox.count', { from, to: paging.offset + page.mails.length, total: page.total })}</p>
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
      <Pager paging={paging} total={page.total} />
    </>
  );
}
