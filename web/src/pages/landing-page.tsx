import { PageHeading, usePageTitle } from '../components/page-heading.tsx';
import { useT } from '../i18n.ts';
import { roleHomePath } from '../roles.ts';
import { Link } from '../routing.tsx';
import { useSession } from '../session.tsx';

const WHAT = ['eligibility', 'apply', 'follow', 'service'] as const;

/** `/`: what Loket is, for anyone, with the way in. */
export function LandingPage() {
  const t = useT();
  const { state } = useSession();
  usePageTitle(null);
  const user = state.status === 'ready' ? state.user : null;
  return (
    <>
      <PageHeading>{t('landing.title')}</PageHeading>
      <p className="lead">{t('landing.lead')}</p>
      <h2>{t('landing.whatTitle')}</h2>
      <ul className="list list--bullet">
        {WHAT.map((item) => (
          <li key={item}>{t(`landing.what.${item}`)}</li>
        ))}
      </ul>
      <p>
        <Link href="/self-check">{t('landing.selfCheckLink')}</Link> ·{' '}
        <Link href="/worker">{t('landing.workerLink')}</Link> ·{' '}
        <Link href="/desk">{t('landing.deskLink')}</Link> ·{' '}
        <Link href="/open-data">{t('landing.openDataLink')}</Link> ·{' '}
        <Link href="/rule-history">{t('landing.ruleHistoryLink')}</Link> ·{' '}
        <Link href="/talent/shortage-history">{t('landing.shortageHistoryLink')}</Link>
      </p>
      <section className="panel" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t('landing.signInTitle')}</h2>
        {user ? (
          <>
            <p>{t('landing.continueText', { name: user.displayName })}</p>
            <Link className="button" href={roleHomePath(user.role)}>
              {t('landing.continueButton')}
            </Link>
          </>
        ) : (
          <>
            <p>{t('landing.signInText')}</p>
            <Link className="button" href="/login">
              {t('landing.signInButton')}
            </Link>
          </>
        )}
      </section>
    </>
  );
}
