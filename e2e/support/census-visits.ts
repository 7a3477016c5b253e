import type { Role } from '../../src/auth/roles.ts';
import type { Lang } from '../../src/i18n/languages.ts';
import { PAGE_IDS, PAGE_ROUTES, type PageId, pagePath } from '../../web/src/page-routes.ts';
import { type ApiSession, signInApi } from './api-session.ts';

/**
 * What the page census visits: every page of the web app's page table (`web/src/page-routes.ts`),
 * for every role it is for, with detail pages filled in from the demo data (a dossier in each
 * state, every step of a draft, every report).
 */

/** Who visits: nobody signed in, a worker with a redeemed one-time code, or a demo account. */
export type Visitor = 'anonymous' | 'worker' | Role;

export interface Visit {
  id: PageId | 'notFound' | 'noAccess';
  path: string;
  /** What this sample shows, e.g. the dossier's state. */
  note: string;
  /** The page's first sample (the one every language sees). */
  first: boolean;
}

interface DemoDossier {
  id: string;
  status: string;
  category: string;
}

/** The demo data's detail pages, found through the API as the demo accounts see it. */
export interface DemoSamples {
  dossiersByStatus: Map<string, DemoDossier>;
  /** A draft per category, with its steps. */
  draftSteps: Array<{ dossierId: string; category: string; steps: string[] }>;
  analystReports: string[];
  openDataReports: string[];
  /** The desk's abuse reports the inspector sees (one per triage state). */
  deskReports: Array<{ id: string; status: string }>;
  /** The employers at the top of the inspector's work list (the demo's monitoring run). */
  inspectedEmployers: string[];
  /** One unused one-time worker code per language (a code can be redeemed once). */
  workerCodes: Record<Lang, string>;
  /** The demo employer's shortage vacancy, and the demo partner's candidates (src/talent/demo-talent.ts). */
  talentVacancies: string[];
  talentCandidates: Array<{ id: string; reference: string }>;
  /** The recruitment pilots (src/talent/pilots/demo-pilots.ts), the one the demo partner runs first. */
  pilots: Array<{ id: string; code: string }>;
  /** A live one-time password link's token (an account created for the census; the link is checked, never used). */
  passwordToken: string;
}

export async function findDemoSamples(baseURL: string): Promise<DemoSamples> {
  const employer = await signInApi(baseURL, 'werkgever');
  const analyst = await signInApi(baseURL, 'analist');
  const partner = await signInApi(baseURL, 'partner');
  const inspector = await signInApi(baseURL, 'inspecteur');
  const admin = await signInApi(baseURL, 'beheerder');
  const admin2 = await signInApi(baseURL, 'beheerder2');
  try {
    const { dossiers } = await employer.call<{ dossiers: DemoDossier[] }>('GET', '/api/v1/dossiers');
    const dossiersByStatus = new Map<string, DemoDossier>();
    for (const dossier of dossiers)
      if (!dossiersByStatus.has(dossier.status)) dossiersByStatus.set(dossier.status, dossier);

    const draftsByCategory = new Map<string, DemoDossier>();
    for (const dossier of dossiers.filter((d) => d.status === 'DRAFT'))
      if (!draftsByCategory.has(dossier.category)) draftsByCategory.set(dossier.category, dossier);
    const draftSteps = await Promise.all(
      [...draftsByCategory.values()].map(async (draft) => ({
        dossierId: draft.id,
        category: draft.category,
        steps: (
          await employer.call<{ steps: Array<{ id: string }> }>(
            'GET',
            `/api/v1/application-steps/${draft.category}`,
          )
        ).steps.map((step) => step.id),
      })),
    );

    const reportIds = async (session: ApiSession, url: string) =>
      (await session.call<{ reports: Array<{ id: string }> }>('GET', url)).reports.map((report) => report.id);

    const granted = dossiersByStatus.get('DECIDED_GRANTED');
    if (!granted) throw new Error('the demo data has no granted dossier for the worker page');
    const code = async () =>
      (await employer.call<{ code: string }>('POST', `/api/v1/dossiers/${granted.id}/worker-access`)).code;
    return {
      dossiersByStatus,
      draftSteps,
      analystReports: await reportIds(analyst, '/api/v1/stats/reports'),
      openDataReports: await reportIds(analyst, '/api/v1/open-data/reports'),
      workerCodes: { nl: await code(), fr: await code(), en: await code() },
      talentVacancies: (
        await employer.call<{ vacancies: Array<{ id: string }> }>('GET', '/api/v1/talent/vacancies')
      ).vacancies.map((vacancy) => vacancy.id),
      talentCandidates: (
        await partner.call<{ candidates: Array<{ id: string; reference: string }> }>(
          'GET',
          '/api/v1/talent/candidates',
        )
      ).candidates,
      pilots: (
        await partner.call<{ pilots: Array<{ id: string; code: string }> }>('GET', '/api/v1/talent/pilots')
      ).pilots,
      deskReports: (
        await inspector.call<{ reports: Array<{ id: string; status: string }> }>(
          'GET',
          '/api/v1/inspector/reports',
        )
      ).reports,
      passwordToken: await governanceSamples(admin, admin2),
      inspectedEmployers: await rankedEmployers(inspector),
    };
  } finally {
    await admin.dispose();
    await admin2.dispose();
    await inspector.dispose();
    await employer.dispose();
    await analyst.dispose();
    await partner.dispose();
  }
}

