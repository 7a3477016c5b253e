import type { SessionUser } from '../../api.ts';
import { type PageMatch, pagePath } from '../../page-routes.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { DossierPage } from './dossier-page.tsx';
import { EmployerHomePage } from './employer-home-page.tsx';
import { NewApplicationPage } from './new-application-page.tsx';
import { StepPage } from './step-page.tsx';

/** The employer portal: `/employer` and everything below it. */
export function EmployerArea({ page, user }: { page: PageMatch; user: SessionUser }) {
  const { dossierId, stepId } = page.params;
  if (page.id === 'employerHome') return <EmployerHomePage user={user} />;
  if (page.id === 'employerNew') return <NewApplicationPage />;
  if (page.id === 'employerStep' && dossierId && stepId)
    return <StepPage key={`${dossierId}/${stepId}`} dossierId={dossierId} stepId={stepId} />;
  if (page.id === 'employerDossier' && dossierId)
    return <DossierPage key={dossierId} dossierId={dossierId} />;
  return <NotFoundPage />;
}

/** The address of a dossier's page, and of one step of its application. */
export function dossierPath(id: string): string {
  return pagePath('employerDossier', { dossierId: id });
}

export function stepPath(id: string, stepId: string): string {
  return pagePath('employerStep', { dossierId: id, stepId });
}
