import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousSession, createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { loadDemoData } from '../demo/demo-data.ts';

const application = {
  applicationDate: '2026-02-10',
  category: 'HIGHLY_SKILLED',
  employer: { enterpriseNumber: '0403.170.701' },
  worker: { birthDate: '1990-03-14', nationality: 'IN', qualificationVks: 6, insz: '90031412310' },
  job: { requiredVks: 6, grossAnnualSalary: 45_000, workplacePostalCode: '9000', startDate: '2026-04-01' },
};

describe('HTTP API', () => {
  let database: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    testApp = await createTestApp(database, { bodyLimitBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
    testApp.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('assesses an application with every reason, in the language asked', async () => {
    const response = await post('/api/v1/assessments?lang=en', application);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.outcome).toBe('INELIGIBLE');
    const salary = body.reasons.find((r: { code: string }) => r.code === 'SALARY_BELOW_THRESHOLD');
    expect(salary).toMatchObject({ effect: 'REFUSE', legalBasis: expect.stringContaining('art. 17') });
    expect(salary.message).toMatch(/45,000/);
    const dutch = await post('/api/v1/assessments', application);
    expect(dutch.json().reasons[0].message).toMatch(/€\s45\.000,00/);
  });

  it('assesses a batch, answering a bad item in its place', async () => {
    const response = await post('/api/v1/assessments/batch', [
      application,
      { category: 'NONSENSE' },
      application,
    ]);
    expect(response.statusCode).toBe(200);
    const [first, bad, third] = response.json();
    expect(first.outcome).toBe('INELIGIBLE');
    expect(third.outcome).toBe('INELIGIBLE');
    expect(bad.index).toBe(1);
    expect(bad.error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['category', 'applicationDate', 'employer', 'worker', 'job']),
    );
  });

  it('serves the JSON Schema of an application and the OpenAPI 3.1 document', async () => {
    const schema = await testApp.app.inject({ method: 'GET', url: '/api/v1/schemas/application.json' });
    expect(schema.json().required).toEqual(expect.arrayContaining(['applicationDate', 'category']));
    const openapi = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.json().openapi).toBe('3.1.0');
    expect(Object.keys(openapi.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/assessments', '/api/v1/session', '/health/ready']),
    );
    const docs = await testApp.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('exposes Prometheus metrics and health', async () => {
    expect((await testApp.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({
      status: 'ok',
    });
    expect((await testApp.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    const metrics = await testApp.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('loket_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/health/live"');
  });

  // Each malformed request: [description, request, status, field paths that must be named].
  type Case = [string, () => ReturnType<typeof post>, number, string[]];
  const withField = (patch: (a: typeof application) => unknown) => {
    const copy = structuredClone(application);
    return patch(copy) ?? copy;
  };
  const malformed: Case[] = [
    ['not JSON', () => post('/api/v1/assessments', '{"category": '), 400, ['body']],
    ['an empty JSON body', () => post('/api/v1/assessments', ''), 400, ['body']],
    ['JSON null', () => post('/api/v1/assessments', 'null'), 400, []],
    ['an array instead of an object', () => post('/api/v1/assessments', '[]'), 400, []],
    ['a string instead of an object', () => post('/api/v1/assessments', '"x"'), 400, []],
    [
      'a wrong content type',
      () => post('/api/v1/assessments', '<x/>', { 'content-type': 'application/xml' }),
      415,
      [],
    ],
    [
      'plain text instead of JSON',
      () => post('/api/v1/assessments', 'category=X', { 'content-type': 'text/plain' }),
      400,
      ['body'],
    ],
    [
      'an oversized body',
      () => post('/api/v1/assessments', { ...application, pad: 'x'.repeat(70_000) }),
      413,
      [],
    ],
    [
      'a missing required field',
      () =>
        post(
          '/api/v1/assessments',
          withField((a) => {
            delete (a as Partial<typeof a>).category;
          }),
        ),
      400,
      ['category'],
    ],
    [
      'a wrong type',
      () =>
        post(
          '/api/v1/assessments',
          withField((a) => {
            (a.job as Record<string, unknown>).grossAnnualSalary = '52000';
          }),
        ),
      400,
      ['job.grossAnnualSalary'],
    ],
    [
      'an unknown enum value',
      () => post('/api/v1/assessments', { ...application, category: 'ASTRONAUT' }),
      400,
      ['category'],
    ],
    [
      'an unknown field',
      () => post('/api/v1/assessments', { ...application, favouriteColour: 'blue' }),
      400,
      ['favouriteColour'],
    ],
    [
      'an unknown nested field',
      () =>
        post(
          '/api/v1/assessments',
          withField((a) => {
            (a.worker as Record<string, unknown>).shoeSize = 42;
          }),
        ),
      400,
      ['worker.shoeSize'],
    ],
    [
      'a malformed date',
      () => post('/api/v1/assessments', { ...application, applicationDate: '10/02/2026' }),
      400,
      ['applicationDate'],
    ],
    [
      'an impossible date',
      () => post('/api/v1/assessments', { ...application, applicationDate: '2026-02-30' }),
      400,
      ['applicationDate'],
    ],
    [
      'a date before the Flemish regime',
      () => post('/api/v1/assessments', { ...application, applicationDate: '2018-12-31' }),
      400,
      ['applicationDate'],
    ],
    [
      'a number out of range',
      () =>
        post(
          '/api/v1/assessments',
          withField((a) => {
            a.worker.qualificationVks = 9;
          }),
        ),
      400,
      ['worker.qualificationVks'],
    ],
    [
      'several errors at once, all listed',
      () =>
        post(
          '/api/v1/assessments',
          withField((a) => {
            a.worker.qualificationVks = 0;
            (a.worker as Record<string, unknown>).sex = 'Q';
            a.job.workplacePostalCode = 'abc';
          }),
        ),
      400,
      ['worker.qualificationVks', 'worker.sex', 'job.workplacePostalCode'],
    ],
    [
      'a bad query parameter',
      () => post('/api/v1/assessments?lang=de&at=2026-13-01', application),
      400,
      ['query.lang', 'query.at'],
    ],
    [
      'an unknown query parameter',
      () => post('/api/v1/assessments?debug=1', application),
      400,
      ['query.debug'],
    ],
    [
      'a prototype-pollution key',
      () => post('/api/v1/assessments', '{"__proto__": {"admin": true}, "category": "HIGHLY_SKILLED"}'),
      400,
      [],
    ],
    [
      'a batch over the limit',
      () => post('/api/v1/assessments/batch', `[${Array(10_001).fill('1').join(',')}]`, {}),
      400,
      ['body'],
    ],
    ['a batch that is not an array', () => post('/api/v1/assessments/batch', application), 400, []],
    [
      'an unknown API route',
      () => testApp.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      404,
      [],
    ],
    [
      'an unknown method on a route',
      () => testApp.app.inject({ method: 'PATCH', url: '/api/v1/assessments' }),
      404,
      [],
    ],
    ['a login without its fields', () => post('/api/v1/session', {}), 403, []],
  ];

  it.each(malformed)(
    'answers %s with a 4xx naming the field, never a 500',
    async (_name, send, status, paths) => {
      const response = await send();
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      const body = response.json();
      expect(body.error.code).toMatch(/^LOKET_/);
      expect(body.error.requestId).toBeTruthy();
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+|node_modules|stack/i);
      const named = (body.error.fields ?? []).map((f: { path: string }) => f.path);
      expect(named).toEqual(expect.arrayContaining(paths));
      for (const field of body.error.fields ?? []) expect(field.message.length).toBeGreaterThan(3);
    },
  );

  it('counts at least twenty kinds of malformed request', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(20);
  });

  it('answers schema errors in the language of Accept-Language, Dutch by default', async () => {
    const bad = { ...application, applicationDate: 'soon' };
    const nl = (await post('/api/v1/assessments', bad)).json().error;
    const fr = (await post('/api/v1/assessments', bad, { 'accept-language': 'fr-BE,fr;q=0.9' })).json().error;
    const en = (await post('/api/v1/assessments', bad, { 'accept-language': 'de, en;q=0.5' })).json().error;
    expect(nl.fields[0].message).toBe(
      'moet een geldige datum zijn (JJJJ-MM-DD), van 1900-01-01 tot 2199-12-31',
    );
    expect(fr.fields[0].message).toBe('doit être une date valide (AAAA-MM-JJ), du 1900-01-01 au 2199-12-31');
    expect(en.fields[0].message).toBe('must be a valid date (YYYY-MM-DD) from 1900-01-01 to 2199-12-31');
    expect(nl.message).toBe('De aanvraag bevat 1 fout(en).');
  });

  it('keeps personal data out of the logs', async () => {
    const session = await anonymousSession(testApp.app);
    await session.request('POST', '/api/v1/session', {
      username: 'werkgever',
      password: 'Geheim-Wachtwoord-77',
    });
    await post('/api/v1/assessments?insz=90031412310', application);
    await post('/api/v1/assessments', {
      ...application,
      worker: { ...application.worker, birthDate: '1990-02-31' },
    });
    const log = testApp.rawLogs.join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('request completed');
    for (const secret of [
      '90031412310',
      '1990-03-14',
      '1990-02-31',
      'Geheim-Wachtwoord-77',
      'loket_session=',
      'x-csrf-token',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
