import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { connectDatabase } from '../db/client.ts';
import {
  createSimulator,
  createSourceAdapters,
  type Simulator,
  type SourceAdapters,
} from '../sources/index.ts';

// Observability (issue 12): a register outage and the work waiting behind it are visible in the
// metrics, not only in the database.
describe('metrics', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let simulator: Simulator;
  let sources: SourceAdapters;
  const logged: Array<{ level: string; message: string; details: object }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    simulator = await createSimulator({ port: 0, failureRate: 0, latencyMs: [0, 0] });
    sources = createSourceAdapters({
      baseUrl: simulator.url,
      log: {
        warn: (details, message) => logged.push({ level: 'warn', message, details }),
        info: (details, message) => logged.push({ level: 'info', message, details }),
      },
      retries: 0,
      settings: { kbo: { failureThreshold: 1, cooldownMs: 60_000, cacheTtlMs: 0 } },
    });
    testApp = await createTestApp(database, {}, { sources });
  });
  afterAll(async () => {
    await testApp?.app.close();
    await simulator?.close();
    await database?.dispose();
  });

  const scrape = async () => (await testApp.app.inject({ method: 'GET', url: '/metrics' })).body;

  it('counts register calls by outcome, shows an open breaker, and the work waiting', async () => {
    await sources.kbo.getEnterprise('0403170701');
    let text = await scrape();
    expect(text).toMatch(/loket_register_calls_total\{source="kbo",outcome="ANSWERED"\} 1/);
    expect(text).toMatch(/loket_register_call_duration_seconds_count\{source="kbo",outcome="ANSWERED"\} 1/);
    expect(text).toMatch(/loket_register_breaker_state\{source="kbo"\} 0/);

    // The register goes away: the call fails, the breaker opens, the next call is not even made.
    const port = new URL(simulator.url).port;
    await simulator.close();
    await expect(sources.kbo.getEnterprise('0403170701')).rejects.toThrow();
    await expect(sources.kbo.getEnterprise('0403170701')).rejects.toThrow();
    text = await scrape();
    expect(text).toMatch(/loket_register_breaker_state\{source="kbo"\} 2/);
    expect(text).toMatch(/loket_register_calls_total\{source="kbo",outcome="NETWORK"\} 1/);
    expect(text).toMatch(/loket_register_calls_total\{source="kbo",outcome="CIRCUIT_OPEN"\} 1/);
    // The state change is logged once, when it happens, not on every refused call.
    expect(logged.filter((line) => line.message === 'register circuit opened')).toEqual([
      {
        level: 'warn',
        message: 'register circuit opened',
        details: { type: 'CIRCUIT_OPENED', source: 'kbo' },
      },
    ]);
    simulator = await createSimulator({ port: Number(port), failureRate: 0, latencyMs: [0, 0] });

    await database.db
      .insertInto('job_runs')
      .values({ job_name: 'federal-outbox-send', outcome: 'FAILED' as never })
      .execute();
    text = await scrape();
    expect(text).toMatch(/loket_background_backlog\{what="job_runs_failed_24h"\} 1/);
    expect(text).toMatch(/loket_background_backlog\{what="register_checks_waiting"\} 0/);
  });

  it('shows the pool saturated: every connection busy and requests waiting for one', async () => {
    const handle = connectDatabase(database.url, { max: 1, connectionTimeoutMs: 5_000 });
    const small = await createTestApp({ ...database, db: handle.db }, {}, { pool: handle.pool });
    try {
      const held = await handle.pool.connect();
      const waiting = handle.db.selectFrom('users').select('id').limit(1).execute();
      try {
        const started = Date.now();
        const text = (await small.app.inject({ method: 'GET', url: '/metrics' })).body;
        // Answered at once, not after the connection timeout: the backlog counts wait for a free pool.
        expect(Date.now() - started).toBeLessThan(500);
        expect(text).toMatch(/loket_db_pool_connections\{state="total"\} 1\b/);
        expect(text).toMatch(/loket_db_pool_connections\{state="idle"\} 0\b/);
        expect(
          Number(/loket_db_pool_connections\{state="waiting"\} (\d+)/.exec(text)?.[1]),
        ).toBeGreaterThanOrEqual(1);
      } finally {
        held.release();
      }
      await waiting;
      const after = (await small.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(after).toMatch(/loket_db_pool_connections\{state="waiting"\} 0\b/);
    } finally {
      await small.app.close();
      await handle.close();
    }
  });
});
