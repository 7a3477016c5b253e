import type { SessionUser } from '../../api.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { DossierPage } from './dossier-page.tsx';
import { EmployerHomePage } from './employer-home-page.tsx';
import { NewApplicationPage } from './new-application-page.tsx';
import { StepPage } from './step-page.tsx';

const DOSSIER = /^\/employer\/dossiers\/([0-9a-f-]{36})$/i;
const STEP = /^\/employer\/dossiers\/([0-9a-f-]{36})\/steps\/([a-z]+)$/i;

/** The employer portal: `/employer` and everything below it. */
export function EmployerArea({ path, user }: { path: string; user: SessionUser }) {
  if (path === '/employer') return <EmployerHomePage user={user} />;
  if (path === '/employer/new') return <NewApplicationPage />;
  const step = STEP.exec(path);
  if (step) return <StepPage key={path} dossierId={step[1] as string} stepId={step[2] as string} />;
  const dossier = DOSSIER.exec(path);
  if (dossier) return <DossierPage key={path} dossierId={dossier[1] as string} />;
  return <NotFoundPage />;
}

/** The address of a dossier's page, and of one step of its application. */
export function dossierPath(id: string): string {
  return `/employer/dossiers/${id}`;
}

export function stepPath(id: string, stepId: string): string {
  return `/employer/dossiers/${id}/steps/${stepId}`;
}
