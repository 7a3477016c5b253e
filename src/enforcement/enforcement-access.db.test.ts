import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
  PDF_BYTES,
} from '../../test/dossier-driver.ts';
import { multipartBody, type Session, signIn } from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { createReport } from '../desk/desk.repo.ts';

/**
 * Issue 14's access rules in one place, over every enforcement route: an employer never reaches
 * signals, reports or inspections (its own included); an inspector never reaches a dossier's
 * contents beyond what enforcement needs (no dossier view, documents, fee or queue); and every read
 * the inspector makes leaves an audit event of its own.
 */
const EMPLOYER = '0403170701';

describe('enforcement access: what an employer and an inspector can never read, and every inspector read audited', () => {
  let world: DossierWorld;
  let inspector: Session;
  let inspectorId: string;
  let dossierId: string;
  let documentId: string;
  let reportId: string;
  let inspectionId: string;
  let evidenceId: string;

  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-12-01T09:00:00Z'));
    inspector = await signIn(world.testApp.app, 'inspecteur', DEMO_PASSWORD);
    const db = world.database.db;
    inspectorId = (
      await db.selectFrom('users').select('id').where('username', '=', 'inspecteur').executeTakeFirstOrThrow()
    ).id;
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    await driver.submit(draft.id);
    dossierId = draft.id;
    documentId = (draft.documents as Array<{ id: string }>)[0]!.id;
    reportId = (
      await createReport(db, {
        lang: 'nl',
        reporterRole: 'WORKER',
        contact: null,
        employerName: 'Bakkerij Peeters',
        enterpriseNumber: EMPLOYER,
        place: 'Gent',
        categories: ['UNPAID_WAGES'],
        description: 'Wij krijgen de helft van het loon.',
        receivedOn: '2026-11-20',
      })
    ).id;
    const recorded = await inspector.request(
      'POST',
      `/api/v1/enforcement/employers/${EMPLOYER}/inspections`,
      {
        origin: 'REPORT',
        inspectedOn: '2026-11-30',
        findings: [{ type: 'WAGES', description: 'Loon onder de belofte' }],
        outcome: 'WARNING',
        referrals: [],
      },
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    inspectionId = recorded.json().id;
    const { payload, headers } = multipartBody(
      {},
      { field: 'file', name: 'pv.pdf', type: 'application/pdf', content: PDF_BYTES },
    );
    const added = await inspector.request(
      'POST',
      `/api/v1/enforcement/inspections/${inspectionId}/evidence`,
      payload,
      headers,
    );
    expect(added.statusCode, added.body).toBe(201);
    evidenceId = added.json().id;
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('refuses the employer every signal, report and inspection, even about its own enterprise', async () => {
    const reads = [
      '/api/v1/enforcement/work-list',
      `/api/v1/enforcement/employers/${EMPLOYER}`,
      '/api/v1/enforcement/inspection-statistics',
      `/api/v1/enforcement/inspections/${inspectionId}/evidence/${evidenceId}`,
      '/api/v1/inspector/reports',
      `/api/v1/inspector/reports/${reportId}`,
      `/api/v1/dossiers/${dossierId}/refusal-grounds`,
    ];
    for (const url of reads) expect((await world.employer.request('GET', url)).statusCode, url).toBe(403);
    const writes: Array<[string, unknown]> = [
      ['/api/v1/enforcement/monitoring-runs', {}],
      [
        `/api/v1/enforcement/employers/${EMPLOYER}/inspections`,
        {
          origin: 'OTHER',
          inspectedOn: '2026-11-30',
          findings: [],
          outcome: 'NO_INFRINGEMENT',
          referrals: [],
        },
      ],
      [`/api/v1/inspector/reports/${reportId}/questions`, { text: 'Wie bent u?' }],
    ];
    for (const [url, body] of writes) {
      const answer = await world.employer.request('POST', url, body);
      expect(answer.statusCode, url).toBe(403);
      // Refused for its role, not for a missing CSRF token.
      expect(answer.json().error.code, url).toBe('LOKET_FORBIDDEN');
    }
    // Its own dossier's view says nothing of the inspection or the report.
    const own = await world.employer.request('GET', `/api/v1/dossiers/${dossierId}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(inspectionId);
    expect(own.body).not.toContain(reportId);
    expect(own.body).not.toContain('Loon onder de belofte');
  });

  it("refuses the inspector a dossier's contents: the view, its documents, its fee and the queue", async () => {
    const urls = [
      `/api/v1/dossiers/${dossierId}`,
      `/api/v1/dossiers/${dossierId}/documents/${documentId}`,
      `/api/v1/dossiers/${dossierId}/documents/${documentId}/inline`,
      `/api/v1/dossiers/${dossierId}/fee`,
      `/api/v1/dossiers/${dossierId}/fee.pdf`,
      '/api/v1/queue',
      '/api/v1/dossiers',
    ];
    for (const url of urls) expect((await inspector.request('GET', url)).statusCode, url).toBe(403);
  });

  it('audits every read the inspector makes, one event each', async () => {
    const reads = [
      '/api/v1/enforcement/work-list',
      `/api/v1/enforcement/employers/${EMPLOYER}`,
      '/api/v1/enforcement/inspection-statistics',
      `/api/v1/enforcement/inspections/${inspectionId}/evidence/${evidenceId}`,
      '/api/v1/inspector/reports',
      `/api/v1/inspector/reports/${reportId}`,
      `/api/v1/dossiers/${dossierId}/refusal-grounds`,
      `/api/v1/dossiers/${dossierId}/withdrawal-proposals`,
    ];
    const events = async () =>
      world.database.db
        .selectFrom('audit_events')
        .select(['action'])
        .where('actor_user_id', '=', inspectorId)
        .execute();
    for (const url of reads) {
      const before = (await events()).length;
      const answer = await inspector.request('GET', url);
      expect(answer.statusCode, `${url} ${answer.body.slice(0, 200)}`).toBe(200);
      const after = await events();
      expect(after.length - before, url).toBe(1);
    }
  });
});
