import { createUser, type User } from '../auth/users.repo.ts';
import type { Db } from '../db/client.ts';
import { type Acting, SYSTEM } from '../dossiers/change-dossier.ts';
import { databaseStorage } from '../dossiers/documents/document-storage.ts';
import { requiredDocumentTypes } from '../dossiers/documents/required-documents.ts';
import { uploadDocument } from '../dossiers/documents/upload-document.ts';
import { lockDossier } from '../dossiers/dossiers.repo.ts';
import { performAction, recordFeePaid } from '../dossiers/handling/perform-action.ts';
import { createDraft, saveDraftStep, submitDossier } from '../dossiers/intake/intake.ts';
import { requestRun } from '../enforcement/enforcement.repo.ts';
import { defaultValidity } from '../rules/dates/default-validity.ts';
import { addDays } from '../rules/dates/iso-date.ts';
import { type DemoMonitoringCase, generatePopulation, withDemoMonitoring } from '../sources/index.ts';
import { demoPdf } from './demo-document.ts';
import { loadDemoInspections } from './demo-inspections.ts';

/**
 * The demo's granted dossiers for enforcement (issue 14): one employer account per enterprise of
 * the register simulator's demo cases (src/sources/simulator/demo-monitoring.ts), a highly skilled
 * worker's dossier granted about a year ago for each case, built through the same use cases as real
 * work, earlier inspections of them (demo-inspections.ts), and a monitoring run asked for, so the
 * inspector's work list and the inspection figures are not empty. The employers'
 * accounts have no password: nobody signs in as them.
 */

export async function loadDemoEnforcement(
  db: Db,
  today: string,
  seed = 2026,
): Promise<{ dossiers: number; inspections: number; runId: string | null }> {
  const handler = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'CASE_HANDLER')
    .executeTakeFirst();
  if (!handler) return { dossiers: 0, inspections: 0, runId: null };
  const { cases } = withDemoMonitoring(generatePopulation({ seed, referenceDate: today }));
  const employers = new Map<string, User>();
  for (const demoCase of cases) {
    if (employers.has(demoCase.enterpriseNumber)) continue;
    const slug = demoCase.enterpriseName.split(' ')[1]?.toLowerCase() ?? demoCase.enterpriseNumber;
    const user = await createUser(db, {
      username: `werkgever-${slug}`,
      // The enterprise's name alone: a Dutch word beside it would show on French and English pages.
      displayName: demoCase.enterpriseName,
      role: 'EMPLOYER',
      enterpriseNumber: demoCase.enterpriseNumber,
      preferredLang: 'nl',
    });
    await db
      .insertInto('employer_mandates')
      .values({
        user_id: user.id,
        enterprise_number: demoCase.enterpriseNumber,
        enterprise_name: demoCase.enterpriseName,
      })
      .execute();
    employers.set(demoCase.enterpriseNumber, user);
  }
  const caseHandler: Acting = { role: 'CASE_HANDLER', userId: handler.id };
  const dossiers = new Map<DemoMonitoringCase, { dossierId: string; employerUserId: string }>();
  for (const demoCase of cases) {
    const employer = employers.get(demoCase.enterpriseNumber) as User;
    const dossierId = await grantedDossier(db, employer, caseHandler, demoCase);
    dossiers.set(demoCase, { dossierId, employerUserId: employer.id });
  }
  // Earlier inspections of these employers, so the inspection figures are not empty.
  const inspections = await loadDemoInspections(db, today, cases, (demoCase) => {
    const granted = dossiers.get(demoCase);
    if (!granted) throw new Error(`no demo dossier for ${demoCase.enterpriseName}`);
    return granted;
  });
  // The demo's first check stands for the monthly one; the start-up works it (src/server/start.ts).
  const run = await requestRun(db, { trigger: 'SCHEDULE', requestedBy: null, readOn: today });
  return { dossiers: cases.length, inspections, runId: run.id };
}

async function grantedDossier(
  db: Db,
  employer: User,
  caseHandler: Acting,
  demoCase: DemoMonitoringCase,
): Promise<string> {
  const applied = addDays(demoCase.startDate, -60);
  const { worker } = demoCase;
  const draft = await createDraft(
    db,
    employer,
    { category: 'HIGHLY_SKILLED', enterpriseNumber: demoCase.enterpriseNumber, lang: 'nl' },
    applied,
  );
  let version = draft.version;
  const answers: Record<string, Record<string, unknown>> = {
    worker: {
      'workerIdentity.givenNames': worker.givenNames.join(' '),
      'workerIdentity.familyName': worker.familyName,
      'application.worker.birthDate': worker.birthDate,
      'application.worker.nationality': worker.nationality,
      'application.worker.sex': worker.sex,
      'application.worker.insz': worker.insz,
      'application.worker.location': 'ABROAD',
      'application.worker.qualificationVks': 6,
    },
    job: {
      'application.job.title': 'Projectleider',
      'application.job.workplacePostalCode': demoCase.worker.mainAddress?.postalCode ?? '9000',
      'application.job.startDate': demoCase.startDate,
      'application.job.employmentFraction': 1,
      'application.job.requiredVks': 6,
      'application.job.grossAnnualSalary': demoCase.grossAnnualSalary,
    },
  };
  for (const [step, stepAnswers] of Object.entries(answers)) {
    const saved = await saveDraftStep(
      db,
      employer,
      { dossierId: draft.id, step, answers: stepAnswers, version, lang: 'nl' },
      applied,
    );
    if (saved.errors.length > 0) throw new Error(`demo answers of ${step}: ${JSON.stringify(saved.errors)}`);
    version = saved.dossier.version;
  }
  for (const documentType of requiredDocumentTypes('HIGHLY_SKILLED', 'SINGLE_PERMIT')) {
    await uploadDocument(db, databaseStorage, {
      dossierId: draft.id,
      documentType,
      fileName: `${documentType.toLowerCase()}.pdf`,
      content: demoPdf(draft.id, documentType),
      userId: employer.id,
      lang: 'nl',
      maxBytes: 10_485_760,
    });
  }
  const { dossier } = await submitDossier(
    db,
    { role: 'EMPLOYER', userId: employer.id },
    { dossierId: draft.id, lang: 'nl' },
    applied,
  );
  const paidOn = addDays(applied, 1);
  await db.transaction().execute(async (trx) => {
    const locked = await lockDossier(trx, dossier.id);
    if (locked) await recordFeePaid(trx, locked, SYSTEM, paidOn, paidOn);
  });
  const act = async (request: Record<string, unknown>, on: string) => {
    const current = await db
      .selectFrom('dossiers')
      .select('version')
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    return performAction(db, dossier.id, { ...request, version: current.version } as never, {
      acting: caseHandler,
      today: on,
      lang: 'nl',
      refusalNeedsCoSign: false,
    });
  };
  await act({ action: 'START_REVIEW' }, addDays(applied, 3));
  const decidedOn = addDays(applied, 20);
  // The validity the case handler's form proposes: from the start, within the category's maximum.
  const { assessment } = await db
    .selectFrom('dossiers')
    .select('assessment')
    .where('id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  const procedure = (assessment as { procedure?: { maxValidityMonths?: number | null } } | null)?.procedure;
  const validity = defaultValidity({
    startDate: demoCase.startDate,
    maxValidityMonths: procedure?.maxValidityMonths ?? 12,
    today: decidedOn,
  });
  await act({ action: 'GRANT', ...validity }, decidedOn);
  return dossier.id;
}
