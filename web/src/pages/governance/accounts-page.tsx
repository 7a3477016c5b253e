import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Tag } from '../../components/tag.tsx';
import { formatKbo } from '../../format.ts';
import { currentLang, useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { useApiLoad } from '../../use-api-load.ts';
import { Loading } from '../role-home-page.tsx';
import { AccountForm } from './account-form.tsx';
import { capitalise, formatMoment } from './governance-format.ts';
import type { Account, AccountList } from './governance-types.ts';

type Notice = { tone: 'status' | 'alert'; text: string } | null;

/**
 * `/admin/accounts`: every account with its role, state and how its user signs in; create one
 * (an employer with the enterprises it acts for), disable or enable it, mail a password link.
 */
export function AccountsPage() {
  const t = useT();
  const title = t('governance.accounts.title');
  usePageTitle(title);
  const { load, refetch } = useApiLoad<AccountList>('/api/v1/accounts', { keepWhileLoading: true });
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<Account | null>(null);
  const { state } = useSession();
  const me = state.status === 'ready' ? state.user?.id : undefined;
  // The form replaces "new account" while an account is edited: bring the user to it.
  useEffect(() => {
    if (editing) document.getElementById('account-form-title')?.focus();
  }, [editing]);
  return (
    <>
      <p>
        <Link href={pagePath('adminHome')}>{t('governance.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('governance.accounts.intro')}</p>
      {notice ? (
        <p
          className={notice.tone === 'alert' ? 'emp-notice emp-notice--warning' : 'emp-notice'}
          role={notice.tone}
        >
          {notice.text}
        </p>
      ) : null}
      {load.status === 'loading' || load.status === 'idle' ? <Loading /> : null}
      {load.status === 'failed' ? (
        <p role="alert">
          {load.error?.status === 403 ? t('governance.forbidden') : t('governance.loadFailed')}
        </p>
      ) : null}
      {load.status === 'ready' ? (
        <>
          {load.data.authMode === 'oidc' ? <p>{t('governance.accounts.oidcNote')}</p> : null}
          <AccountTable list={load.data} onNotice={setNotice} onChanged={refetch} onEdit={setEditing} />
          <AccountForm
            key={editing?.id ?? 'new'}
            roles={load.data.roles}
            needsEmail={load.data.authMode === 'local'}
            editing={editing}
            isOwnAccount={editing !== null && editing.id === me}
            onSaved={(text) => {
              setEditing(null);
              void refetch().then(() => setNotice({ tone: 'status', text }));
            }}
            onCancel={editing ? () => setEditing(null) : undefined}
          />
        </>
      ) : null}
    </>
  );
}

function AccountTable({
  list,
  onNotice,
  onChanged,
  onEdit,
}: {
  list: AccountList;
  onNotice(notice: Notice): void;
  onChanged(): Promise<void>;
  onEdit(account: Account): void;
}) {
  const t = useT();
  const { api, state } = useSession();
  const me = state.status === 'ready' ? state.user?.id : undefined;
  const [busy, setBusy] = useState<string | null>(null);
  const lang = currentLang();

  async function act(account: Account, action: 'disable' | 'enable' | 'password-link') {
    setBusy(account.id);
    try {
      const answer = await api.call<{ mailedTo?: string }>(
        'POST',
        `/api/v1/accounts/${account.id}/${action}`,
      );
      const name = account.displayName;
      const text =
        action === 'disable'
          ? t('governance.accounts.disabledDone', { name })
          : action === 'enable'
            ? t('governance.accounts.enabledDone', { name })
            : t('governance.accounts.linkSent', { email: answer.mailedTo ?? account.email ?? '' });
      await onChanged();
      onNotice({ tone: 'status', text });
    } catch (error) {
      const message =
        error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : t('governance.failed');
      onNotice({ tone: 'alert', text: capitalise(message) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="accounts-list-title">
      <h2 id="accounts-list-title">{t('governance.accounts.count', { count: list.accounts.length })}</h2>
      <TableScroll label={t('governance.accounts.caption')}>
        <table className="table gov-table">
          <caption className="visually-hidden">{t('governance.accounts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('governance.accounts.name')}</th>
              <th scope="col">{t('governance.accounts.role')}</th>
              <th scope="col">{t('governance.accounts.status')}</th>
              <th scope="col">{t('governance.accounts.signIn')}</th>
              <th scope="col">{t('governance.accounts.lastLogin')}</th>
              <th scope="col">{t('governance.accounts.enterprises')}</th>
              <th scope="col">{t('governance.accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.accounts.map((account) => (
              <tr key={account.id} data-username={account.username}>
                <th scope="row">
                  {account.displayName}
                  <br />
                  <span className="gov-muted">{account.username}</span>
                </th>
                <td>{t(`roles.${account.role}`)}</td>
                <td>
                  {account.disabledAt ? (
                    <Tag tone="failure">{t('governance.accounts.state.disabled')}</Tag>
                  ) : (
                    <Tag tone="success">{t('governance.accounts.state.active')}</Tag>
                  )}
                </td>
                <td>{t(`governance.accounts.signInKind.${account.signIn}`)}</td>
                <td>
                  {account.lastLoginAt
                    ? t('governance.accounts.via', {
                        when: formatMoment(account.lastLoginAt, lang),
                        via: account.lastLoginVia
                          ? t(`governance.accounts.viaKind.${account.lastLoginVia}`)
                          : '',
                      })
                    : t('governance.accounts.never')}
                </td>
                <td>
                  <Enterprises account={account} />
                </td>
                <td>
                  <div className="gov-actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={busy === account.id}
                      onClick={() => onEdit(account)}
                    >
                      {t('governance.accounts.edit')}
                      <span className="visually-hidden"> ({account.displayName})</span>
                    </button>
                    {account.id === me ? null : account.disabledAt ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busy === account.id}
                        onClick={() => void act(account, 'enable')}
                      >
                        {t('governance.accounts.enable')}
                        <span className="visually-hidden"> ({account.displayName})</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button--danger button--small"
                        disabled={busy === account.id}
                        onClick={() => void act(account, 'disable')}
                      >
                        {t('governance.accounts.disable')}
                        <span className="visually-hidden"> ({account.displayName})</span>
                      </button>
                    )}
                    {list.authMode === 'local' &&
                    account.signIn !== 'OIDC' &&
                    !account.disabledAt &&
                    account.email ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busy === account.id}
                        onClick={() => void act(account, 'password-link')}
                      >
                        {t('governance.accounts.sendLink')}
                        <span className="visually-hidden"> ({account.displayName})</span>
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function Enterprises({ account }: { account: Account }) {
  const t = useT();
  // A partner account's organisation stands where an employer's enterprises do.
  if (account.partnerName) return <p>{account.partnerName}</p>;
  if (!account.enterpriseNumber && account.mandates.length === 0) return null;
  const others = account.mandates.filter((m) => m.enterpriseNumber !== account.enterpriseNumber);
  return (
    <ul className="gov-plain-list">
      {account.enterpriseNumber ? (
        <li>
          {formatKbo(account.enterpriseNumber)} ({t('governance.accounts.own')})
        </li>
      ) : null}
      {others.map((m) => (
        <li key={m.enterpriseNumber}>
          {formatKbo(m.enterpriseNumber)}
          {m.enterpriseName ? ` ${m.enterpriseName}` : ''}
        </li>
      ))}
    </ul>
  );
}
