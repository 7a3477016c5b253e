import type { SessionUser } from '../../api.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { DossierPage } from './dossier-page.tsx';
import { PaymentImportPage } from './payment-import-page.tsx';
import { QueuePage } from './queue-page.tsx';
import { SupervisorHomePage } from './supervisor-home-page.tsx';

const DOSSIER_PATH = /^\/(case-handler|supervisor)\/dossiers\/([0-9a-f-]{36})$/i;

/**
 * The service side: `/case-handler…` and `/supervisor…`. Who may read what is the server's call;
 * a signed-in user of another role gets the "no access" page (`pageAccess`, checked by the shell).
 */
export function StaffArea({ path, user }: { path: string; user: SessionUser }) {
  if (path === '/case-handler') return <QueuePage key="case-handler" mode="case-handler" />;
  if (path === '/supervisor') return <SupervisorHomePage user={user} />;
  if (path === '/supervisor/queue') return <QueuePage key="supervisor" mode="supervisor" />;
  if (path === '/case-handler/payments') return <PaymentImportPage />;
  const dossier = DOSSIER_PATH.exec(path);
  if (dossier?.[2]) {
    const queuePath = dossier[1] === 'supervisor' ? '/supervisor/queue' : '/case-handler';
    return <DossierPage key={dossier[2]} id={dossier[2]} user={user} queuePath={queuePath} />;
  }
  return <NotFoundPage />;
}
