import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../../../src/governance/accounts/password-limits.ts';
import { ApiError } from '../../api.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { PageHeading, usePageTitle } from '../../components/page-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useT } from '../../i18n.ts';
import { pagePath } from '../../page-routes.ts';
import { Link } from '../../routing.tsx';
import { useSession } from '../../session.tsx';
import { Loading } from '../role-home-page.tsx';
import { capitalise } from './governance-format.ts';

type Phase =
  | { status: 'checking' }
  | { status: 'invalid'; reason: 'noToken' | 'invalid' }
  | { status: 'ready'; username: string; purpose: 'SET' | 'RESET' }
  | { status: 'done' };

/** The token of the link the administrator's mail carries: in the fragment, so no server log sees it. */
function tokenOfLocation(): string {
  return window.location.hash.replace(/^#/, '').trim();
}

/**
 * `/password#<token>`: the page of the one-time link an administrator sends. Checks the link, shows
 * the password policy, sets the password, then sends the user to sign in.
 */
export function PasswordPage() {
  const t = useT();
  const { api, state } = useSession();
  const [token] = useState(tokenOfLocation);
  const [phase, setPhase] = useState<Phase>(
    token ? { status: 'checking' } : { status: 'invalid', reason: 'noToken' },
  );
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [sending, setSending] = useState(false);
  const sessionReady = state.status !== 'loading';
  const title =
    phase.status === 'ready' && phase.purpose === 'RESET'
      ? t('governance.password.titleReset')
      : t('governance.password.title');
  usePageTitle(title, Object.keys(errors).length > 0);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    // The check is a POST with the CSRF token of the session answer: wait for it.
    if (!token || !sessionReady) return;
    let isCurrent = true;
    api
      .call<{ username: string; purpose: 'SET' | 'RESET' }>('POST', '/api/v1/password-links/check', { token })
      .then(
        (link) => isCurrent && setPhase({ status: 'ready', ...link }),
        () => isCurrent && setPhase({ status: 'invalid', reason: 'invalid' }),
      );
    return () => {
      isCurrent = false;
    };
  }, [api, token, sessionReady]);

  useEffect(() => {
    if (phase.status === 'done') doneRef.current?.focus();
  }, [phase.status]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!password) found.password = t('governance.password.empty');
    else if (password !== repeat) found.repeat = t('governance.password.mismatch');
    setErrors(found);
    if (found.password || found.repeat) return;
    setSending(true);
    try {
      await api.call('POST', '/api/v1/password-links/use', { token, password });
      setPhase({ status: 'done' });
    } catch (error) {
      const field = error instanceof ApiError ? error.fields[0] : undefined;
      if (field?.path.endsWith('password'))
        setErrors({ password: `${t('governance.password.new')} ${field.message}` });
      else if (field?.path.endsWith('token')) setPhase({ status: 'invalid', reason: 'invalid' });
      else
        setErrors({
          password: error instanceof ApiError ? capitalise(error.message) : t('governance.failed'),
        });
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {phase.status === 'checking' ? <Loading /> : null}
      {phase.status === 'invalid' ? (
        <p className="emp-notice emp-notice--warning" role="alert">
          {t(`governance.password.${phase.reason}`)}
        </p>
      ) : null}
      {phase.status === 'done' ? (
        <>
          <p ref={doneRef} tabIndex={-1} role="status" className="emp-notice">
            {t('governance.password.done')}
          </p>
          <p>
            <Link className="button" href={pagePath('login')}>
              {t('governance.password.toLogin')}
            </Link>
          </p>
        </>
      ) : null}
      {phase.status === 'ready' ? (
        <>
          <p className="lead">{t('governance.password.intro', { username: phase.username })}</p>
          <section aria-labelledby="policy-title" className="emp-notice">
            <h2 id="policy-title" className="emp-notice__title">
              {t('governance.password.policyTitle')}
            </h2>
            <ul>
              <li>
                {t('governance.password.policyLength', {
                  min: PASSWORD_MIN_LENGTH,
                  max: PASSWORD_MAX_LENGTH,
                })}
              </li>
              <li>{t('governance.password.policyCommon')}</li>
              <li>{t('governance.password.policyUsername')}</li>
            </ul>
            <p>{t('governance.password.policyTip')}</p>
          </section>
          <ErrorSummary
            items={[
              ...(errors.password ? [{ message: errors.password, fieldId: 'new-password' }] : []),
              ...(errors.repeat ? [{ message: errors.repeat, fieldId: 'repeat-password' }] : []),
            ]}
          />
          <form noValidate onSubmit={(event) => void onSubmit(event)} className="gov-form">
            {/* The username for password managers, which save the pair. */}
            <input type="hidden" name="username" autoComplete="username" value={phase.username} />
            <TextField
              id="new-password"
              type={show ? 'text' : 'password'}
              label={t('governance.password.new')}
              autoComplete="new-password"
              maxLength={PASSWORD_MAX_LENGTH}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={errors.password}
            />
            <TextField
              id="repeat-password"
              type={show ? 'text' : 'password'}
              label={t('governance.password.repeat')}
              autoComplete="new-password"
              maxLength={PASSWORD_MAX_LENGTH}
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              error={errors.repeat}
            />
            <div className="form-group stats-checkbox">
              <input
                id="show-password"
                type="checkbox"
                checked={show}
                onChange={(e) => setShow(e.target.checked)}
              />
              <label htmlFor="show-password">{t('governance.password.show')}</label>
            </div>
            <button type="submit" className="button" disabled={sending}>
              {t('governance.password.submit')}
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
