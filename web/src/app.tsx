import { lazy, type ReactNode, Suspense } from 'react';
import { DESK_LANGUAGES, type DeskLang, isDeskLang } from '../../src/desk/desk-languages.ts';
import type { SessionUser } from './api.ts';
import { changeLang, currentLang, LANGUAGES, type Lang, useT } from './i18n.ts';
import { matchPage, PAGE_ROUTES, type PageMatch } from './page-routes.ts';
import { LandingPage } from './pages/landing-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NoAccessPage } from './pages/no-access-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { Loading, RedirectToLogin, RoleHomePage } from './pages/role-home-page.tsx';
import { type Role, roleHomePath } from './roles.ts';
import { Link, navigate, usePath, useSearch } from './routing.tsx';
import { useSession } from './session.tsx';

// Each area is its own chunk, loaded when first visited: the first load carries only the shell,
// the landing and sign-in pages (the analyst's charts alone weigh more than the rest together).
const MailOutboxPage = lazy(() =>
  import('./pages/admin/mail-outbox-page.tsx').then((m) => ({ default: m.MailOutboxPage })),
);
const AccountsPage = lazy(() =>
  import('./pages/governance/accounts-page.tsx').then((m) => ({ default: m.AccountsPage })),
);
const ProposalsPage = lazy(() =>
  import('./pages/governance/proposals-page.tsx').then((m) => ({ default: m.ProposalsPage })),
);
const SimulationPage = lazy(() =>
  import('./pages/governance/simulation-page.tsx').then((m) => ({ default: m.SimulationPage })),
);
const PasswordPage = lazy(() =>
  import('./pages/governance/password-page.tsx').then((m) => ({ default: m.PasswordPage })),
);
const RuleHistoryPage = lazy(() =>
  import('./pages/governance/rule-history-page.tsx').then((m) => ({ default: m.RuleHistoryPage })),
);
const AnalystArea = lazy(() =>
  import('./pages/analyst/analyst-area.tsx').then((m) => ({ default: m.AnalystArea })),
);
const EmployerArea = lazy(() =>
  import('./pages/employer/employer-area.tsx').then((m) => ({ default: m.EmployerArea })),
);
const SelfCheckPage = lazy(() =>
  import('./pages/employer/self-check-page.tsx').then((m) => ({ default: m.SelfCheckPage })),
);
const WorkerDossierPage = lazy(() =>
  import('./pages/employer/worker-dossier-page.tsx').then((m) => ({ default: m.WorkerDossierPage })),
);
const OpenDataArea = lazy(() =>
  import('./pages/open-data/open-data-area.tsx').then((m) => ({ default: m.OpenDataArea })),
);
const TalentVacancies = lazy(() =>
  import('./pages/talent/vacancy-pages.tsx').then((m) => ({ default: m.EmployerVacanciesPage })),
);
const TalentVacancy = lazy(() =>
  import('./pages/talent/vacancy-pages.tsx').then((m) => ({ default: m.EmployerVacancyPage })),
);
const PartnerHome = lazy(() =>
  import('./pages/talent/partner-pages.tsx').then((m) => ({ default: m.PartnerHomePage })),
);
const PartnerCandidate = lazy(() =>
  import('./pages/talent/partner-pages.tsx').then((m) => ({ default: m.PartnerCandidatePage })),
);
const TalentShortageHistory = lazy(() =>
  import('./pages/talent/shortage-history-page.tsx').then((m) => ({ default: m.ShortageHistoryPage })),
);
const TalentPilots = lazy(() =>
  import('./pages/talent/pilot-pages.tsx').then((m) => ({ default: m.PilotListPage })),
);
const TalentPilotNew = lazy(() =>
  import('./pages/talent/pilot-form-page.tsx').then((m) => ({ default: m.PilotNewPage })),
);
const TalentPilotEdit = lazy(() =>
  import('./pages/talent/pilot-form-page.tsx').then((m) => ({ default: m.PilotEditPage })),
);
const AdminPartners = lazy(() =>
  import('./pages/governance/partners-page.tsx').then((m) => ({ default: m.PartnersPage })),
);
const TalentVacancyImports = lazy(() =>
  import('./pages/talent/vacancy-imports-page.tsx').then((m) => ({ default: m.VacancyImportsPage })),
);
const TalentPilot = lazy(() =>
  import('./pages/talent/pilot-pages.tsx').then((m) => ({ default: m.PilotPage })),
);
const PartnerRecognition = lazy(() =>
  import('./pages/talent/recognition-page.tsx').then((m) => ({ default: m.PartnerRecognitionPage })),
);
const TalentCare = lazy(() =>
  import('./pages/talent/care-report-page.tsx').then((m) => ({ default: m.CareReportPage })),
);
const InspectionStatistics = lazy(() =>
  import('./pages/inspector/inspection-statistics-page.tsx').then((m) => ({
    default: m.InspectionStatisticsPage,
  })),
);
const DeskArea = lazy(() => import('./pages/desk/desk-area.tsx').then((m) => ({ default: m.DeskArea })));
const InspectorReportsArea = lazy(() =>
  import('./pages/desk/desk-area.tsx').then((m) => ({ default: m.InspectorReportsArea })),
);
const InspectorArea = lazy(() =>
  import('./pages/inspector/inspector-area.tsx').then((m) => ({ default: m.InspectorArea })),
);
const StaffArea = lazy(() => import('./pages/staff/staff-area.tsx').then((m) => ({ default: m.StaffArea })));

