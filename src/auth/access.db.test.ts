import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { ROLES, type Role } from './roles.ts';

describe('access control', () => {
  let database: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    testApp = await createTestApp(database);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  const usernameOf = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!.username;
  const concrete = (url: string) =>
    url.replace(/:[A-Za-z]+/g, '00000000-0000-0000-0000-000000000000').replace('*', 'x');

  it('declares an access rule on every route', () => {
    const routes = testApp.app.routeAccess;
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('refuses every role-restricted route to visitors (401) and to every other role (403)', async () => {
    const restricted = testApp.app.routeAccess.filter((r) => Array.isArray(r.access) && r.method !== 'HEAD');
    expect(restricted.length).toBeGreaterThanOrEqual(ROLES.length);
    const sessions = Object.fromEntries(
      await Promise.all(
        ROLES.map(
          async (role) => [role, await signIn(testApp.app, usernameOf(role), DEMO_PASSWORD)] as const,
        ),
      ),
    );
    let checked = 0;
    for (const route of restricted) {
      const anonymous = await testApp.app.inject({ method: route.method as 'GET', url: concrete(route.url) });
      expect(anonymous.statusCode, `anonymous ${route.method} ${route.url}`).toBe(401);
      for (const role of ROLES) {
        const response = await sessions[role]!.request(route.method, concrete(route.url));
        const allowed = (route.access as readonly Role[]).includes(role);
        if (allowed)
          expect(response.statusCode, `${role} ${route.method} ${route.url}`).not.toBeOneOf([401, 403]);
        else expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBe(restricted.length * ROLES.length);
  });

  it('gives each role its own workspace and an employer user its enterprise number', async () => {
    const employer = await signIn(testApp.app, 'werkgever', DEMO_PASSWORD);
    const session = await employer.request('GET', '/api/v1/session');
    expect(session.json().user).toMatchObject({ role: 'EMPLOYER', enterpriseNumber: '0403170701' });
    const workspace = await employer.request('GET', '/api/v1/workspaces/employer');
    expect(workspace.json()).toMatchObject({
      role: 'EMPLOYER',
      tasks: expect.arrayContaining(['fileApplication']),
    });
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const employer = await signIn(testApp.app, 'werkgever', DEMO_PASSWORD);
    const response = await testApp.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      cookies: employer.cookies,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('LOKET_CSRF');
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'x', password: 'y' },
    });
    expect(login.statusCode).toBe(403);
  });

  it('signs out: the old session cookie no longer works', async () => {
    const admin = await signIn(testApp.app, 'beheerder', DEMO_PASSWORD);
    const token = admin.cookies.loket_session;
    expect((await admin.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
    const reused = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/workspaces/admin',
      cookies: { loket_session: token! },
    });
    expect(reused.statusCode).toBe(401);
  });

  it('sees a session ended elsewhere (another instance, an account disabled) within the cache lifetime', async () => {
    // Another instance on the same database signs out in the database only: this one may reuse
    // its cached session for at most LOKET_SESSION_CACHE_SECONDS, here shortened to 300 ms.
    const shortCache = await createTestApp(database, { sessionCacheMs: 300 });
    try {
      const workspace = (token: string) =>
        shortCache.app.inject({
          method: 'GET',
          url: '/api/v1/workspaces/admin',
          cookies: { loket_session: token },
        });
      const admin = await signIn(shortCache.app, 'beheerder', DEMO_PASSWORD);
      const token = admin.cookies.loket_session as string;
      expect((await workspace(token)).statusCode).toBe(200);
      await database.db.deleteFrom('sessions').execute();
      const soon = await workspace(token);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await workspace(token)).statusCode).toBe(401);
      // Inside the window the cached session may still answer; never after it.
      expect(soon.statusCode).toBeOneOf([200, 401]);

      const again = await signIn(shortCache.app, 'beheerder', DEMO_PASSWORD);
      const second = again.cookies.loket_session as string;
      expect((await workspace(second)).statusCode).toBe(200);
      await database.db
        .updateTable('users')
        .set({ disabled_at: new Date() })
        .where('username', '=', 'beheerder')
        .execute();
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await workspace(second)).statusCode).toBe(401);
    } finally {
      await database.db
        .updateTable('users')
        .set({ disabled_at: null })
        .where('username', '=', 'beheerder')
        .execute();
      await shortCache.app.close();
    }
  });

  it('reads the session from the database on every request with the cache off', async () => {
    const noCache = await createTestApp(database, { sessionCacheMs: 0 });
    try {
      const admin = await signIn(noCache.app, 'beheerder', DEMO_PASSWORD);
      const token = admin.cookies.loket_session as string;
      const workspace = () =>
        noCache.app.inject({
          method: 'GET',
          url: '/api/v1/workspaces/admin',
          cookies: { loket_session: token },
        });
      expect((await workspace()).statusCode).toBe(200);
      await database.db.deleteFrom('sessions').execute();
      expect((await workspace()).statusCode).toBe(401);
    } finally {
      await noCache.app.close();
    }
  });

  it('sets the session cookie HTTP-only and SameSite, and records logins in the audit trail', async () => {
    const admin = await signIn(testApp.app, 'beheerder', DEMO_PASSWORD);
    const cookie = (await admin.request('GET', '/api/v1/session')).cookies;
    expect(cookie.find((c) => c.name === 'loket_session')).toBeUndefined(); // not re-sent on reads
    const login = await testApp.app.inject({ method: 'GET', url: '/api/v1/session' });
    const csrfToken = login.json().csrfToken;
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      cookies: Object.fromEntries(login.cookies.map((c) => [c.name, c.value])),
      headers: { 'x-csrf-token': csrfToken },
      payload: { username: 'analist', password: DEMO_PASSWORD },
    });
    const session = response.cookies.find((c) => c.name === 'loket_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const events = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'LOGIN')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
  });

  it('answers a wrong password and an unknown user the same way, and limits login attempts', async () => {
    const { app } = await createTestApp(database, {
      loginRateLimit: { max: 3, perAddressMax: 100, timeWindowMs: 60_000 },
    });
    const attempt = async (username: string) => {
      const first = await app.inject({ method: 'GET', url: '/api/v1/session' });
      return app.inject({
        method: 'POST',
        url: '/api/v1/session',
        cookies: Object.fromEntries(first.cookies.map((c) => [c.name, c.value])),
        headers: { 'x-csrf-token': first.json().csrfToken, 'accept-language': 'en' },
        payload: { username, password: 'wrong' },
      });
    };
    const wrong = await attempt('teamleider');
    const unknown = await attempt('nobody');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    await attempt('teamleider');
    await attempt('teamleider');
    const limited = await attempt('teamleider');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('LOKET_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().error.message).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);
    await app.close();
  });

  it('slows down one address that tries many accounts, not the others', async () => {
    const { app } = await createTestApp(database, {
      loginRateLimit: { max: 3, perAddressMax: 5, timeWindowMs: 60_000 },
    });
    const attempt = async (username: string, remoteAddress: string) => {
      const first = await app.inject({ method: 'GET', url: '/api/v1/session', remoteAddress });
      return app.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress,
        cookies: Object.fromEntries(first.cookies.map((c) => [c.name, c.value])),
        headers: { 'x-csrf-token': first.json().csrfToken },
        payload: { username, password: 'wrong' },
      });
    };
    // Spraying: a new username each time, so the per-account limit never triggers.
    const statuses: number[] = [];
    for (let n = 0; n < 7; n += 1) statuses.push((await attempt(`user-${n}`, '198.51.100.7')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await attempt('user-x', '198.51.100.8')).statusCode).toBe(401);
    await app.close();
  });

  it('starts a signed-in session with a fresh CSRF secret', async () => {
    const { app } = await createTestApp(database);
    const before = await app.inject({ method: 'GET', url: '/api/v1/session' });
    const cookies = Object.fromEntries(before.cookies.map((c) => [c.name, c.value]));
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      cookies,
      headers: { 'x-csrf-token': before.json().csrfToken },
      payload: { username: 'teamleider', password: DEMO_PASSWORD },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const rotated = signedIn.cookies.find((c) => c.name === '_csrf');
    expect(rotated?.value).toBeTruthy();
    expect(rotated?.value).not.toBe(cookies._csrf);
    const session = signedIn.cookies.find((c) => c.name === 'loket_session')?.value as string;
    // The token from before sign-in no longer passes with the new secret; the new one does.
    const withOld = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      cookies: { _csrf: rotated?.value as string, loket_session: session },
      headers: { 'x-csrf-token': before.json().csrfToken },
    });
    expect(withOld.statusCode).toBe(403);
    const withNew = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      cookies: { _csrf: rotated?.value as string, loket_session: session },
      headers: { 'x-csrf-token': signedIn.json().csrfToken },
    });
    expect(withNew.statusCode).toBe(204);
    await app.close();
  });
});
