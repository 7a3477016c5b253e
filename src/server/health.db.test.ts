import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { anonymousSession, createTestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { connectDatabase } from '../db/client.ts';
import { freePort } from '../db/embedded-postgres.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { DatabaseState } from './database-state.ts';

describe('readiness when the database is down', () => {
  it('answers /health/ready 503 and API calls 503 with a clear code, while /health/live stays 200', async () => {
    const { app } = await createTestApp(null);
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', checks: { database: 'down' } });
    const first = await app.inject({ method: 'GET', url: '/api/v1/session' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      cookies: Object.fromEntries(first.cookies.map((c) => [c.name, c.value])),
      headers: { 'x-csrf-token': first.json().csrfToken },
      payload: { username: 'a', password: 'b' },
    });
    expect(login.statusCode).toBe(503);
    expect(login.json().error.code).toBe('LOKET_DATABASE_UNAVAILABLE');
    await app.close();
  });

  it('reports a server that refuses connections as down', async () => {
    const handle = connectDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/none`);
    const state = new DatabaseState(handle.db);
    expect(await state.check()).toBe('down');
    await handle.close();
  });

  it('is not ready on a read-only database (a standby after a failover), and answers writes 503', async () => {
    const database = await createTestDatabase();
    await loadDemoData(database.db);
    // As the owner: the app role may not alter the database (decision 006).
    await sql`alter database ${sql.id(database.name)} set default_transaction_read_only = on`.execute(
      database.owner.db,
    );
    const readOnly = connectDatabase(database.url, { max: 2 }); // new connections take the setting
    try {
      const { app } = await createTestApp({ db: readOnly.db } as TestDatabase);
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', checks: { database: 'read-only' } });
      const session = await anonymousSession(app);
      const login = await session.request('POST', '/api/v1/session', {
        username: 'werkgever',
        password: DEMO_PASSWORD,
      });
      expect(login.statusCode).toBe(503);
      expect(login.json().error.code).toBe('LOKET_DATABASE_UNAVAILABLE');
      await app.close();
    } finally {
      await readOnly.close();
      await database.dispose();
    }
  });
});