const MAIN_ID = 'main-content';
const ADMIN: Role = 'ADMIN';

/** The page shell: skip link, header, one main landmark, footer; the page for the current path inside. */
export function App() {
  const t = useT();
  // The frame speaks the interface language and says so: on the desk in a language only the desk
  // speaks (Turkish), <html lang> is the desk's (desk-area.tsx) and the frame keeps its own.
  const lang = currentLang();
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`} lang={lang}>
        {t('shell.skipLink')}
      </a>
      <Header />
      <main id={MAIN_ID} className="main" tabIndex={-1}>
        <div className="container">
          <Suspense fallback={<Loading />}>
            <CurrentPage />
          </Suspense>
        </div>
      </main>
      <Footer />
    </>
  );
}

function CurrentPage() {
  const page = matchPage(usePath());
  if (!page) return <NotFoundPage />;
  // One case per page of the table: a page added to PAGE_ROUTES fails to compile until it is here.
  switch (page.id) {
    case 'landing':
      return <LandingPage />;
    case 'login':
      return <LoginPage />;
    case 'selfCheck':
      return <SelfCheckPage />;
    case 'worker':
      return <WorkerDossierPage />;
    case 'openData':
    case 'openDataReport':
      return <OpenDataArea page={page} />;
    case 'deskHome':
    case 'deskInfo':
    case 'deskReport':
    case 'deskFollowUp':
      return <DeskArea page={page} />;
    case 'inspectorReports':
    case 'inspectorReport':
      return <SignedIn page={page} render={() => <InspectorReportsArea page={page} />} />;
    case 'employerHome':
    case 'employerNew':
    case 'employerDossier':
    case 'employerStep':
      return <SignedIn page={page} render={(user) => <EmployerArea page={page} user={user} />} />;
    case 'caseHandlerQueue':
    case 'caseHandlerPayments':
    case 'caseHandlerDossier':
    case 'supervisorHome':
    case 'supervisorQueue':
    case 'supervisorDossier':
      return <SignedIn page={page} render={(user) => <StaffArea page={page} user={user} />} />;
    case 'analystReports':
    case 'analystReport':
    case 'analystEvaluation':
      return <SignedIn page={page} render={(user) => <AnalystArea page={page} user={user} />} />;
    case 'inspectorHome':
    case 'inspectorEmployer':
      return <SignedIn page={page} render={() => <InspectorArea page={page} />} />;
    case 'adminHome':
      return (
        <SignedIn page={page} render={(user) => <RoleHomePage key={ADMIN} role={ADMIN} user={user} />} />
      );
    case 'adminOutbox':
      return <SignedIn page={page} render={() => <MailOutboxPage />} />;
    case 'adminAccounts':
      return <SignedIn page={page} render={() => <AccountsPage />} />;
    case 'adminProposals':
      return <SignedIn page={page} render={() => <ProposalsPage />} />;
    case 'adminPartners':
      return <SignedIn page={page} render={() => <AdminPartners />} />;
    case 'talentPilotNew':
      return <SignedIn page={page} render={() => <TalentPilotNew />} />;
    case 'talentPilotEdit':
      return (
        <SignedIn
          page={page}
          render={() => <TalentPilotEdit key={page.params.pilotId} pilotId={page.params.pilotId as string} />}
        />
      );
    case 'password':
      return <PasswordPage />;
    case 'ruleHistory':
      return <RuleHistoryPage />;
    case 'ruleSimulation':
      return <SignedIn page={page} render={() => <SimulationPage />} />;
    case 'employerVacancies':
      return <SignedIn page={page} render={() => <TalentVacancies />} />;
    case 'employerVacancy':
      return (
        <SignedIn
          page={page}
          render={() => (
            <TalentVacancy key={page.params.vacancyId} vacancyId={page.params.vacancyId as string} />
          )}
        />
      );
    case 'partnerHome':
      return <SignedIn page={page} render={() => <PartnerHome />} />;
    case 'partnerCandidate':
      return (
        <SignedIn
          page={page}
          render={() => (
            <PartnerCandidate key={page.params.candidateId} candidateId={page.params.candidateId as string} />
          )}
        />
      );
    case 'talentShortageHistory':
      return <TalentShortageHistory />;
    case 'talentPilots':
      return <SignedIn page={page} render={() => <TalentPilots />} />;
    case 'talentVacancyImports':
      return <SignedIn page={page} render={() => <TalentVacancyImports />} />;
    case 'talentPilot':
      return (
        <SignedIn
          page={page}
          render={() => <TalentPilot key={page.params.pilotId} pilotId={page.params.pilotId as string} />}
        />
      );
    case 'partnerRecognition':
      return (
        <SignedIn
          page={page}
          render={() => (
            <PartnerRecognition
              key={page.params.candidateId}
              candidateId={page.params.candidateId as string}
            />
          )}
        />
      );
    case 'talentCare':
      return <SignedIn page={page} render={() => <TalentCare />} />;
    case 'inspectionStatistics':
      return <SignedIn page={page} render={() => <InspectionStatistics />} />;
    default: {
      const unhandled: never = page.id;
      throw new Error(`no page for ${String(unhandled)}`);
    }
  }
}

/** A page behind sign-in: waits for the session, sends a signed-out visitor to the sign-in page. */
function SignedIn({ page, render }: { page: PageMatch; render(user: SessionUser): ReactNode }) {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  const user = state.status === 'ready' ? state.user : null;
  if (!user) return <RedirectToLogin />;
  // A page of other roles: a "no access" page that says whose it is, with a link home.
  const owners = PAGE_ROUTES[page.id].for;
  if (Array.isArray(owners) && !owners.includes(user.role)) {
    const [first, ...others] = owners as Role[];
    return <NoAccessPage role={first as Role} alsoFor={others} user={user} />;
  }
  return render(user);
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
    <header className="header" lang={currentLang()}>
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

/** The desk's pages, which speak Turkish too (decision 014): their language is the page's `?lang=`. */
const DESK_PAGES: readonly string[] = ['deskHome', 'deskInfo', 'deskReport', 'deskFollowUp'];

function LanguageSwitch() {
  const t = useT();
  const path = usePath();
  const asked = new URLSearchParams(useSearch()).get('lang');
  const onDesk = DESK_PAGES.includes(matchPage(path)?.id ?? '');
  const choices: readonly DeskLang[] = onDesk ? DESK_LANGUAGES : LANGUAGES;
  const value = onDesk && isDeskLang(asked) ? asked : currentLang();
  return (
    <div className="language-switch">
      <label htmlFor="language" className="language-switch__label">
        {t('shell.languageLabel')}
      </label>
      <select
        id="language"
        className="select"
        value={value}
        onChange={(event) => {
          const chosen = event.target.value as DeskLang;
          // On the desk the address carries the language (its links and follow-up keep it).
          if (onDesk) navigate(`${path}?lang=${chosen}`, { keepPosition: true });
          else void changeLang(chosen as Lang);
        }}
      >
        {choices.map((lang) => (
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
    <footer className="footer" lang={currentLang()}>
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
