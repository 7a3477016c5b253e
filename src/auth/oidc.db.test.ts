import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOidcProvider, startFakeOidcProvider } from '../../test/fake-oidc-provider.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { loadConfig } from '../server/config.ts';

const REDIRECT_URI = 'http://localhost:3000/auth/oidc/callback';

function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

describe('OIDC sign-in', () => {
  let database: TestDatabase;
  let provider: FakeOidcProvider;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await startFakeOidcProvider();
    const config = loadConfig({
      LOKET_AUTH: 'oidc',
      LOKET_OIDC_ISSUER: provider.issuer,
      LOKET_OIDC_CLIENT_ID: provider.clientId,
      LOKET_OIDC_CLIENT_SECRET: provider.clientSecret,
      LOKET_OIDC_REDIRECT_URI: REDIRECT_URI,
    });
    // Every test signs in through the callback, whose per-address rate limit would refuse the later ones.
    testApp = await createTestApp(database, {
      auth: config.auth,
      loginRateLimit: { max: 1_000, perAddressMax: 1_000, timeWindowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await testApp?.app.close();
    await provider?.close();
    await database?.dispose();
  });
  beforeEach(() => {
    provider.claims = {
      sub: 'kc-0001',
      preferred_username: 'an.peeters',
      email: 'an.peeters@example.be',
      name: 'An Peeters',
      loket_role: 'CASE_HANDLER',
    };
  });

  /** Login → IdP → callback; returns the callback's answer and the cookies it set. */
  async function signInThroughIdp(tamper?: (callback: URL) => void) {
    const login = await testApp.app.inject({ method: 'GET', url: '/auth/oidc/login' });
    expect(login.statusCode).toBe(302);
    const back = await provider.authorize(login.headers.location as string);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    tamper?.(back);
    const callback = await testApp.app.inject({
      method: 'GET',
      url: `/auth/oidc/callback${back.search}`,
      cookies: cookiesOf(login),
    });
    return { login, callback, cookies: cookiesOf(callback) };
  }

  async function sessionUser(sessionToken: string) {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      cookies: { loket_session: sessionToken },
    });
    return response.json().user;
  }

  it('does not offer the local password login in oidc mode', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'x', password: 'y' },
    });
    expect(response.statusCode).not.toBe(200);
    const session = await testApp.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(session.json().authMode).toBe('oidc');
  });

  it('redirects to the provider with PKCE S256, state and nonce kept in an HTTP-only cookie', async () => {
    const login = await testApp.app.inject({ method: 'GET', url: '/auth/oidc/login' });
    expect(login.statusCode).toBe(302);
    const target = new URL(login.headers.location as string);
    expect(`${target.origin}${target.pathname}`).toBe(`${provider.issuer}/authorize`);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(target.searchParams.get('state')).toBeTruthy();
    expect(target.searchParams.get('nonce')).toBeTruthy();
    expect(target.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(target.searchParams.get('client_id')).toBe(provider.clientId);
    const cookie = login.cookies.find((c) => c.name === 'loket_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 600, path: '/auth/oidc' });
  });

  it('creates the user on first login, opens a session and redirects home; reuses it next time', async () => {
    const first = await signInThroughIdp();
    expect(first.callback.statusCode, first.callback.body).toBe(302);
    expect(first.callback.headers.location).toBe('/');
    expect(first.cookies.loket_session).toBeTruthy();
    const user = await sessionUser(first.cookies.loket_session!);
    expect(user).toMatchObject({
      username: 'an.peeters',
      displayName: 'An Peeters',
      role: 'CASE_HANDLER',
      enterpriseNumber: null,
    });

    provider.claims = { ...provider.claims, name: 'An Peeters-Janssens', loket_role: 'SUPERVISOR' };
    const second = await signInThroughIdp();
    expect(second.callback.statusCode, second.callback.body).toBe(302);
    const again = await sessionUser(second.cookies.loket_session!);
    expect(again).toMatchObject({ id: user.id, displayName: 'An Peeters-Janssens', role: 'SUPERVISOR' });

    const rows = await database.db
      .selectFrom('users')
      .select(['id', 'oidc_subject', 'password_hash'])
      .where('oidc_subject', '=', 'kc-0001')
      .execute();
    expect(rows).toEqual([{ id: user.id, oidc_subject: 'kc-0001', password_hash: null }]);
    const logins = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_user_id', '=', user.id)
      .where('action', '=', 'LOGIN')
      .execute();
    expect(logins).toHaveLength(2);
  });

  it('starts the session with a fresh CSRF secret: a token from before sign-in no longer passes', async () => {
    const before = await testApp.app.inject({ method: 'GET', url: '/api/v1/session' });
    const oldSecret = cookiesOf(before)._csrf as string;
    const oldToken = before.json().csrfToken as string;
    const login = await testApp.app.inject({ method: 'GET', url: '/auth/oidc/login' });
    const back = await provider.authorize(login.headers.location as string);
    const callback = await testApp.app.inject({
      method: 'GET',
      url: `/auth/oidc/callback${back.search}`,
      cookies: { ...cookiesOf(login), _csrf: oldSecret },
    });
    expect(callback.statusCode, callback.body).toBe(302);
    const cleared = callback.cookies.find((c) => c.name === '_csrf');
    expect(cleared).toBeDefined();
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());
    const session = cookiesOf(callback).loket_session as string;
    // As a browser does: a cleared cookie is dropped, any other kept. The app then asks for a token.
    const after = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      cookies: { loket_session: session, ...(cleared ? {} : { _csrf: oldSecret }) },
    });
    const newSecret = cookiesOf(after)._csrf as string;
    expect(newSecret).toBeTruthy();
    expect(newSecret).not.toBe(oldSecret);
    const signOut = (token: string) =>
      testApp.app.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        cookies: { loket_session: session, _csrf: newSecret },
        headers: { 'x-csrf-token': token },
      });
    expect((await signOut(oldToken)).statusCode).toBe(403);
    expect((await signOut(after.json().csrfToken)).statusCode).toBe(204);
  });

  it('creates an employer with the normalised enterprise number of the claim', async () => {
    provider.claims = {
      sub: 'kc-employer',
      email: 'hr@example.be',
      name: 'HR',
      loket_role: 'EMPLOYER',
      kbo_enterprise_number: '0403.170.701',
    };
    const { callback, cookies } = await signInThroughIdp();
    expect(callback.statusCode, callback.body).toBe(302);
    expect(await sessionUser(cookies.loket_session!)).toMatchObject({
      username: 'hr@example.be',
      role: 'EMPLOYER',
      enterpriseNumber: '0403170701',
    });
  });

  it('refuses a callback whose state does not match the cookie', async () => {
    const { callback, cookies } = await signInThroughIdp((back) => back.searchParams.set('state', 'forged'));
    expect(callback.statusCode).toBe(400);
    expect(callback.json().error).toMatchObject({
      code: 'LOKET_VALIDATION_FAILED',
      fields: [expect.objectContaining({ path: 'query.state' })],
    });
    expect(cookies.loket_session).toBeUndefined();
  });

  it('refuses a callback without the login cookie', async () => {
    const login = await testApp.app.inject({ method: 'GET', url: '/auth/oidc/login' });
    const back = await provider.authorize(login.headers.location as string);
    const callback = await testApp.app.inject({ method: 'GET', url: `/auth/oidc/callback${back.search}` });
    expect(callback.statusCode).toBe(400);
    expect(callback.json().error.code).toBe('LOKET_VALIDATION_FAILED');
  });

  it('refuses an error answer of the provider with 401', async () => {
    const { callback } = await signInThroughIdp((back) => {
      back.searchParams.delete('code');
      back.searchParams.set('error', 'access_denied');
    });
    expect(callback.statusCode).toBe(401);
    expect(callback.json().error.code).toBe('LOKET_UNAUTHENTICATED');
  });

  it('refuses a code that the provider does not accept with 401', async () => {
    const { callback } = await signInThroughIdp((back) => back.searchParams.set('code', 'not-a-code'));
    expect(callback.statusCode).toBe(401);
    expect(callback.json().error.code).toBe('LOKET_UNAUTHENTICATED');
  });

  it('refuses a role claim that is not a Loket role with 403, and creates no user', async () => {
    provider.claims = { sub: 'kc-unknown-role', preferred_username: 'x', loket_role: 'SUPERUSER' };
    const { callback, cookies } = await signInThroughIdp();
    expect(callback.statusCode).toBe(403);
    expect(callback.json().error.code).toBe('LOKET_FORBIDDEN');
    expect(cookies.loket_session).toBeUndefined();
    const users = await database.db
      .selectFrom('users')
      .select('id')
      .where('oidc_subject', '=', 'kc-unknown-role')
      .execute();
    expect(users).toEqual([]);
  });

  it('refuses an employer without a (valid) enterprise number claim with 403', async () => {
    provider.claims = { sub: 'kc-employer-2', preferred_username: 'e2', loket_role: 'EMPLOYER' };
    const missing = await signInThroughIdp();
    expect(missing.callback.statusCode).toBe(403);
    expect(missing.callback.json().error.code).toBe('LOKET_FORBIDDEN');

    provider.claims = { ...provider.claims, kbo_enterprise_number: '12345' };
    const malformed = await signInThroughIdp();
    expect(malformed.callback.statusCode).toBe(403);
  });

  it('does not take over a local account with the same username', async () => {
    await database.db
      .insertInto('users')
      .values({ username: 'taken', display_name: 'Local', role: 'ADMIN', password_hash: 'x' })
      .execute();
    provider.claims = {
      sub: 'kc-taken',
      preferred_username: 'Taken',
      email: 'taken@example.be',
      loket_role: 'ANALYST',
    };
    const { callback, cookies } = await signInThroughIdp();
    expect(callback.statusCode, callback.body).toBe(302);
    expect(await sessionUser(cookies.loket_session!)).toMatchObject({
      username: 'taken@example.be',
      role: 'ANALYST',
    });
  });
});
