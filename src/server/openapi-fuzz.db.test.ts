import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
  PDF_BYTES,
} from '../../test/dossier-driver.ts';
import { type FuzzCase, fuzzCases } from '../../test/openapi-fuzz.ts';
import {
  anonymousSession,
  createTestApp,
  multipartBody,
  type Session,
  signIn,
  type TestApp,
} from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';

// Every route in the OpenAPI document, every parameter and body field: NUL, lone surrogates,
// extreme dates, wrong types, huge numbers. No answer may be a 5xx; text and dates out of range
// must be refused (4xx), never stored. Runs in the database tier; about 700 requests.
describe('fuzzing every route of the OpenAPI document', () => {
  let world: DossierWorld;
  let testApp: TestApp;
  let sessions: Session[];
  let dossierId: string;

  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-03-02T09:00:00Z'));
    // Its own app: the fuzz signs in many times, more than the login rate limit allows.
    testApp = await createTestApp(
      world.database,
      { loginRateLimit: { max: 1_000_000, perAddressMax: 1_000_000, timeWindowMs: 60_000 } },
      { now: () => new Date('2026-03-02T09:00:00Z') },
    );
    const driver = dossierDriver(await signIn(testApp.app, 'werkgever', DEMO_PASSWORD));
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    dossierId = (await driver.submit(draft.id)).id;
    sessions = [
      await anonymousSession(testApp.app),
      ...(await Promise.all(
        ['werkgever', 'behandelaar', 'teamleider', 'analist', 'beheerder', 'inspecteur'].map((name) =>
          signIn(testApp.app, name, DEMO_PASSWORD),
        ),
      )),
    ];
  });
  afterAll(async () => {
    await testApp?.app.close();
    await world?.dispose();
  });

  it('never answers 5xx, and refuses NUL, lone surrogates and out-of-range dates with 4xx', async () => {
    const started = Date.now();
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const cases = fuzzCases(document, { uuid: dossierId });
    const routes = new Set(cases.map((c) => `${c.method} ${c.route}`));
    // Guards against a fuzz that silently covers nothing.
    expect(routes.size).toBeGreaterThan(25);
    expect(cases.length).toBeGreaterThan(500);

    const send = (session: Session, c: FuzzCase) =>
      session.request(c.method, c.url, c.body, c.contentType ? { 'content-type': c.contentType } : {});
    // Each route is fuzzed as the first account it lets in (access control answers before validation).
    const sessionOf = new Map<string, Session>();
    const failures: string[] = [];
    for (const c of cases) {
      const route = `${c.method} ${c.route}`;
      let session = sessionOf.get(route);
      let answer = session ? await send(session, c) : undefined;
      if (!session) {
        for (const candidate of sessions) {
          answer = await send(candidate, c);
          session = candidate;
          if (answer.statusCode !== 401 && answer.statusCode !== 403) break;
        }
        sessionOf.set(route, session as Session);
      }
      const status = answer?.statusCode ?? 0;
      const wrong = status >= 500 || (c.mustBeRefused && (status < 400 || status >= 500));
      if (wrong) failures.push(`${route} ${c.field} (${c.kind}) → ${status} ${answer?.body.slice(0, 160)}`);
    }

    // Uploads are multipart, which the document describes without fields.
    const employer = sessions[1] as Session;
    for (const [fields, name] of [
      [{ documentType: 'PASS\u0000PORT' }, 'scan.pdf'],
      [{ documentType: 'PASS\uD800PORT' }, 'scan.pdf'],
      [{ documentType: 'PASSPORT' }, 'sc\u0000an.pdf'],
    ] as const) {
      const body = multipartBody(fields, {
        field: 'file',
        name,
        type: 'application/pdf',
        content: PDF_BYTES,
      });
      const answer = await employer.request(
        'POST',
        `/api/v1/dossiers/${dossierId}/documents`,
        body.payload,
        body.headers,
      );
      if (answer.statusCode >= 500 || answer.statusCode < 400)
        failures.push(
          `POST documents ${JSON.stringify(fields)} ${JSON.stringify(name)} → ${answer.statusCode}`,
        );
    }

    expect(failures).toEqual([]);
    const seconds = (Date.now() - started) / 1000;
    console.info(`openapi fuzz: ${cases.length} cases over ${routes.size} routes in ${seconds.toFixed(1)} s`);
  }, 120_000);
});