/**
 * The administrator's pages with something to show: an open proposal of the second administrator
 * (the first decides it) and an account whose password link waits in the outbox (no SMTP in the
 * census): its token is the `/password` page's sample.
 */
async function governanceSamples(admin: ApiSession, admin2: ApiSession): Promise<string> {
  const { earliestEffectiveDate } = await admin2.call<{ earliestEffectiveDate: string }>(
    'GET',
    '/api/v1/rule-data/proposals',
  );
  await admin2.call('POST', '/api/v1/rule-data/proposals/parameter', {
    name: 'fee.singlePermit',
    validFrom: earliestEffectiveDate,
    value: 210,
    source: 'Besluit van de Vlaamse Regering (voorbeeld voor de paginacensus)',
    verified: false,
    note: 'Indexering',
  });
  await admin.call('POST', '/api/v1/accounts', {
    username: 'census.link',
    displayName: 'Census Link',
    role: 'ANALYST',
    enterpriseNumber: null,
    email: 'census.link@loket.example',
    preferredLang: 'nl',
    mandates: [],
  });
  const { mails } = await admin.call<{ mails: Array<{ recipient: string; text: string }> }>(
    'GET',
    '/api/v1/mail-outbox?limit=20&offset=0',
  );
  const text = mails.find((mail) => mail.recipient === 'census.link@loket.example')?.text ?? '';
  const token = /\/password#([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error('no password link in the outbox for the census account');
  return token;
}

/**
 * The top of the inspector's work list. The demo's monitoring run is worked just after the start
 * (src/server/start.ts), so the list is waited for.
 */
async function rankedEmployers(inspector: ApiSession): Promise<string[]> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { employers } = await inspector.call<{ employers: Array<{ enterpriseNumber: string }> }>(
      'GET',
      '/api/v1/enforcement/work-list?limit=2',
    );
    if (employers.length > 0) return employers.map((employer) => employer.enterpriseNumber);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the demo's monitoring run did not fill the inspector's work list within a minute");
}

/** A staff member's view of a dossier in every state the demo has; the supervisor's of a few. */
const SUPERVISOR_DOSSIER_STATES = ['IN_REVIEW', 'DECIDED_REFUSED', 'APPEALED'];

