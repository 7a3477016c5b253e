import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../test/dossier-driver.ts';
import { startFreezableProxy } from '../../test/freezable-proxy.ts';
import { createTestApp, signIn } from '../../test/test-app.ts';
import { CLIENT_TIMEOUT_MARGIN_MS, connectDatabase } from '../db/client.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';

/** Locks a dossier's row from another connection, so a request that changes it waits inside its transaction. */
async function lockDossierRow(url: string, dossierId: string): Promise<pg.Client> {
  const admin = new pg.Client(url);
  await admin.connect();
  await admin.query('begin');
  await admin.query('select id from dossiers where id = $1 for update', [dossierId]);
  return admin;
}

/** The backend of the request waiting for that lock, once it waits. */
async function waitingBackend(admin: pg.Client): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no request waited for the lock');
}

describe('database faults while a request holds a connection', () => {
  let world: DossierWorld;
  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('answers 503 when the backend of a request in a transaction is terminated, and serves the next request', async () => {
    const driver = dossierDriver(world.employer);
    const draft = await driver.startDraft('HIGHLY_SKILLED');
    const admin = await lockDossierRow(world.database.url, draft.id);
    try {
      const pending = driver.saveStep(draft.id, 'job', draft.version, HIGHLY_SKILLED_ANSWERS.job);
      const pid = await waitingBackend(admin);
      await admin.query('select pg_terminate_backend($1)', [pid]); // 57P01, as in a restart or failover
      const answer = await pending;
      expect(answer.statusCode, answer.body).toBe(503);
      expect(answer.json().error.code).toBe('LOKET_DATABASE_UNAVAILABLE');
    } finally {
      await admin.query('rollback');
      await admin.end();
    }
    const ready = await world.testApp.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    const again = await driver.saveStep(draft.id, 'job', draft.version, HIGHLY_SKILLED_ANSWERS.job);
    expect(again.statusCode, again.body).toBe(200);
  });

  it('ends a statement that waits longer than the statement timeout with 503', async () => {
    const impatient = connectDatabase(world.database.url, { max: 2, statementTimeoutMs: 300 });
    const { app } = await createTestApp({ ...world.database, db: impatient.db });
    try {
      const session = await signInEmployer(app);
      const driver = dossierDriver(session);
      const draft = await driver.startDraft('HIGHLY_SKILLED');
      const admin = await lockDossierRow(world.database.url, draft.id);
      try {
        const started = Date.now();
        const answer = await driver.saveStep(draft.id, 'job', draft.version, HIGHLY_SKILLED_ANSWERS.job);
        expect(answer.statusCode, answer.body).toBe(503);
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await admin.query('rollback');
        await admin.end();
      }
    } finally {
      await app.close();
      await impatient.close();
    }
  });

  it('answers 503 within the bound while the database is frozen, reports not ready, and recovers', async () => {
    const proxy = await startFreezableProxy(world.database.url);
    const viaProxy = connectDatabase(proxy.url, {
      max: 2,
      statementTimeoutMs: 300,
      connectionTimeoutMs: 500,
    });
    const testApp = await createTestApp({ ...world.database, db: viaProxy.db });
    const { app } = testApp;
    try {
      const session = await signInEmployer(app);
      // Set-up too: on a busy machine a 300 ms statement timeout can answer it 503.
      const draft = await settled(() => dossierDriver(session).startDraft('HIGHLY_SKILLED'));
      proxy.freeze();
      const started = Date.now();
      const [inFlight, ready] = await Promise.all([
        session.request('GET', `/api/v1/dossiers/${draft.id}`),
        app.inject({ method: 'GET', url: '/health/ready' }),
      ]);
      expect(inFlight.statusCode, inFlight.body).toBe(503);
      expect(Date.now() - started).toBeLessThan(300 + CLIENT_TIMEOUT_MARGIN_MS + 2_000);
      expect(ready.statusCode).toBe(503);
      proxy.thaw();
      const after = await session.request('GET', `/api/v1/dossiers/${draft.id}`);
      expect(after.statusCode, JSON.stringify(testApp.logs.slice(-6))).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    } finally {
      proxy.thaw();
      await app.close();
      await viaProxy.close();
      await proxy.close();
    }
  });

  it('bounds the wait for a free connection: 503 instead of waiting while every connection is busy', async () => {
    const small = connectDatabase(world.database.url, { max: 1, connectionTimeoutMs: 1_000 });
    const { app } = await createTestApp({ ...world.database, db: small.db });
    try {
      const session = await signInEmployer(app);
      const driver = dossierDriver(session);
      const draft = await driver.startDraft('HIGHLY_SKILLED');
      const admin = await lockDossierRow(world.database.url, draft.id);
      try {
        // The only connection waits for the lock; the next request cannot get one.
        const holding = driver.saveStep(draft.id, 'job', draft.version, HIGHLY_SKILLED_ANSWERS.job);
        await waitingBackend(admin);
        const started = Date.now();
        const answer = await session.request('GET', `/api/v1/dossiers/${draft.id}`);
        expect(answer.statusCode, answer.body).toBe(503);
        expect(Date.now() - started).toBeLessThan(3_000);
        await admin.query('rollback');
        expect((await holding).statusCode).toBe(200);
      } finally {
        await admin.end();
      }
    } finally {
      await app.close();
      await small.close();
    }
  });
});

/**
 * Signing in is the set-up, not what these tests measure: on a busy machine a pool of one
 * connection can answer it 503 (the very bound under test), so it is tried a few times.
 */
async function signInEmployer(app: FastifyInstance) {
  return settled(() => signIn(app, 'werkgever', DEMO_PASSWORD));
}

/** A set-up step tried a few times, with a growing pause: what the tests measure comes after it. */
async function settled<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
