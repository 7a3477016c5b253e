import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../test/dossier-driver.ts';
import { anonymousSession, createTestApp, signIn } from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';

// Issue 12, "Headers": what every answer says to the browser, the worker's cookie as Secure as the
// others, and a request id in the audit trail that a client cannot choose.
describe('security headers, cookies and request ids', () => {
  let world: DossierWorld;
  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('sends a CSP without inline script, COOP, Permissions-Policy, and no HSTS over plain HTTP', async () => {
    for (const url of ['/health/live', '/api/v1/session', '/api/v1/no-such-route']) {
      const answer = await world.testApp.app.inject({ method: 'GET', url });
      const csp = String(answer.headers['content-security-policy']);
      const directive = (name: string) =>
        csp
          .split(';')
          .map((part) => part.trim())
          .find((part) => part.startsWith(`${name} `));
      expect(directive('script-src'), url).toBe("script-src 'self'");
      expect(directive('script-src-attr'), url).toBe("script-src-attr 'none'");
      expect(directive('default-src'), url).toBe("default-src 'self'");
      expect(directive('frame-ancestors'), url).toBe("frame-ancestors 'none'");
      expect(directive('object-src'), url).toBe("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(answer.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(answer.headers['permissions-policy'], url).toMatch(/camera=\(\).*geolocation=\(\)/);
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
      expect(answer.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS on answers over TLS (behind a trusted proxy), not when a client merely claims it', async () => {
    const overTls = { 'x-forwarded-proto': 'https' };
    const behindProxy = await createTestApp(world.database, { trustProxy: true });
    try {
      const answer = await behindProxy.app.inject({ method: 'GET', url: '/health/live', headers: overTls });
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await behindProxy.app.close();
    }
    const direct = await world.testApp.app.inject({ method: 'GET', url: '/health/live', headers: overTls });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });

  it("keeps Loket's own request id in the audit trail, never the client's X-Request-Id", async () => {
    const given = 'client-chosen-id-0001';
    const signInOnce = async () => {
      const first = await world.testApp.app.inject({ method: 'GET', url: '/api/v1/session' });
      return world.testApp.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        cookies: Object.fromEntries(first.cookies.map((c) => [c.name, c.value])),
        headers: { 'x-csrf-token': first.json().csrfToken, 'x-request-id': given },
        payload: { username: 'analist', password: DEMO_PASSWORD },
      });
    };
    const answers = [await signInOnce(), await signInOnce()];
    const ids = answers.map((answer) => {
      expect(answer.statusCode, answer.body).toBe(200);
      return String(answer.headers['x-request-id']);
    });
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(2);
    const logins = await world.database.db
      .selectFrom('audit_events')
      .select('request_id')
      .where('action', '=', 'LOGIN')
      .where('request_id', 'in', [...ids, given])
      .execute();
    expect(logins.map((row) => row.request_id).sort()).toEqual([...ids].sort());
    // The client's id is kept in the log beside ours, for tracing across systems.
    const logged = world.testApp.logs.filter((line) => line.clientRequestId === given);
    expect(logged.map((line) => line.reqId)).toEqual(expect.arrayContaining(ids));
  });

  it("sets the worker's cookie Secure when cookies are configured Secure, like the session's", async () => {
    const secureApp = await createTestApp(
      world.database,
      { cookieSecure: true },
      { now: () => new Date('2026-03-02T09:00:00Z') },
    );
    try {
      const employer = await signIn(secureApp.app, 'werkgever', DEMO_PASSWORD);
      const driver = dossierDriver(employer);
      const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
      const submitted = await driver.submit(draft.id);
      const given = await employer.request('POST', `/api/v1/dossiers/${submitted.id}/worker-access`);
      expect(given.statusCode, given.body).toBe(201);
      const worker = await anonymousSession(secureApp.app);
      const redeemed = await worker.request('POST', '/api/v1/worker-access/redeem', {
        code: given.json().code,
      });
      expect(redeemed.statusCode, redeemed.body).toBe(200);
      const first = await secureApp.app.inject({ method: 'GET', url: '/api/v1/session' });
      const cookies = [...first.cookies, ...redeemed.cookies];
      expect(cookies.length).toBeGreaterThanOrEqual(2);
      for (const cookie of cookies) {
        expect(cookie.secure, cookie.name).toBe(true);
        expect(cookie.httpOnly, cookie.name).toBe(true);
      }
    } finally {
      await secureApp.app.close();
    }
  });
});
