import { expect } from 'vitest';
import { multipartBody, type Session } from './test-app.ts';

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
