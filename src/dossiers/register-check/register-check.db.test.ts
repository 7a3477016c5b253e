import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierDriver, HIGHLY_SKILLED_ANSWERS } from '../../../test/dossier-driver.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { createSimulator, createSourceAdapters, type Simulator } from '../../sources/index.ts';
import { isNonEuNationality } from './eu-nationalities.ts';
import { claimDueRegisterChecks, runDueRegisterChecks } from './run-register-checks.ts';

describe('register check of a submitted dossier', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let simulator: Simulator;
  let employer: Session;
  let caseHandler: Session;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    testApp = await createTestApp(database, {}, { now: () => new Date('2026-03-02T09:00:00Z') });
    simulator = await createSimulator({
      port: 0,
      failureRate: 0,
      latencyMs: [0, 0],
      referenceDate: '2026-03-02',
    });
    employer = await signIn(testApp.app, 'werkgever', DEMO_PASSWORD);
    caseHandler = await signIn(testApp.app, 'behandelaar', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await simulator?.close();
    await testApp?.app.close();
    await database?.dispose();
  });

  /** A worker the national register knows, filed under a family name that differs from it. */
  async function submitWithRegisteredWorker(familyName?: string) {
    const person = simulator.population.people.find(
      (p) => isNonEuNationality(p.nationality) && !p.registeredInBelgium,
    );
    if (!person) throw new Error('the simulated population has no non-EU person abroad');
    const driver = dossierDriver(employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', {
      worker: {
        ...HIGHLY_SKILLED_ANSWERS.worker,
        'workerIdentity.givenNames': person.givenNames.join(' '),
        'workerIdentity.familyName': familyName ?? person.familyName,
        'application.worker.birthDate': person.birthDate,
        'application.worker.nationality': person.nationality,
        'application.worker.insz': person.insz,
        'application.worker.sex': person.sex,
      },
      job: HIGHLY_SKILLED_ANSWERS.job,
    });
    return { dossier: await driver.submit(draft.id), person };
  }

  it('runs the check in the submitting process right after the commit, holding a lease the loop respects', async () => {
    const sources = createSourceAdapters({ baseUrl: simulator.url });
    const withSources = await createTestApp(
      database,
      {},
      { now: () => new Date('2026-03-02T09:00:00Z'), sources },
    );
    try {
      const session = await signIn(withSources.app, 'werkgever', DEMO_PASSWORD);
      const person = simulator.population.people.find((p) => isNonEuNationality(p.nationality));
      if (!person) throw new Error('the simulated population has no non-EU person');
      const driver = dossierDriver(session);
      const draft = await driver.completeDraft('HIGHLY_SKILLED', {
        worker: { ...HIGHLY_SKILLED_ANSWERS.worker, 'application.worker.insz': person.insz },
        job: HIGHLY_SKILLED_ANSWERS.job,
      });
      const submitted = await driver.submit(draft.id);
      // Claimed by the submission: attempt 1, not due for the loop during the lease.
      expect(await claimDueRegisterChecks(database.db, 100)).not.toContainEqual(
        expect.objectContaining({ dossier_id: submitted.id }),
      );
      let check: { status: string; attempts: number } | undefined;
      for (let i = 0; i < 100 && check?.status !== 'COMPLETE'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        check = await database.db
          .selectFrom('register_checks')
          .select(['status', 'attempts'])
          .where('dossier_id', '=', submitted.id)
          .executeTakeFirst();
      }
      expect(check).toEqual({ status: 'COMPLETE', attempts: 1 });
      const facts = await database.db
        .selectFrom('register_facts')
        .select('source')
        .where('dossier_id', '=', submitted.id)
        .execute();
      expect(facts.map((f) => f.source)).toContain('national-register');
    } finally {
      await withSources.app.close();
    }
  });

  it('fetches every register in parallel, keeps provenance, maps the facts and flags what differs', async () => {
    const { dossier, person } = await submitWithRegisteredWorker('Somebody-Else');
    const sources = createSourceAdapters({ baseUrl: simulator.url });
    const run = await runDueRegisterChecks(database.db, sources);
    expect(run).toMatchObject({ claimed: 1, complete: 1, waiting: 0 });
    const view = (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(view.registerCheck.status).toBe('COMPLETE');
    const sourcesSeen = new Set(view.registerCheck.facts.map((f: { source: string }) => f.source));
    for (const source of ['kbo', 'sanctions', 'dimona', 'national-register'])
      expect(sourcesSeen).toContain(source);
    for (const fact of view.registerCheck.facts) expect(fact.requestId).toMatch(/\S/);
    const familyName = view.registerCheck.comparisons.find(
      (c: { fact: string }) => c.fact === 'worker.familyName',
    );
    expect(familyName).toMatchObject({
      declared: 'Somebody-Else',
      register: person.familyName,
      isMismatch: true,
    });
    expect(view.registerCheck.findings).toContainEqual({
      code: 'IDENTITY_MISMATCH',
      facts: { fields: ['worker.familyName'] },
    });
    // The demo employer: 12 staff of whom 3 non-EU, from Dimona and the national register.
    const stored = await database.db
      .selectFrom('dossiers')
      .select('assessment')
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect(stored.assessment).toBeTruthy();
    const check = await database.db
      .selectFrom('register_checks')
      .select('comparison')
      .where('dossier_id', '=', dossier.id)
      .executeTakeFirstOrThrow();
    expect((check.comparison as { applicationPatch: unknown }).applicationPatch).toMatchObject({
      employer: { establishedInBelgium: true, workforce: { headcount: 12, nonEuHeadcount: 3 } },
    });
    const logged = await database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'details', 'request_id'])
      .where('action', '=', 'REGISTER_DATA_READ')
      .where('subject_id', '=', dossier.id)
      .execute();
    expect(logged).toHaveLength(1);
    expect((logged[0]?.details as { sources: string[] } | undefined)?.sources).toEqual(
      expect.arrayContaining(['kbo', 'national-register']),
    );
    // The staff read of the same view is logged beside it, by the same request.
    const read = await database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'DOSSIER_READ')
      .where('request_id', '=', logged[0]?.request_id ?? '')
      .execute();
    expect(read).toEqual([{ actor_user_id: logged[0]?.actor_user_id, details: { what: 'overview' } }]);
    // The employer sees none of the register data (least privilege): no register section, and the
    // assessment of what they declared, while staff's weighs the registers' workforce too.
    const employerView = (await employer.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(employerView.registerCheck).toBeNull();
    const parameterNames = (a: { parameters: { name: string }[] }) => a.parameters.map((p) => p.name);
    expect(parameterNames(view.assessment)).toContain('policy.almostOnlyNonEu.minimumShare');
    expect(parameterNames(employerView.assessment)).not.toContain('policy.almostOnlyNonEu.minimumShare');
    expect(JSON.stringify(employerView.assessment)).not.toContain('"workforce"');
    // An application the rules no longer take (here: emptied) falls back to the stored assessment,
    // which the register check weighed with register values: for staff only, never the employer.
    await database.db.updateTable('dossiers').set({ application: {} }).where('id', '=', dossier.id).execute();
    const staffFallback = (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json();
    expect(parameterNames(staffFallback.assessment)).toContain('policy.almostOnlyNonEu.minimumShare');
    const employerFallback = await employer.request('GET', `/api/v1/dossiers/${dossier.id}`);
    expect(employerFallback.statusCode, employerFallback.body).toBe(200);
    expect(employerFallback.json().assessment).toBeNull();
  });

  it('accepts the dossier while a register is down, says which and since when, and completes once it is back', async () => {
    const slow = await createSimulator({
      port: 0,
      failureRate: 0,
      latencyMs: [300, 300],
      referenceDate: '2026-03-02',
    });
    const port = slow.port;
    const { dossier } = await submitWithRegisteredWorker();
    expect(dossier.status).toBe('SUBMITTED');
    const sources = createSourceAdapters({ baseUrl: slow.url, retries: 0, timeoutMs: 2_000 });
    const running = runDueRegisterChecks(database.db, sources);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await slow.close(); // the registers go down in the middle of the fetch
    expect(await running).toMatchObject({ claimed: 1, waiting: 1 });
    const waiting = (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json().registerCheck;
    expect(waiting.status).toBe('WAITING');
    expect(waiting.waiting.length).toBeGreaterThan(0);
    expect(waiting.waiting[0]).toMatchObject({
      source: expect.any(String),
      since: expect.any(String),
      error: expect.any(String),
    });

    const back = await createSimulator({
      port,
      failureRate: 0,
      latencyMs: [0, 0],
      referenceDate: '2026-03-02',
    });
    try {
      await sql`update register_checks set next_attempt_at = now() where dossier_id = ${dossier.id}`.execute(
        database.db,
      );
      const retried = await runDueRegisterChecks(database.db, createSourceAdapters({ baseUrl: back.url }));
      expect(retried).toMatchObject({ claimed: 1, complete: 1 });
      const done = (await caseHandler.request('GET', `/api/v1/dossiers/${dossier.id}`)).json().registerCheck;
      expect(done).toMatchObject({ status: 'COMPLETE', waiting: [] });
    } finally {
      await back.close();
    }
  });
});
