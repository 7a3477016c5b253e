import { useEffect } from 'react';
import { ShellTextsProvider } from '../../components/shell-texts.tsx';
import { currentLang } from '../../i18n.ts';
import type { PageMatch } from '../../page-routes.ts';
import { DeskHomePage, DeskInfoPage } from './desk-pages.tsx';
import { useDesk } from './desk-texts.ts';
import { FollowUpPage } from './follow-up-page.tsx';
import { InspectorReportPage } from './inspector-report-page.tsx';
import { InspectorReportsPage } from './inspector-reports-page.tsx';
import { ReportFormPage } from './report-form-page.tsx';

/** The public desk's pages (no sign-in), one chunk loaded when first visited. */
export function DeskArea({ page }: { page: PageMatch }) {
  const { t, lang } = useDesk();
  // The page is in the desk's language, also one the interface does not speak (Turkish): <html lang>
  // says so, for the page title and what is not marked otherwise; the header and footer mark their own.
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    return () => {
      root.lang = currentLang();
    };
  }, [lang]);
  return (
    <ShellTextsProvider value={{ errorSummaryTitle: t('errorSummaryTitle'), errorPrefix: t('errorPrefix') }}>
      <DeskPage page={page} />
    </ShellTextsProvider>
  );
}

function DeskPage({ page }: { page: PageMatch }) {
  switch (page.id) {
    case 'deskInfo':
      return <DeskInfoPage topic={page.params.topic ?? ''} />;
    case 'deskReport':
      return <ReportFormPage />;
    case 'deskFollowUp':
      return <FollowUpPage />;
    default:
      return <DeskHomePage />;
  }
}

/** The inspectors' triage of the desk's reports. */
export function InspectorReportsArea({ page }: { page: PageMatch }) {
  return page.id === 'inspectorReport' ? (
    <InspectorReportPage key={page.params.deskReportId} id={page.params.deskReportId ?? ''} />
  ) : (
    <InspectorReportsPage />
  );
}
