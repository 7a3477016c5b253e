import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierDriver, HIGHLY_SKILLED_ANSWERS } from '../../../test/dossier-driver.ts';
import { createTestApp, signIn } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { createSimulator, createSourceAdapters, type Simulator } from '../../sources/index.ts';
import { claimDueRegisterChecks } from './run-register-checks.ts';

// A submission runs its register check after answering, under a 60 s lease. Closing the server
// (what SIGTERM does) must not leave that check to wait out the lease.
describe('register checks when the server shuts down', () => {
  let database: TestDatabase;
  let slow: Simulator;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    slow = await createSimulator({
      port: 0,
      failureRate: 0,
      latencyMs: [1_500, 1_500],
      referenceDate: '2026-03-02',
    });
  });
  afterAll(async () => {
    await slow?.close();
    await database?.dispose();
  });

  async function submitThenClose(drainSeconds: number) {
    const sources = createSourceAdapters({ baseUrl: slow.url });
    const testApp = await createTestApp(
      database,
      { shutdownDrainMs: drainSeconds * 1_000 },
      { now: () => new Date('2026-03-02T09:00:00Z'), sources },
    );
    const driver = dossierDriver(await signIn(testApp.app, 'werkgever', DEMO_PASSWORD));
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    const submitted = await driver.submit(draft.id);
    await testApp.app.close();
    return database.db
      .selectFrom('register_checks')
      .select(['status', 'next_attempt_at'])
      .where('dossier_id', '=', submitted.id)
      .executeTakeFirstOrThrow()
      .then((check) => ({ id: submitted.id as string, ...check }));
  }

  it('lets a check in flight finish before the server has closed', async () => {
    const check = await submitThenClose(30);
    expect(check.status).toBe('COMPLETE');
  });

  it('releases the claim of a check that does not finish in time, so another instance takes it at once', async () => {
    const check = await submitThenClose(0);
    expect(check.status).not.toBe('COMPLETE');
    const claimed = await claimDueRegisterChecks(database.db, 100);
    expect(claimed.map((row) => row.dossier_id)).toContain(check.id);
  });
});
