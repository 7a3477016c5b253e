import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatNumber } from '../../format.ts';
import { currentLang, type MessageKey, useT } from '../../i18n.ts';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { formatMoment } from '../governance/governance-format.ts';
import { Loading } from '../role-home-page.tsx';

interface ChannelSummary {
  channel: 'VDAB' | 'EURES';
  outcome: 'SUCCEEDED' | 'FAILED';
  created: number;
  updated: number;
  withdrawn: number;
  unchanged: number;
  skipped: Record<string, number>;
  failure?: string;
}
interface ImportRun {
  id: string;
  requestedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  outcome: 'SUCCEEDED' | 'PARTIAL' | 'FAILED' | null;
  channels: ChannelSummary[];
}

/** The register's failure as the import recorded it (`UNAVAILABLE TIMEOUT`, an error code), in words. */
export function failureKey(failure: string): MessageKey {
  const cause = failure.startsWith('UNAVAILABLE ') ? failure.slice('UNAVAILABLE '.length) : failure;
  const known = [
    'TIMEOUT',
    'NETWORK',
    'HTTP_5XX',
    'RATE_LIMITED',
    'CIRCUIT_OPEN',
    'LOKET_SOURCE_REQUEST_INVALID',
    'LOKET_SOURCE_RESPONSE_INVALID',
  ];
  return `talent.imports.failure.${known.includes(cause) ? cause : 'OTHER'}` as MessageKey;
}

/**
 * `/talent/vacancy-imports`: the imports of VDAB's and EURES's published vacancies (hourly, or
 * asked for here) for the staff who may run them: when, from where, what each brought, and why a
 * register gave nothing.
 */
export function VacancyImportsPage() {
  const t = useT();
  const lang = currentLang();
  const { api } = useSession();
  usePageTitle(t('talent.imports.title'));
  const { load, reload } = useApiLoad<{ imports: ImportRun[] }>('/api/v1/talent/vacancy-imports', {
    keepWhileLoading: true,
  });
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState('');

  async function importNow() {
    setRunning(true);
    setMessage('');
    try {
      const answer = await api.call<{ ran: boolean; reason?: string }>(
        'POST',
        '/api/v1/talent/vacancy-imports',
      );
      setMessage(
        answer.ran
          ? t('talent.imports.ran')
          : t(
              answer.reason === 'ALREADY_RUNNING'
                ? 'talent.imports.alreadyRunning'
                : 'talent.imports.noRegister',
            ),
      );
      reload();
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : t('talent.loadFailed'));
    } finally {
      setRunning(false);
    }
  }

  const caption = t('talent.imports.tableCaption');
  const count = (value: number) => formatNumber(lang, value);
  return (
    <>
      <PageHeading>{t('talent.imports.title')}</PageHeading>
      <p className="lead">{t('talent.imports.lead')}</p>
      <p>
        <button type="button" className="button" disabled={running} onClick={() => void importNow()}>
          {t('talent.imports.importNow')}
        </button>
      </p>
      {message ? <p role="status">{message}</p> : null}
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <p role="alert">{load.error?.message ?? t('talent.loadFailed')}</p> : null}
      {load.status === 'ready' && load.data.imports.length === 0 ? <p>{t('talent.imports.none')}</p> : null}
      {load.status === 'ready' && load.data.imports.length > 0 ? (
        <TableScroll label={caption}>
          <table className="table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('talent.imports.column.when')}</th>
                <th scope="col">{t('talent.imports.column.source')}</th>
                <th scope="col">{t('talent.imports.column.created')}</th>
                <th scope="col">{t('talent.imports.column.updated')}</th>
                <th scope="col">{t('talent.imports.column.withdrawn')}</th>
                <th scope="col">{t('talent.imports.column.rejected')}</th>
                <th scope="col">{t('talent.imports.column.result')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.imports.flatMap((run) =>
                (run.channels.length > 0 ? run.channels : [null]).map((channel, index) => {
                  const rejected = channel
                    ? Object.values(channel.skipped).reduce((sum, value) => sum + value, 0)
                    : 0;
                  return (
                    <tr key={`${run.id}-${channel?.channel ?? 'running'}`}>
                      {index === 0 ? (
                        <th scope="row" rowSpan={Math.max(run.channels.length, 1)}>
                          {formatMoment(run.startedAt, lang)}
                          <br />
                          <span className="hint">
                            {run.requestedBy ? t('talent.imports.onRequest') : t('talent.imports.scheduled')}
                          </span>
                        </th>
                      ) : null}
                      {channel ? (
                        <>
                          <td>{channel.channel}</td>
                          <td>{count(channel.created)}</td>
                          <td>{count(channel.updated)}</td>
                          <td>{count(channel.withdrawn)}</td>
                          <td>
                            {count(rejected)}
                            {Object.entries(channel.skipped).map(([reason, value]) => (
                              <span key={reason} className="hint">
                                <br />
                                {t(`talent.imports.skipped.${reason}` as MessageKey, { count: value })}
                              </span>
                            ))}
                          </td>
                          <td>
                            {channel.outcome === 'SUCCEEDED'
                              ? t('talent.imports.succeeded', { count: channel.unchanged })
                              : t(failureKey(channel.failure ?? ''))}
                          </td>
                        </>
                      ) : (
                        <td colSpan={6}>{t('talent.imports.running')}</td>
                      )}
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
