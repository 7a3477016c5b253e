import { changeLang, currentLang, LANGUAGES, type Lang, useT } from './i18n.ts';
import { AnalystArea } from './pages/analyst/analyst-area.tsx';
import { EmployerArea } from './pages/employer/employer-area.tsx';
import { SelfCheckPage } from './pages/employer/self-check-page.tsx';
import { WorkerDossierPage } from './pages/employer/worker-dossier-page.tsx';
import { LandingPage } from './pages/landing-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NoAccessPage } from './pages/no-access-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OpenDataArea } from './pages/open-data/open-data-area.tsx';
import { Loading, RedirectToLogin, RoleHomePage } from './pages/role-home-page.tsx';
import { StaffArea } from './pages/staff/staff-area.tsx';
import { pageAccess, roleHomePath, roleOfPath } from './roles.ts';
import { Link, navigate, usePath } from './routing.tsx';
import { useSession } from './session.tsx';

const MAIN_ID = 'main-content';

/** The areas with pages of their own below the role's home. */
function areaOfPath(path: string): 'employer' | 'staff' | 'analyst' | null {
  if (path === '/employer' || path.startsWith('/employer/')) return 'employer';
  if (/^\/(case-handler|supervisor)(\/|$)/.test(path)) return 'staff';
  if (path === '/analyst' || path.startsWith('/analyst/')) return 'analyst';
  return null;
}

/** The page shell: skip link, header, one main landmark, footer; the page for the current path inside. */
export function App() {
  const t = useT();
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('shell.skipLink')}
      </a>
      <Header />
      <main id={MAIN_ID} className="main" tabIndex={-1}>
        <div className="container">
          <CurrentPage />
        </div>
      </main>
      <Footer />
    </>
  );
}

function CurrentPage() {
  const path = usePath();
  const { state } = useSession();
  if (path === '/') return <LandingPage />;
  if (path === '/login') return <LoginPage />;
  if (path === '/self-check') return <SelfCheckPage />;
  if (path === '/worker') return <WorkerDossierPage />;
  if (path === '/open-data' || path.startsWith('/open-data/')) return <OpenDataArea path={path} />;
  const area = areaOfPath(path);
  if (area) {
    if (state.status === 'loading') return <Loading />;
    const user = state.status === 'ready' ? state.user : null;
    if (!user) return <RedirectToLogin />;
    const access = pageAccess(path, user.role);
    if (access && !access.mayEnter) return <NoAccessPage role={access.owner} user={user} />;
    if (area === 'analyst') return <AnalystArea path={path} user={user} />;
    return area === 'employer' ? (
      <EmployerArea path={path} user={user} />
    ) : (
      <StaffArea path={path} user={user} />
    );
  }
  const role = roleOfPath(path);
  if (!role) return <NotFoundPage />;
  if (state.status === 'loading') return <Loading />;
  const user = state.status === 'ready' ? state.user : null;
  if (!user) return <RedirectToLogin />;
  if (user.role !== role) return <NoAccessPage role={role} user={user} />;
  return <RoleHomePage key={role} role={role} user={user} />;
}

function Header() {
  const t = useT();
  const { state, signOut } = useSession();
  const user = state.status === 'ready' ? state.user : null;

  async function onSignOut() {
    try {
      await signOut();
    } finally {
      navigate('/');
    }
  }

  return (
    <header className="header">
      <div className="container header__inner">
        <Link className="header__brand" href="/">
          <span className="header__service">{t('service.name')}</span>
          <span className="header__organisation">{t('service.organisation')}</span>
        </Link>
        <div className="header__tools">
          <LanguageSwitch />
          {user ? (
            <nav className="header__user" aria-label={t('shell.userNavigation')}>
              <p className="header__who">
                <span className="visually-hidden">{t('shell.signedInAs')} </span>
                <Link href={roleHomePath(user.role)} className="header__name">
                  {user.displayName}
                </Link>
                <span className="header__role">{t(`roles.${user.role}`)}</span>
              </p>
              <button type="button" className="button button--secondary" onClick={() => void onSignOut()}>
                {t('shell.signOut')}
              </button>
            </nav>
          ) : null}
        </div>
      </div>
    </header>
  );
}

function LanguageSwitch() {
  const t = useT();
  return (
    <div className="language-switch">
      <label htmlFor="language" className="language-switch__label">
        {t('shell.languageLabel')}
      </label>
      <select
        id="language"
        className="select"
        value={currentLang()}
        onChange={(event) => void changeLang(event.target.value as Lang)}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`language.names.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="footer">
      <div className="container">
        <nav aria-label={t('shell.footerNavigation')}>
          <ul className="footer__links">
            <li>
              <a href="/api/docs">{t('shell.apiDocs')}</a>
            </li>
          </ul>
        </nav>
        <p>{t('shell.footerText')}</p>
      </div>
    </footer>
  );
}
