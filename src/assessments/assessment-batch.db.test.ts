import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { refreshRuleData } from '../governance/rule-data/governed-rule-data.ts';
import { seedRuleData } from '../governance/rule-data/rule-versions.repo.ts';
import { getDefaultRuleData } from '../rules/index.ts';
import { BATCH_BODY_LIMIT, BATCH_LIMIT } from './assessment-batch.routes.ts';
import { createAssessmentPool } from './assessment-pool.ts';

const application = {
  applicationDate: '2026-02-10',
  category: 'HIGHLY_SKILLED',
  employer: { enterpriseNumber: '0403.170.701' },
  worker: { birthDate: '1990-03-14', nationality: 'IN', qualificationVks: 6 },
  job: { requiredVks: 6, grossAnnualSalary: 45_000, workplacePostalCode: '9000', startDate: '2026-04-01' },
};
const fullBatch = JSON.stringify(Array(BATCH_LIMIT).fill(application));

// The public batch route is bounded (issue 12, "Public work and abuse"): its work runs in worker
// threads, one batch at a time per address, and a full pool answers 503 instead of queueing.
// A full batch is CPU work by design (it runs beside the other test files, and in `npm test` beside
// the browser tier): the limit catches a batch that never ends, not a slow machine.
describe('the assessment batch under load', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp(database);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  const batch = (remoteAddress: string, payload = fullBatch) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/v1/assessments/batch',
      headers: { 'content-type': 'application/json' },
      remoteAddress,
      payload,
    });

  it('answers a full batch from a worker thread while health and other callers are answered at once', async () => {
    const order: string[] = [];
    const running = batch('192.0.2.1').then((response) => {
      order.push('batch');
      return response;
    });
    // Give the batch time to be read and handed over, then ask for health.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await testApp.app.inject({ method: 'GET', url: '/health/live' });
    order.push('health');
    const single = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(application),
    });
    order.push('single');
    const response = await running;
    expect(health.statusCode).toBe(200);
    expect(single.statusCode).toBe(200);
    expect(order).toEqual(['health', 'single', 'batch']);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const answers = response.json();
    expect(answers).toHaveLength(BATCH_LIMIT);
    expect(answers[BATCH_LIMIT - 1].outcome).toBe('INELIGIBLE');
  });

  it('runs one batch at a time per address, and names a body that is not JSON', async () => {
    const [first, second] = await Promise.all([batch('192.0.2.2'), batch('192.0.2.2')]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 429]);
    const refused = first.statusCode === 429 ? first : second;
    expect(refused.headers['retry-after']).toBeTruthy();
    expect(refused.json().error.code).toBe('LOKET_RATE_LIMITED');
    const broken = await batch('192.0.2.3', '[{"category": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.fields[0]).toMatchObject({ path: 'body', rule: 'json' });
    const notArray = await batch('192.0.2.3', JSON.stringify(application));
    expect(notArray.json().error.fields[0]).toMatchObject({ path: 'body', rule: 'type' });
  });

  it('refuses a body over 16 MiB before reading it whole, naming its own limit (not the API-wide 1 MB)', async () => {
    const tooBig = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/assessments/batch',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      remoteAddress: '192.0.2.4',
      payload: Buffer.alloc(BATCH_BODY_LIMIT + 1, 0x20),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({
      code: 'LOKET_PAYLOAD_TOO_LARGE',
      message: 'The content is too large (at most 16 MB).',
    });
  });

  it('assesses in the worker threads with the approved rule data, not the YAML seed (issue 15)', async () => {
    await seedRuleData(database.db, getDefaultRuleData());
    await database.owner.db
      .insertInto('rule_parameter_versions')
      .values({
        name: 'fee.singlePermit',
        valid_from: '2027-01-01',
        value: JSON.stringify(205),
        source: 'Besluit tot indexering (test)',
        verified: true,
        status: 'VERIFIED',
        origin: 'SEED',
        state: 'APPROVED',
        decided_at: new Date(),
      })
      .execute();
    expect(await refreshRuleData(database.db)).toBe(true);
    const in2027 = {
      ...application,
      applicationDate: '2027-02-01',
      job: { ...application.job, grossAnnualSalary: 60_000, startDate: '2027-04-01' },
    };
    const single = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(in2027),
    });
    expect(single.json().fee.amountDue).toBe(205);
    const response = await batch('192.0.2.5', JSON.stringify([in2027, application]));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.json().map((a: { fee: { amountDue: number } }) => a.fee.amountDue)).toEqual([205, 200]);
  });

  it('refuses a batch the pool has no room for instead of holding it in memory', async () => {
    const pool = createAssessmentPool({ threads: 1, queue: 0 });
    try {
      const task = { body: fullBatch, lang: 'nl' as const, maxItems: BATCH_LIMIT };
      const first = pool.run(task);
      expect(first).not.toBeNull();
      expect(pool.run(task)).toBeNull();
      expect((await first)?.ok).toBe(true);
      // Room again once the first is done.
      const again = pool.run({ ...task, body: '[]' });
      expect(await again).toEqual({ ok: true, json: '[]' });
    } finally {
      await pool.close();
    }
  });
});
