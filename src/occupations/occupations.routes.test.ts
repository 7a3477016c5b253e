import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

// Public catalogue routes: no database, no session needed.
describe('the occupation and migration-list routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = (await createTestApp(null)).app;
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('finds the nurse occupations with their ISCO code and proposed level, in Dutch', async () => {
    const response = await get(`/api/v1/occupations?q=${encodeURIComponent('Verpleegkundige')}&lang=nl`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.source).toBe('ESCO, European Commission');
    expect(body.results.slice(0, 3).map((r: { iscoCode: string }) => r.iscoCode)).toEqual([
      '2221',
      '2221',
      '2221',
    ]);
    expect(body.results[0]).toMatchObject({
      labelLang: 'nl',
      iscoCode: '2221',
      vks: { iscoSkillLevel: 4, min: 6, max: 7, proposed: 6 },
    });
    expect(body.results.map((r: { label: string }) => r.label)).toContain('algemeen verpleegkundige');
  });

  it('answers in the asked language, else in the Accept-Language one', async () => {
    const french = (await get('/api/v1/occupations?q=infirmiere&limit=3&lang=fr')).json();
    expect(french.results).toHaveLength(3);
    expect(french.results.every((r: { label: string }) => /infirmi[eè]re/.test(r.label))).toBe(true);
    const english = (await get('/api/v1/occupations?q=2221', { 'accept-language': 'en' })).json();
    expect(english.results.map((r: { label: string }) => r.label)).toContain(
      'nurse responsible for general care',
    );
  });

  it.each([
    ['no query', '/api/v1/occupations', 'q'],
    ['an empty query', '/api/v1/occupations?q=', 'q'],
    ['only spaces', '/api/v1/occupations?q=%20%20', 'q'],
    ['a query over 100 characters', `/api/v1/occupations?q=${'a'.repeat(101)}`, 'q'],
    ['an unknown language', '/api/v1/occupations?q=nurse&lang=de', 'lang'],
    ['a limit over 50', '/api/v1/occupations?q=nurse&limit=51', 'limit'],
    ['a limit that is no number', '/api/v1/occupations?q=nurse&limit=ten', 'limit'],
    ['an unknown parameter', '/api/v1/occupations?q=nurse&sort=asc', 'sort'],
    ['a date that is no date', '/api/v1/migration-list?at=2026-13-01', 'at'],
  ])('rejects %s with a 400 naming the field', async (_case, url, field) => {
    const response = await get(url, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('LOKET_VALIDATION_FAILED');
    if (field) expect(error.fields.map((f: { path: string }) => f.path)).toContain(`query.${field}`);
  });

  it('lists the migration list in force on the application date, in the asked language', async () => {
    const response = await get('/api/v1/migration-list?at=2026-04-15&lang=en');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.version).toBe('v4');
    expect(body.entries).toContainEqual({
      id: 'construction-machine-operator',
      label: 'Construction machine operator (incl. crane operator)',
    });
    const before = (await get('/api/v1/migration-list?at=2020-06-01&lang=nl')).json();
    expect(before.version).toBe('v1');
  });

  it('are described in the OpenAPI document', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/occupations', '/api/v1/migration-list']));
  });
});
