import { expect } from 'vitest';
import { createUser } from '../src/auth/users.repo.ts';
import { DEMO_PASSWORD, loadDemoData } from '../src/demo/demo-data.ts';
import { createTestApp, multipartBody, type Session, signIn, type TestApp } from './test-app.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** A tiny valid PDF: enough for the content check, which reads the magic bytes. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export const HIGHLY_SKILLED_ANSWERS = {
  worker: {
    'workerIdentity.givenNames': 'Priya',
    'workerIdentity.familyName': 'Raman',
    'application.worker.birthDate': '1990-05-01',
    'application.worker.nationality': 'IN',
    'application.worker.location': 'ABROAD',
    'application.worker.qualificationVks': 7,
  },
  job: {
    'application.job.title': 'Software engineer',
    'application.job.workplacePostalCode': '9000',
    'application.job.startDate': '2026-05-01',
    'application.job.requiredVks': 6,
    'application.job.grossAnnualSalary': 85000,
    'application.job.employmentFraction': 1,
  },
} satisfies Record<string, Record<string, unknown>>;

/** Drives the employer's API the way the portal does: draft, steps, documents, submission. */
export function dossierDriver(employer: Session, enterpriseNumber = '0403.170.701') {
  const driver = {
    async startDraft(category: string, key?: string) {
      const response = await employer.request(
        'POST',
        '/api/v1/dossiers',
        { category, enterpriseNumber },
        key ? { 'idempotency-key': key } : {},
      );
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    saveStep(id: string, step: string, version: number, answers: Record<string, unknown>) {
      return employer.request('PUT', `/api/v1/dossiers/${id}/steps/${step}`, { version, answers });
    },
    upload(id: string, documentType: string, content: Buffer = PDF_BYTES, name = 'scan.pdf') {
      const body = multipartBody({ documentType }, { field: 'file', name, type: 'application/pdf', content });
      return employer.request('POST', `/api/v1/dossiers/${id}/documents`, body.payload, body.headers);
    },
    async view(id: string) {
      return (await employer.request('GET', `/api/v1/dossiers/${id}`)).json();
    },
    /** A draft with every answer and every required document of its category. */
    async completeDraft(category: string, answers: Record<string, Record<string, unknown>>) {
      const draft = await driver.startDraft(category);
      let version = draft.version;
      for (const [step, stepAnswers] of Object.entries(answers)) {
        const saved = await driver.saveStep(draft.id, step, version, stepAnswers);
        expect(saved.statusCode, saved.body).toBe(200);
        // A step is saved in part when an answer is invalid: a complete draft has none.
        expect(saved.json().answerErrors, saved.body).toEqual([]);
        version = saved.json().version;
      }
      const current = await driver.view(draft.id);
      for (const type of current.requiredDocumentTypes as string[]) {
        expect((await driver.upload(draft.id, type)).statusCode).toBe(201);
      }
      return driver.view(draft.id);
    },
    async submit(id: string, key?: string) {
      const response = await employer.request(
        'POST',
        `/api/v1/dossiers/${id}/submit`,
        {},
        key ? { 'idempotency-key': key } : {},
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  };
  return driver;
}

export interface DossierWorld {
  database: TestDatabase;
  testApp: TestApp;
  employer: Session;
  /** An employer of another enterprise (0200065765), for the access tests. */
  otherEmployer: Session;
  caseHandler: Session;
  supervisor: Session;
  dispose(): Promise<void>;
}

/** A database with the demo accounts and a second employer, the app on the given clock, everyone signed in. */
export async function createDossierWorld(now: () => Date): Promise<DossierWorld> {
  const database = await createTestDatabase();
  await loadDemoData(database.db);
  await createUser(database.db, {
    username: 'other-employer',
    displayName: 'Other enterprise',
    role: 'EMPLOYER',
    enterpriseNumber: '0200065765',
    password: DEMO_PASSWORD,
  });
  const testApp = await createTestApp(database, {}, { now });
  const [employer, otherEmployer, caseHandler, supervisor] = await Promise.all(
    ['werkgever', 'other-employer', 'behandelaar', 'teamleider'].map((name) =>
      signIn(testApp.app, name, DEMO_PASSWORD),
    ),
  );
  return {
    database,
    testApp,
    employer: employer as Session,
    otherEmployer: otherEmployer as Session,
    caseHandler: caseHandler as Session,
    supervisor: supervisor as Session,
    async dispose() {
      await testApp.app.close();
      await database.dispose();
    },
  };
}
