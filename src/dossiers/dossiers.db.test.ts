import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../test/dossier-driver.ts';
import { createTestApp, type Session, signIn } from '../../test/test-app.ts';
import type { TestDatabase } from '../../test/test-database.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { loadConfig } from '../server/config.ts';
import { listActions } from './dossiers.repo.ts';
import { deriveStatus } from './lifecycle/dossier-lifecycle.ts';

describe('dossiers: from draft to decision', () => {
  let database: TestDatabase;
  let clock = new Date('2026-03-02T09:00:00Z');
  let employer: Session;
  let otherEmployer: Session;
  let caseHandler: Session;
  let supervisor: Session;

  let world: DossierWorld;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ database, employer, otherEmployer, caseHandler, supervisor } = world);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  const driver = () => dossierDriver(employer);
  const startDraft = (category: string, key?: string) => driver().startDraft(category, key);
  const saveStep = (id: string, step: string, version: number, answers: Record<string, unknown>) =>
    driver().saveStep(id, step, version, answers);
  const upload = (id: string, type: string, content?: Buffer, name?: string) =>
    driver().upload(id, type, content, name);
  const completeHighlySkilledDraft = () => driver().completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);

  async function act(session: Session, id: string, body: Record<string, unknown>) {
    return session.request('POST', `/api/v1/dossiers/${id}/actions`, body);
  }

  it('starts one draft per idempotency key, however often the request is retried', async () => {
    const first = await startDraft('HIGHLY_SKILLED', 'retry-key-0001');
    const second = await startDraft('HIGHLY_SKILLED', 'retry-key-0001');
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({
      status: 'DRAFT',
      category: 'HIGHLY_SKILLED',
      enterpriseNumber: '0403170701',
    });
  });

  it('refuses a draft for an enterprise the employer does not act for', async () => {
    const response = await employer.request('POST', '/api/v1/dossiers', {
      category: 'HIGHLY_SKILLED',
      enterpriseNumber: '0200065765',
    });
    expect(response.statusCode).toBe(403);
  });

  it('validates each step with the application schema and names the field', async () => {
    const draft = await startDraft('HIGHLY_SKILLED');
    const bad = await saveStep(draft.id, 'worker', draft.version, {
      ...HIGHLY_SKILLED_ANSWERS.worker,
      'application.worker.birthDate': '1990-02-30',
      'application.worker.nationality': 'india',
      'workerIdentity.familyName': '',
    });
    // The valid answers are saved; the invalid and missing ones are named (intake.ts, saveDraftStep).
    expect(bad.statusCode).toBe(200);
    const paths = bad
      .json()
      .answerErrors.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual([
      'application.worker.birthDate',
      'application.worker.nationality',
      'workerIdentity.familyName',
    ]);
    const unknown = await saveStep(draft.id, 'worker', bad.json().version, { 'application.job.title': 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0]).toMatchObject({
      path: 'answers.application.job.title',
      rule: 'additionalProperties',
    });
  });

  it('detects a concurrent edit by its version and never overwrites it', async () => {
    const draft = await startDraft('HIGHLY_SKILLED');
    const first = await saveStep(draft.id, 'worker', draft.version, HIGHLY_SKILLED_ANSWERS.worker);
    expect(first.statusCode).toBe(200);
    const stale = await saveStep(draft.id, 'worker', draft.version, {
      ...HIGHLY_SKILLED_ANSWERS.worker,
      'workerIdentity.givenNames': 'Overwritten',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('LOKET_VERSION_CONFLICT');
    const current = (await employer.request('GET', `/api/v1/dossiers/${draft.id}`)).json();
    expect(current.workerIdentity.givenNames).toBe('Priya');
  });

  it('checks a document by its content, not its name', async () => {
    const draft = await startDraft('HIGHLY_SKILLED');
    const fake = await upload(
      draft.id,
      'PASSPORT',
      Buffer.from('MZ\x90\x00 not a pdf at all'),
      'passport.pdf',
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields[0]).toMatchObject({ path: 'file', rule: 'mediaType' });
    const wrongType = await upload(draft.id, 'SELFIE');
    expect(wrongType.json().error.fields[0]).toMatchObject({ path: 'documentType' });
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2216bc00000000049454e44ae426082',
      'hex',
    );
    const ok = await upload(draft.id, 'PASSPORT', png, 'passport.png');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mediaType: 'image/png', documentType: 'PASSPORT' });
    const download = await employer.request('GET', `/api/v1/dossiers/${draft.id}/documents/${ok.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
  });

  it('walks a highly-skilled dossier from submission through a request for information to a granted decision letter', async () => {
    const draft = await completeHighlySkilledDraft();
    const submitted = await employer.request(
      'POST',
      `/api/v1/dossiers/${draft.id}/submit`,
      {},
      { 'idempotency-key': 'submit-0001' },
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const dossier = submitted.json();
    expect(dossier.number).toMatch(/^VL-2026-\d{6}$/);
    expect(dossier.status).toBe('SUBMITTED'); // the fee is due first
    expect(dossier.fee.reference).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);

    const retried = await employer.request(
      'POST',
      `/api/v1/dossiers/${draft.id}/submit`,
      {},
      { 'idempotency-key': 'submit-0001' },
    );
    expect(retried.statusCode).toBe(200);
    expect(retried.json().number).toBe(dossier.number);
    const submits = (await listActions(database.db, draft.id)).filter((a) => a.action === 'SUBMIT');
    expect(submits).toHaveLength(1);

    const fee = (await employer.request('GET', `/api/v1/dossiers/${draft.id}/fee`)).json();
    expect(fee).toMatchObject({ amountEur: 200, reference: dossier.fee.reference, paidOn: null });
    expect(fee.qrSvg).toContain('<svg');
    expect(fee.epcPayload.split('\n')[0]).toBe('BCD');
    const feePdf = await employer.request('GET', `/api/v1/dossiers/${draft.id}/fee.pdf`);
    expect(feePdf.headers['content-type']).toBe('application/pdf');

    const early = await act(caseHandler, draft.id, { action: 'START_REVIEW', version: dossier.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('LOKET_ILLEGAL_TRANSITION');
    // Unpaid, the fast lane's clock waits for the fee: an application is handled only once paid
    // (policy note 002 §2.5; legal-clock.ts, ClockStart).
    const unpaid = (await caseHandler.request('GET', `/api/v1/dossiers/${draft.id}`)).json();
    expect(unpaid.clock).toMatchObject({ startedOn: null, dueDate: null, awaitingFee: true });

    // Paid and so admissible two days after the submission: the fast lane's 15 days run "vanaf het
    // moment van aanvraag" (§2.2), the application paid for, so from the payment.
    clock = new Date('2026-03-04T09:00:00Z');
    const paid = await caseHandler.request('POST', `/api/v1/dossiers/${draft.id}/fee/payment`, {
      paidOn: '2026-03-04',
      version: dossier.version,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('ADMISSIBLE');
    const outbox = await database.db
      .selectFrom('federal_outbox')
      .selectAll()
      .where('dossier_id', '=', draft.id)
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.payload).toMatchObject({ dossierNumber: dossier.number, category: 'HIGHLY_SKILLED' });

    let view = (await caseHandler.request('GET', `/api/v1/dossiers/${draft.id}`)).json();
    expect(view.clock).toMatchObject({
      startedOn: '2026-03-04',
      startedBy: 'FEE_PAID',
      dueDate: '2026-03-19',
      daysLeft: 15,
      awaitingFee: false,
    });
    const stored = await database.db
      .selectFrom('dossiers')
      .select(['admissible_on', 'due_date'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ admissible_on: '2026-03-04', due_date: '2026-03-19' });
    view = (await act(caseHandler, draft.id, { action: 'START_REVIEW', version: view.version })).json();
    expect(view.status).toBe('IN_REVIEW');
    expect(view.assignee?.displayName).toBeTruthy();

    clock = new Date('2026-03-05T09:00:00Z');
    const asked = await act(caseHandler, draft.id, {
      action: 'REQUEST_INFORMATION',
      version: view.version,
      question: 'Please add the signed employment contract.',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    clock = new Date('2026-03-12T09:00:00Z');
    const paused = (await caseHandler.request('GET', `/api/v1/dossiers/${draft.id}`)).json();
    expect(paused.clock).toMatchObject({ isPaused: true, pausedDays: 7, dueDate: '2026-03-26' });
    const answered = await act(employer, draft.id, {
      action: 'ANSWER_INFORMATION',
      version: paused.version,
      answer: 'The signed contract is attached.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().clock).toMatchObject({
      isPaused: false,
      pausedDays: 7,
      dueDate: '2026-03-26',
      daysLeft: 14,
    });

    const tooLong = await act(caseHandler, draft.id, {
      action: 'GRANT',
      version: answered.json().version,
      validFrom: '2026-05-01',
      validUntil: '2031-05-01',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'validUntil', rule: 'maxValidity' });
    const granted = await act(caseHandler, draft.id, {
      action: 'GRANT',
      version: answered.json().version,
      validFrom: '2026-05-01',
      validUntil: '2029-04-30',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const decided = granted.json();
    expect(decided.status).toBe('DECIDED_GRANTED');
    expect(decided.letters).toHaveLength(1);
    const letter = await employer.request(
      'GET',
      `/api/v1/dossiers/${draft.id}/letters/${decided.letters[0].id}`,
    );
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const log = await listActions(database.db, draft.id);
    expect(deriveStatus(log)).toBe('DECIDED_GRANTED');
    const reads = await database.db
      .selectFrom('audit_events')
      .select('actor_user_id')
      .where('action', '=', 'DOSSIER_READ')
      .where('subject_id', '=', draft.id)
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);

    // Another enterprise sees nothing of it, whatever it tries.
    for (const [method, url, body] of [
      ['GET', `/api/v1/dossiers/${draft.id}`],
      ['GET', `/api/v1/dossiers/${draft.id}/fee`],
      ['GET', `/api/v1/dossiers/${draft.id}/fee.pdf`],
      ['GET', `/api/v1/dossiers/${draft.id}/letters/${decided.letters[0].id}`],
      ['GET', `/api/v1/dossiers/${draft.id}/documents/${decided.documents[0].id}`],
      ['POST', `/api/v1/dossiers/${draft.id}/actions`, { action: 'WITHDRAW', version: decided.version }],
      ['POST', `/api/v1/dossiers/${draft.id}/renewal`],
      ['POST', `/api/v1/dossiers/${draft.id}/submit`, {}],
    ] as const) {
      const response = await otherEmployer.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = (await otherEmployer.request('GET', '/api/v1/dossiers')).json();
    expect(list.dossiers).toEqual([]);

    const renewal = await employer.request('POST', `/api/v1/dossiers/${draft.id}/renewal`);
    expect(renewal.statusCode).toBe(201);
    expect(renewal.json()).toMatchObject({ status: 'DRAFT', kind: 'RENEWAL', workerName: 'Priya Raman' });
  });

  it('makes a case handler refusal a proposal a supervisor co-signs, when the setting asks it', async () => {
    const caseHandling = { ...loadConfig({}).caseHandling, refusalNeedsCoSign: true };
    const coSignApp = await createTestApp(database, { caseHandling }, { now: () => clock });
    try {
      const handler = await signIn(coSignApp.app, 'behandelaar', DEMO_PASSWORD);
      const boss = await signIn(coSignApp.app, 'teamleider', DEMO_PASSWORD);
      const draft = await completeHighlySkilledDraft();
      const lowSalary = await saveStep(draft.id, 'job', draft.version, {
        ...HIGHLY_SKILLED_ANSWERS.job,
        'application.job.grossAnnualSalary': 30000,
      });
      expect(lowSalary.statusCode).toBe(200);
      const submitted = (await employer.request('POST', `/api/v1/dossiers/${draft.id}/submit`, {})).json();
      await handler.request('POST', `/api/v1/dossiers/${draft.id}/fee/payment`, {
        paidOn: '2026-03-12',
        version: submitted.version,
      });
      let view = (await handler.request('GET', `/api/v1/dossiers/${draft.id}`)).json();
      expect(view.assessment.outcome).toBe('INELIGIBLE');
      view = (
        await handler.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
          action: 'START_REVIEW',
          version: view.version,
        })
      ).json();
      const proposed = await handler.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
        action: 'REFUSE',
        version: view.version,
        reasonCodes: ['SALARY_BELOW_THRESHOLD'],
        note: 'The salary offered is below the threshold.',
      });
      expect(proposed.statusCode, proposed.body).toBe(200);
      expect(proposed.json()).toMatchObject({
        status: 'IN_REVIEW',
        pendingRefusal: { reasonCodes: ['SALARY_BELOW_THRESHOLD'] },
      });
      const notes = (await boss.request('GET', '/api/v1/staff/notifications')).json();
      expect(
        notes.notifications.some(
          (n: { dossierId: string; kind: string }) =>
            n.dossierId === draft.id && n.kind === 'REFUSAL_TO_CO_SIGN',
        ),
      ).toBe(true);
      const coSigned = await boss.request('POST', `/api/v1/dossiers/${draft.id}/actions`, {
        action: 'REFUSE',
        version: proposed.json().version,
        reasonCodes: [],
      });
      expect(coSigned.statusCode, coSigned.body).toBe(200);
      expect(coSigned.json()).toMatchObject({ status: 'DECIDED_REFUSED' });
      expect(coSigned.json().decision).toMatchObject({ reasonCodes: ['SALARY_BELOW_THRESHOLD'] });
      expect(coSigned.json().letters).toHaveLength(1);
    } finally {
      await coSignApp.app.close();
    }
  });

  it('shows the queue by days left and the supervisor the workload', async () => {
    const queue = await caseHandler.request('GET', '/api/v1/queue?scope=all');
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as { daysLeft: number | null }[];
    const days = items.map((i) => i.daysLeft).filter((d): d is number => d !== null);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const bad = await caseHandler.request('GET', '/api/v1/queue?scope=everything&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['query.limit', 'query.scope']);
    const workload = await supervisor.request('GET', '/api/v1/supervision/workload');
    expect(workload.json().caseHandlers.length).toBeGreaterThanOrEqual(2);
    const leadTimes = await supervisor.request(
      'GET',
      '/api/v1/supervision/lead-times?from=2026-01-01&to=2026-12-31',
    );
    expect(
      leadTimes.json().categories.find((c: { category: string }) => c.category === 'HIGHLY_SKILLED'),
    ).toMatchObject({
      decided: 2,
      target: 'NONE',
    });
    expect(leadTimes.json().overall).toMatchObject({ targetDays: 30 });
  });
});
