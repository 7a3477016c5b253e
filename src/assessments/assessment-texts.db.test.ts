import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

// What the public self-check and partners read: plain statements, no research notes.
const INTERNAL = /reference\.md|parameters\.md|\bseeds? \d{3}\b|No 20\d\d|to verify|carried forward|\.ts\b/i;

const application = (patch: Record<string, unknown> = {}) => ({
  applicationDate: '2026-02-10',
  category: 'HIGHLY_SKILLED',
  employer: { enterpriseNumber: '0403.170.701' },
  worker: { birthDate: '1990-03-14', nationality: 'IN', qualificationVks: 6 },
  job: { requiredVks: 6, grossAnnualSalary: 62_000.5, workplacePostalCode: '9000', startDate: '2026-04-01' },
  ...patch,
});

describe('the assessment as public callers read it', () => {
  let database: TestDatabase;
  let testApp: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    testApp = await createTestApp(database);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  const assess = (lang: string, body: object) =>
    testApp.app.inject({
      method: 'POST',
      url: `/api/v1/assessments?lang=${lang}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  it('carries no internal file reference or research note, and says "provisional" in words', async () => {
    for (const lang of ['nl', 'fr', 'en']) {
      for (const body of [
        application(),
        application({
          category: 'PROFESSIONAL_ATHLETE',
          applicationDate: '2024-03-01',
          job: { ...application().job, startDate: '2024-05-01' },
        }),
        application({
          category: 'PERFORMING_ARTIST',
          applicationDate: '2023-03-01',
          job: { ...application().job, startDate: '2023-05-01' },
        }),
      ]) {
        const response = await assess(lang, body);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.body, `${lang} ${JSON.stringify(body)}`).not.toMatch(INTERNAL);
      }
    }
    const nl = (await assess('nl', application())).json();
    const fee = nl.parameters.find((p: { name: string }) => p.name === 'fee.singlePermit');
    expect(fee).toMatchObject({ verified: false, status: 'CONFLICTING' });
    const warnings = nl.warnings.map((w: { message: string }) => w.message).join(' ');
    expect(warnings).toContain('Deze waarde is voorlopig');
    expect(warnings).toContain('Retributie');
    expect(warnings).not.toContain('salary.averageGrossAnnual');
  });

  it('answers a wrong type with the kind of value in plain words', async () => {
    const response = await assess(
      'nl',
      application({
        job: { requiredVks: 6, grossAnnualSalary: 'veel', workplacePostalCode: '9000' },
      }),
    );
    expect(response.statusCode).toBe(400);
    const field = response
      .json()
      .error.fields.find((f: { path: string }) => f.path === 'job.grossAnnualSalary');
    expect(field).toMatchObject({ rule: 'type', message: 'moet een getal zijn' });
  });
});
