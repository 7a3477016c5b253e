import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refugeeCandidate } from '../../test/talent-fixtures.ts';
import { createTestApp, type Session, signIn } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';

type Fields = Array<{ path: string; rule: string; message: string }>;

/**
 * The partner's candidate form answered in one round (docs/talent.md): the schema's refusals and
 * the checks that need the catalogue, the partner or the database come back together, and a
 * nationality is a country's ISO 3166-1 code, not any two capitals.
 */
describe('recording a candidate: every error at once', () => {
  const clock = new Date('2026-12-01T09:00:00Z');
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let partner: Session;

  const candidate = refugeeCandidate;
  const fieldsOf = async (body: unknown) => {
    const answer = await partner.request('POST', '/api/v1/talent/candidates', body);
    expect(answer.statusCode, answer.body).toBe(400);
    return (answer.json().error.fields as Fields).map((f) => [f.path, f.rule]);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    ({ app } = await createTestApp(database, {}, { now: () => clock }));
    partner = await signIn(app, 'partner', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("answers the schema's refusals and the form's own checks in one answer", async () => {
    const fields = await fieldsOf(
      candidate('NEW-1', {
        educationVks: 9,
        languages: [{ lang: 'nl', level: 'B9' }],
        occupationIds: ['no-such-occupation'],
        circle: 'EU',
        nationality: 'ZZ',
        consent: { ...candidate('x').consent, retentionUntil: '2029-01-01' },
      }),
    );
    expect(fields).toEqual([
      ['educationVks', 'maximum'],
      ['languages[0].level', 'enum'],
      ['occupationIds[0]', 'esco'],
      ['postalCode', 'postalCodeForBelgium'],
      ['nationality', 'iso3166'],
      ['retentionUntil', 'retentionPeriod'],
    ]);
  });

  it('names a reference already used beside the other errors, before anything is written', async () => {
    const made = await partner.request('POST', '/api/v1/talent/candidates', candidate('NEW-2'));
    expect(made.statusCode, made.body).toBe(201);
    expect(await fieldsOf(candidate('NEW-2', { nationality: 'sy', availableFrom: 'soon' }))).toEqual([
      ['nationality', 'pattern'],
      ['availableFrom', 'format:date'],
      ['reference', 'unique'],
    ]);
  });

  it('takes a nationality as an assigned ISO 3166-1 code, Kosovo as Belgian registers write it', async () => {
    expect(await fieldsOf(candidate('NEW-3', { nationality: 'EU' }))).toEqual([['nationality', 'iso3166']]);
    const kosovo = await partner.request(
      'POST',
      '/api/v1/talent/candidates',
      candidate('NEW-3', { nationality: 'XK' }),
    );
    expect(kosovo.statusCode, kosovo.body).toBe(201);
  });

  it('still answers a body that is no object at all with a 400 naming the body', async () => {
    expect(await fieldsOf([1, 2])).toEqual([['body', 'type']]);
  });
});