/** The samples of each page: the compiler asks for one entry per page of the table. */
function samplesOf(
  demo: DemoSamples,
): Record<PageId, Array<{ params?: Record<string, string>; query?: string; note: string }>> {
  const dossiers = (states?: string[]) =>
    [...demo.dossiersByStatus.values()]
      .filter((dossier) => !states || states.includes(dossier.status))
      .map((dossier) => ({ params: { dossierId: dossier.id }, note: dossier.status }));
  const [firstDraft, ...otherDrafts] = demo.draftSteps;
  const steps = [
    ...(firstDraft?.steps ?? []).map((stepId) => ({
      dossierId: firstDraft?.dossierId ?? '',
      stepId,
      category: firstDraft?.category,
    })),
    // The other categories differ only in their own questions (the `specific` step).
    ...otherDrafts.flatMap((draft) =>
      draft.steps.filter((step) => step === 'specific').map((stepId) => ({ ...draft, stepId })),
    ),
  ];
  const one = (note = '') => [{ note }];
  return {
    landing: one(),
    login: one(),
    selfCheck: one(),
    worker: one('with a redeemed code'),
    openData: one(),
    openDataReport: demo.openDataReports.map((reportId) => ({ params: { reportId }, note: reportId })),
    employerHome: one(),
    employerNew: one(),
    employerDossier: [
      ...dossiers(),
      // The confirmation right after submitting (reference, next steps, fee): `?submitted=1`.
      ...dossiers(['SUBMITTED']).map((sample) => ({
        ...sample,
        query: '?submitted=1',
        note: 'the confirmation after submitting',
      })),
    ],
    employerStep: steps.map(({ dossierId, stepId, category }) => ({
      params: { dossierId, stepId },
      note: `${category} ${stepId}`,
    })),
    caseHandlerQueue: one(),
    caseHandlerPayments: one(),
    caseHandlerDossier: dossiers().filter((sample) => sample.note !== 'DRAFT'),
    supervisorHome: one(),
    supervisorQueue: one(),
    supervisorDossier: dossiers(SUPERVISOR_DOSSIER_STATES),
    inspectorHome: one(),
    inspectorEmployer: demo.inspectedEmployers.map((enterpriseNumber) => ({
      params: { enterpriseNumber },
      note: 'an employer of the work list',
    })),
    inspectorReports: one(),
    inspectorReport: demo.deskReports.map((report) => ({
      params: { deskReportId: report.id },
      note: report.status,
    })),
    deskHome: one(),
    deskInfo: ['pay', 'working-time', 'housing', 'changing-employer', 'permit'].map((topic) => ({
      params: { topic },
      note: topic,
    })),
    deskReport: one('the empty form'),
    deskFollowUp: one('the code form'),
    analystReports: one(),
    analystReport: demo.analystReports.map((reportId) => ({ params: { reportId }, note: reportId })),
    analystEvaluation: one('the measures of the rules, 6-month windows'),
    adminHome: one(),
    adminOutbox: one(),
    adminAccounts: one('the list and the form'),
    adminProposals: one("another administrator's open proposal"),
    adminPartners: one('the organisations and the form'),
    // The link's token is in the fragment, as the mail gives it; without one, the page says so.
    password: [{ query: `#${demo.passwordToken}`, note: 'a live link' }, { note: 'without a link' }],
    ruleHistory: one('the list, its last diff and the parameters'),
    ruleSimulation: one('the form with the open proposals'),
    employerVacancies: one('own vacancies and the form'),
    talentVacancyImports: one('the latest VDAB/EURES imports'),
    employerVacancy: demo.talentVacancies.map((vacancyId) => ({
      params: { vacancyId },
      note: 'ranked candidates',
    })),
    partnerHome: one('candidates and the form'),
    partnerCandidate: demo.talentCandidates.map(({ id, reference }) => ({
      params: { candidateId: id },
      note: reference,
    })),
    // The demo nurse's file with the interim care function, a care worker's, and a candidate without a file.
    partnerRecognition: ['WW-2026-004', 'WW-2026-001', 'WW-2026-002'].flatMap((wanted) =>
      demo.talentCandidates
        .filter(({ reference }) => reference === wanted)
        .map(({ id, reference }) => ({ params: { candidateId: id }, note: reference })),
    ),
    talentCare: one('the demo files and the seed 004 figures'),
    inspectionStatistics: one('the last year of inspections'),
    talentShortageHistory: one('the evolution since 2014 and the versions'),
    talentPilots: one(),
    talentPilot: demo.pilots.map(({ id, code }) => ({ params: { pilotId: id }, note: code })),
    talentPilotNew: one('the empty form'),
    talentPilotEdit: demo.pilots.map(({ id, code }) => ({
      params: { pilotId: id },
      note: `${code}, its form and history`,
    })),
  };
}

/** Who visits a page: the roles it is for; a public page once without signing in. */
function visitorsOf(id: PageId): Visitor[] {
  const access = PAGE_ROUTES[id].for;
  if (access === 'public') return ['anonymous'];
  if (access === 'worker') return ['worker'];
  // A supervisor also works the case handlers' pages; one visit of their dossier view is enough.
  if (id === 'caseHandlerDossier') return ['CASE_HANDLER'];
  // A pilot's report reads the same for every reader but the partner that runs it (its participants).
  if (id === 'talentPilot') return ['ANALYST', 'PARTNER'];
  return [...access];
}

/**
 * The visits of the census, by visitor: with `everySample`, every sample of every page (a dossier in
 * each state, every report…); without, the first sample of each page, so each page is still seen.
 */
export function plannedVisits(demo: DemoSamples, everySample: boolean): Map<Visitor, Visit[]> {
  const samples = samplesOf(demo);
  const visits = new Map<Visitor, Visit[]>();
  const add = (visitor: Visitor, visit: Visit) =>
    visits.set(visitor, [...(visits.get(visitor) ?? []), visit]);
  for (const id of PAGE_IDS) {
    for (const visitor of visitorsOf(id)) {
      for (const [index, sample] of (everySample ? samples[id] : samples[id].slice(0, 1)).entries()) {
        add(visitor, {
          id,
          path: `${pagePath(id, sample.params)}${sample.query ?? ''}`,
          note: sample.note,
          first: index === 0,
        });
      }
    }
  }
  // The two answers that are not pages of the table: an unknown address, and another role's page.
  add('anonymous', { id: 'notFound', path: '/no-such-page', note: '', first: true });
  add('INSPECTOR', {
    id: 'noAccess',
    path: pagePath('analystReports'),
    note: "the analyst's page",
    first: true,
  });
  // The worker page before a code is entered: the form.
  add('anonymous', { id: 'worker', path: pagePath('worker'), note: 'the code form', first: true });
  return visits;
}

export const USERNAMES: Record<Role, string> = {
  EMPLOYER: 'werkgever',
  CASE_HANDLER: 'behandelaar',
  SUPERVISOR: 'teamleider',
  INSPECTOR: 'inspecteur',
  ANALYST: 'analist',
  ADMIN: 'beheerder',
  PARTNER: 'partner',
};
