import type { SessionUser } from '../../api.ts';
import { type PageMatch, pagePath } from '../../page-routes.ts';
import { NoAccessPage } from '../no-access-page.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { DossierPage } from './dossier-page.tsx';
import { PaymentImportPage } from './payment-import-page.tsx';
import { QueuePage } from './queue-page.tsx';
import { SupervisorHomePage } from './supervisor-home-page.tsx';

/**
 * The service side: `/case-handler…` and `/supervisor…`. Who may read what is the server's call;
 * a signed-in user of another role gets the "no access" page (`pageAccess`, checked by the shell).
 */
export function StaffArea({ page, user }: { page: PageMatch; user: SessionUser }) {
  const isSupervisorPath = page.id.startsWith('supervisor');
  const mayEnter = isSupervisorPath
    ? user.role === 'SUPERVISOR'
    : user.role === 'CASE_HANDLER' || user.role === 'SUPERVISOR';
  if (!mayEnter) return <NoAccessPage role={isSupervisorPath ? 'SUPERVISOR' : 'CASE_HANDLER'} user={user} />;

  const { dossierId } = page.params;
  if (page.id === 'caseHandlerQueue') return <QueuePage key="case-handler" mode="case-handler" />;
  if (page.id === 'supervisorHome') return <SupervisorHomePage user={user} />;
  if (page.id === 'supervisorQueue') return <QueuePage key="supervisor" mode="supervisor" />;
  if (page.id === 'caseHandlerPayments') return <PaymentImportPage />;
  if ((page.id === 'caseHandlerDossier' || page.id === 'supervisorDossier') && dossierId) {
    const queuePath = pagePath(isSupervisorPath ? 'supervisorQueue' : 'caseHandlerQueue');
    return <DossierPage key={dossierId} id={dossierId} user={user} queuePath={queuePath} />;
  }
  return <NotFoundPage />;
}
