import type { Role } from './roles.ts';

/**
 * Every page of the web app, by id: its address pattern and who it is for. The app renders a page
 * only through this table (`matchPage` in `app.tsx` and the areas), so a page cannot exist without
 * an entry here; the page census (`e2e/page-census.e2e.test.ts`) visits every entry, for every role
 * it names, and must be given sample parameters for each (its sample table is typed by `PageId`).
 *
 * `for`: `public` (anyone, signed in or not), `worker` (anyone with a worker's one-time code), or
 * the roles whose pages they are (a signed-in user of another role gets the "no access" answer).
 */
export const PAGE_ROUTES = {
  landing: { pattern: '/', for: 'public' },
  login: { pattern: '/login', for: 'public' },
  selfCheck: { pattern: '/self-check', for: 'public' },
  worker: { pattern: '/worker', for: 'worker' },
  openData: { pattern: '/open-data', for: 'public' },
  openDataReport: { pattern: '/open-data/reports/:reportId', for: 'public' },
  deskHome: { pattern: '/desk', for: 'public' },
  deskInfo: { pattern: '/desk/info/:topic', for: 'public' },
  deskReport: { pattern: '/desk/report', for: 'public' },
  deskFollowUp: { pattern: '/desk/follow-up', for: 'public' },
  employerHome: { pattern: '/employer', for: ['EMPLOYER'] },
  employerNew: { pattern: '/employer/new', for: ['EMPLOYER'] },
  employerDossier: { pattern: '/employer/dossiers/:dossierId', for: ['EMPLOYER'] },
  employerStep: { pattern: '/employer/dossiers/:dossierId/steps/:stepId', for: ['EMPLOYER'] },
  employerVacancies: { pattern: '/employer/vacancies', for: ['EMPLOYER'] },
  employerVacancy: { pattern: '/employer/vacancies/:vacancyId', for: ['EMPLOYER'] },
  caseHandlerQueue: { pattern: '/case-handler', for: ['CASE_HANDLER', 'SUPERVISOR'] },
  caseHandlerPayments: { pattern: '/case-handler/payments', for: ['CASE_HANDLER', 'SUPERVISOR'] },
  caseHandlerDossier: { pattern: '/case-handler/dossiers/:dossierId', for: ['CASE_HANDLER', 'SUPERVISOR'] },
  supervisorHome: { pattern: '/supervisor', for: ['SUPERVISOR'] },
  supervisorQueue: { pattern: '/supervisor/queue', for: ['SUPERVISOR'] },
  supervisorDossier: { pattern: '/supervisor/dossiers/:dossierId', for: ['SUPERVISOR'] },
  inspectorHome: { pattern: '/inspector', for: ['INSPECTOR'] },
  inspectorEmployer: { pattern: '/inspector/employers/:enterpriseNumber', for: ['INSPECTOR'] },
  inspectorReports: { pattern: '/inspector/reports', for: ['INSPECTOR'] },
  inspectorReport: { pattern: '/inspector/reports/:deskReportId', for: ['INSPECTOR'] },
  analystReports: { pattern: '/analyst', for: ['ANALYST'] },
  analystReport: { pattern: '/analyst/reports/:reportId', for: ['ANALYST'] },
  analystEvaluation: { pattern: '/analyst/evaluation', for: ['ANALYST'] },
  adminHome: { pattern: '/admin', for: ['ADMIN'] },
  adminOutbox: { pattern: '/admin/outbox', for: ['ADMIN'] },
  adminAccounts: { pattern: '/admin/accounts', for: ['ADMIN'] },
  adminProposals: { pattern: '/admin/proposals', for: ['ADMIN'] },
  adminPartners: { pattern: '/admin/partners', for: ['ADMIN'] },
  password: { pattern: '/password', for: 'public' },
  ruleHistory: { pattern: '/rule-history', for: 'public' },
  ruleSimulation: { pattern: '/rule-simulation', for: ['ANALYST', 'ADMIN'] },
  partnerHome: { pattern: '/partner', for: ['PARTNER'] },
  partnerCandidate: { pattern: '/partner/candidates/:candidateId', for: ['PARTNER'] },
  talentShortageHistory: { pattern: '/talent/shortage-history', for: 'public' },
  talentPilots: { pattern: '/talent/pilots', for: ['ANALYST', 'ADMIN', 'SUPERVISOR', 'PARTNER'] },
  talentPilotNew: { pattern: '/talent/pilots/new', for: ['ANALYST'] },
  talentPilotEdit: { pattern: '/talent/pilots/:pilotId/edit', for: ['ANALYST'] },
  talentPilot: { pattern: '/talent/pilots/:pilotId', for: ['ANALYST', 'ADMIN', 'SUPERVISOR', 'PARTNER'] },
  partnerRecognition: { pattern: '/partner/candidates/:candidateId/recognition', for: ['PARTNER'] },
  talentCare: { pattern: '/talent/care', for: ['ANALYST', 'SUPERVISOR'] },
  // Who may run the VDAB/EURES import (src/talent/vacancy-import) sees its runs.
  talentVacancyImports: { pattern: '/talent/vacancy-imports', for: ['CASE_HANDLER', 'SUPERVISOR'] },
  inspectionStatistics: { pattern: '/inspection-statistics', for: ['INSPECTOR', 'SUPERVISOR', 'ANALYST'] },
} as const satisfies Record<string, { pattern: string; for: 'public' | 'worker' | readonly Role[] }>;

export type PageId = keyof typeof PAGE_ROUTES;
export const PAGE_IDS = Object.keys(PAGE_ROUTES) as PageId[];

/** What each parameter may look like: a dossier's UUID, a step's id, a report's id. */
const PARAMETER_PATTERNS: Record<string, string> = {
  dossierId: '[0-9a-fA-F-]{36}',
  stepId: '[a-zA-Z]+',
  reportId: '[A-Za-z0-9_-]{1,50}',
  vacancyId: '[0-9a-fA-F-]{36}',
  candidateId: '[0-9a-fA-F-]{36}',
  topic: '[a-z-]{1,40}',
  deskReportId: '[0-9a-fA-F-]{36}',
  pilotId: '[0-9a-fA-F-]{36}',
  enterpriseNumber: '[01][0-9]{9}',
};

export interface PageMatch {
  id: PageId;
  params: Record<string, string>;
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const parameter = PARAMETER_PATTERNS[name];
    if (!parameter) throw new Error(`page-routes: no pattern for parameter :${name}`);
    names.push(name);
    return `(${parameter})`;
  });
  return { regex: new RegExp(`^${source}$`), names };
}

const COMPILED = PAGE_IDS.map((id) => ({ id, ...compile(PAGE_ROUTES[id].pattern) }));

/** The page at `path` (without a trailing slash) and its parameters, or null: the "not found" page. */
export function matchPage(path: string): PageMatch | null {
  for (const { id, regex, names } of COMPILED) {
    const found = regex.exec(path);
    if (found)
      return { id, params: Object.fromEntries(names.map((name, i) => [name, found[i + 1] as string])) };
  }
  return null;
}

/** The address of a page, its parameters filled in, e.g. `pagePath('analystReport', { reportId: 'x' })`. */
export function pagePath(id: PageId, params: Record<string, string> = {}): string {
  return PAGE_ROUTES[id].pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pagePath(${id}): missing :${name}`);
    return encodeURIComponent(value);
  });
}
