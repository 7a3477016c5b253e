import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../../test/dossier-driver.ts';
import { anonymousSession, type Session, signIn, type TestApp } from '../../../test/test-app.ts';
import type { TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { createSimulator, createSourceAdapters, type Simulator } from '../../sources/index.ts';
import { pollResidenceDecisions, sendFederalOutbox } from '../federal/federal-handover.ts';
import { sweepDeadlines } from './sweep-deadlines.ts';

describe('case handling around the dossier', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let simulator: Simulator;
  let clock = new Date('2026-03-02T09:00:00Z');
  let employer: Session;
  let otherEmployer: Session;
  let caseHandler: Session;

  let world: DossierWorld;

  beforeAll(async () => {
    world = await createDossierWorld(() => clock);
    ({ database, testApp, employer, otherEmployer, caseHandler } = world);
    simulator = await createSimulator({
      port: 0,
      failureRate: 0,
      latencyMs: [0, 0],
      federalDecisionDelayMs: 0,
    });
  });
  afterAll(async () => {
    await simulator?.close();
    await world?.dispose();
  });

  const submittedDossier = async () => {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    return driver.submit(draft.id);
  };

  it('marks fees paid from a bank statement, once, and explains every other line', async () => {
    const first = await submittedDossier();
    const second = await submittedDossier();
    const csv = [
      'booking_date;amount;currency;counterparty_name;counterparty_iban;communication',
      `02/03/2026;200,00;EUR;Bakkerij Peeters;;${first.fee.reference}`,
      `02/03/2026;150,00;EUR;Bakkerij Peeters;;${second.fee.reference}`,
      '02/03/2026;200,00;EUR;Someone;;+++000/0000/09797+++',
      '02/03/2026;75,00;EUR;Someone;;invoice 12',
      'yesterday;200,00;EUR;Someone;;x',
    ].join('\n');
    const send = () =>
      caseHandler.request('POST', '/api/v1/fee-payments/import', csv, { 'content-type': 'text/csv' });
    const imported = await send();
    expect(imported.statusCode, imported.body).toBe(200);
    const result = imported.json();
    expect(result.matched).toEqual([expect.objectContaining({ dossierId: first.id, status: 'ADMISSIBLE' })]);
    expect(result.unmatched.map((u: { why: string }) => u.why).sort()).toEqual([
      'AMOUNT_TOO_LOW',
      'NO_REFERENCE',
      'UNKNOWN_REFERENCE',
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 6, field: 'booking_date', rule: 'date' }),
    ]);
    const again = (await send()).json();
    expect(again.matched).toEqual([]);
    // Lines without a reference cannot be recognised and are reported again; the rest are skipped.
    expect(again.alreadyImported).toBe(3);
    const badHeader = await caseHandler.request('POST', '/api/v1/fee-payments/import', 'date;amount\n1;2', {
      'content-type': 'text/csv',
    });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.booking_date');
  });

  it('hands an admissible dossier to the federal office once and brings its residence decision back', async () => {
    const dossier = await submittedDossier();
    await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: dossier.version,
    });
    const sources = createSourceAdapters({ baseUrl: simulator.url, retries: 0 });
    const sent = await sendFederalOutbox(database.db, sources.federal);
    expect(sent.sent).toBeGreaterThanOrEqual(1);
    expect((await sendFederalOutbox(database.db, sources.federal)).pending).toBe(0);
    const row = await database.db
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(row.federal_status).toBe('SENT');
    expect(row.federal_receipt_id).toBeTruthy();
    const polled = await pollResidenceDecisions(database.db, sources.federal);
    expect(polled.decided).toBeGreaterThanOrEqual(1);
    const decided = await database.db
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(['GRANTED', 'REFUSED']).toContain(decided.federal_status);
  });

  it('keeps an unsent hand-over in the outbox while the federal office is down', async () => {
    const dossier = await submittedDossier();
    await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: dossier.version,
    });
    const unreachable = createSourceAdapters({ baseUrl: 'http://127.0.0.1:9', retries: 0, timeoutMs: 500 });
    const result = await sendFederalOutbox(database.db, unreachable.federal);
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const outbox = await database.db
      .selectFrom('federal_outbox')
      .selectAll()
      .where('dossier_id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(outbox.last_error).toBeTruthy();
  });

  it('tells the supervisors once about every dossier past its deadline', async () => {
    const dossier = await submittedDossier();
    await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/fee/payment`, {
      paidOn: '2026-03-02',
      version: dossier.version,
    });
    const sweep = await sweepDeadlines(database.db, '2026-03-20'); // 15-day fast lane from 2 March
    expect(sweep.overdue).toBeGreaterThanOrEqual(1);
    expect(sweep.notified).toBe(sweep.overdue);
    expect((await sweepDeadlines(database.db, '2026-03-21')).notified).toBe(0);
    const supervisor = await signIn(testApp.app, 'teamleider', DEMO_PASSWORD);
    const notes = (await supervisor.request('GET', '/api/v1/staff/notifications')).json();
    const note = notes.notifications.find((n: { dossierId: string }) => n.dossierId === dossier.id);
    expect(note).toMatchObject({ kind: 'DOSSIER_OVERDUE' });
    expect(
      (await caseHandler.request('POST', `/api/v1/staff/notifications/${note.id}/read`)).statusCode,
    ).toBe(404);
    expect((await supervisor.request('POST', `/api/v1/staff/notifications/${note.id}/read`)).statusCode).toBe(
      204,
    );
    const after = (await supervisor.request('GET', '/api/v1/staff/notifications')).json();
    expect(after.notifications.some((n: { id: string }) => n.id === note.id)).toBe(false);
  });

  it('leaves no dossier behind when a submission fails half-way', async () => {
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    // A fault inside the submission's transaction, after the dossier was numbered and its action logged
    // (a trigger: only the owner may add one).
    await sql`create function fail_on_submit() returns trigger language plpgsql as $$
      begin if new.action = 'SUBMIT' then raise exception 'simulated crash'; end if; return new; end $$`.execute(
      database.owner.db,
    );
    await sql`create trigger fail_on_submit after insert on dossier_actions for each row execute function fail_on_submit()`.execute(
      database.owner.db,
    );
    try {
      const failed = await employer.request('POST', `/api/v1/dossiers/${draft.id}/submit`, {});
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`drop trigger fail_on_submit on dossier_actions`.execute(database.owner.db);
      await sql`drop function fail_on_submit()`.execute(database.owner.db);
    }
    const after = await driver.view(draft.id);
    expect(after).toMatchObject({ status: 'DRAFT', number: null, version: draft.version });
    expect(after.history.filter((h: { action: string }) => h.action === 'SUBMIT')).toEqual([]);
    const retried = await driver.submit(draft.id);
    expect(retried.status).toBe('SUBMITTED');
  });

  it('lets a worker follow their dossier with their code on every device until it expires', async () => {
    const dossier = await submittedDossier();
    const given = await employer.request('POST', `/api/v1/dossiers/${dossier.id}/worker-access`);
    expect(given.statusCode).toBe(201);
    const { code } = given.json();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const worker = await anonymousSession(testApp.app);
    const before = await worker.request('GET', '/api/v1/worker-access/dossier');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ dossier: null });
    const redeemed = await worker.request('POST', '/api/v1/worker-access/redeem', { code });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    expect(redeemed.json().dossier).toMatchObject({ number: dossier.number, status: 'SUBMITTED' });
    expect(redeemed.json().dossier).not.toHaveProperty('application');
    // The same code on a second device (the worker's phone): both stay signed in.
    const phone = await anonymousSession(testApp.app);
    const again = await phone.request('POST', '/api/v1/worker-access/redeem', { code });
    expect(again.statusCode, again.body).toBe(200);
    expect((await phone.request('GET', '/api/v1/worker-access/dossier')).json().dossier.number).toBe(
      dossier.number,
    );
    const later = await worker.request('GET', '/api/v1/worker-access/dossier');
    expect(later.json().dossier.number).toBe(dossier.number);
    // Only hashes are kept: neither the code nor a token is stored as given.
    const stored = JSON.stringify(
      await database.db
        .selectFrom('worker_access')
        .innerJoin('worker_access_tokens', 'worker_access_tokens.access_id', 'worker_access.id')
        .selectAll()
        .where('worker_access.dossier_id', '=', dossier.id)
        .execute(),
    );
    expect(stored).not.toContain(code);
    // Once the code has expired (14 days) it opens nothing more.
    const start = clock;
    clock = new Date(start.getTime() + 15 * 86_400_000);
    const stranger = await anonymousSession(testApp.app);
    const reused = await stranger.request(
      'POST',
      '/api/v1/worker-access/redeem',
      { code },
      { 'accept-language': 'nl' },
    );
    clock = start;
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('LOKET_WORKER_CODE_INVALID');
    expect(reused.json().error.message).toContain('toegangscode is niet geldig');
    expect(reused.json().error.message).not.toMatch(/gebruikersnaam|wachtwoord|al gebruikt/);
    const wrong = await stranger.request(
      'POST',
      '/api/v1/worker-access/redeem',
      { code: 'ZZZZZZZZZZ' },
      { 'accept-language': 'fr' },
    );
    expect(wrong.json().error.message).toContain("code d'accès n'est pas valable");
  });

  it("never lets an employer reach another enterprise's dossier through any dossier endpoint", async () => {
    const dossier = await submittedDossier();
    const letterId = '00000000-0000-4000-8000-000000000001';
    const routes = testApp.app.routeAccess.filter(
      (route) =>
        route.url.startsWith('/api/v1/dossiers/:id') &&
        Array.isArray(route.access) &&
        route.access.includes('EMPLOYER') &&
        route.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const url = route.url
        .replace(':id', dossier.id)
        .replace(':documentId', dossier.documents[0].id)
        .replace(':letterId', letterId)
        .replace(':step', 'worker');
      const version = dossier.version;
      const body =
        route.method === 'GET' || route.method === 'DELETE'
          ? undefined
          : route.url.endsWith('/steps/:step')
            ? { version, answers: {} }
            : route.url.endsWith('/actions')
              ? { action: 'WITHDRAW', version }
              : route.url.endsWith('/fee/payment')
                ? { paidOn: '2026-03-02', version }
                : route.url.endsWith('/withdrawal-hearing')
                  ? { version, answer: 'Wij betwisten de feiten.' }
                  : { version };
      const response = await otherEmployer.request(route.method, url, body);
      expect(response.statusCode, `${route.method} ${route.url} ${response.body}`).toBe(404);
    }
    const own = await employer.request('GET', `/api/v1/dossiers/${dossier.id}`);
    expect(own.statusCode).toBe(200);
  });

  it('keeps the clock still while time passes under a request for information', async () => {
    clock = new Date('2026-04-01T08:00:00Z');
    const dossier = await submittedDossier();
    await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/fee/payment`, {
      paidOn: '2026-04-01',
      version: dossier.version,
    });
    let view = (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    view = (
      await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
        action: 'START_REVIEW',
        version: view.version,
      })
    ).json();
    await caseHandler.request('POST', `/api/v1/dossiers/${dossier.id}/actions`, {
      action: 'REQUEST_INFORMATION',
      version: view.version,
      question: 'Which diploma?',
    });
    clock = new Date('2026-05-01T08:00:00Z'); // a month later, still waiting
    const queue = (
      await caseHandler.request('GET', '/api/v1/queue?scope=all&status=INFORMATION_REQUESTED')
    ).json();
    const item = queue.items.find((i: { id: string }) => i.id === dossier.id);
    expect(item).toMatchObject({ isPaused: true, isOverdue: false, daysLeft: 15, dueDate: '2026-05-16' });
  });
});
