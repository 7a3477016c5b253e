import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { connectDatabase } from '../db/client.ts';
import { freePort } from '../db/embedded-postgres.ts';
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
});
