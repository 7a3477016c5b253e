import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createUser } from '../auth/users.repo.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { DEMO_OCCUPATIONS, DEMO_PARTNERS } from './demo-talent.ts';
import { eraseExpiredCandidates } from './erase-expired.ts';
import { addPartnerMember, ensurePartner } from './talent.repo.ts';

/**
 * The talent pools through the HTTP API on a real database: who sees which candidate (a partner
 * only its own; an employer only those who consented to be shown), the concentric ranking with
 * its reasons, the permit route of a third-country match, erasure on request and at the end of
 * retention, and bad input answered with the field and the rule.
 */
describe('talent pools', () => {
  const clock = new Date('2026-12-01T09:00:00Z');
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let partner: Session;
  let otherPartner: Session;
  let employer: Session;
  let caseHandler: Session;
  let analyst: Session;

  const refugee = (reference: string, overrides: Record<string, unknown> = {}) => ({
    reference,
    pool: 'REFUGEE',
    occupationIds: [DEMO_OCCUPATIONS.nurseAssistant],
    educationVks: 4,
    languages: [
      { lang: 'nl', level: 'B2' },
      { lang: 'ar', level: 'C2' },
    ],
    circle: 'BELGIUM',
    postalCode: '9000',
    nationality: 'SY',
    workAccess: 'FREE',
    availableFrom: '2026-12-15',
    recognition: 'PENDING',
    consent: {
      purpose: 'SHORTAGE_MATCHING',
      givenOn: '2026-12-01',
      showToEmployers: true,
      retentionUntil: '2027-12-01',
    },
    ...overrides,
  });
  const careVacancy = {
    occupationId: DEMO_OCCUPATIONS.nurseAssistant,
    postalCode: '9000',
    requiredVks: 4,
    languages: [{ lang: 'nl', level: 'B1' }],
    startDate: '2027-01-04',
    onVdabShortageList: true,
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    // A second partner organisation with an account of its own.
    const user = await createUser(database.db, {
      username: 'partner2',
      displayName: 'Tweede partner',
      role: 'PARTNER',
      password: DEMO_PASSWORD,
      preferredLang: 'nl',
    });
    const other = await ensurePartner(database.db, DEMO_PARTNERS.other);
    await addPartnerMember(database.db, user.id, other.id);
    ({ app } = await createTestApp(database, {}, { now: () => clock }));
    partner = await signIn(app, 'partner', DEMO_PASSWORD);
    otherPartner = await signIn(app, 'partner2', DEMO_PASSWORD);
    employer = await signIn(app, 'werkgever', DEMO_PASSWORD);
    caseHandler = await signIn(app, 'behandelaar', DEMO_PASSWORD);
    analyst = await signIn(app, 'analist', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('lets a partner see and change only its own candidates', async () => {
    const made = await partner.request('POST', '/api/v1/talent/candidates', refugee('WW-T-1'));
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().candidate.id;

    const own = (await partner.request('GET', '/api/v1/talent/candidates')).json();
    expect(own.candidates.map((c: { reference: string }) => c.reference)).toContain('WW-T-1');
    const theirs = (await otherPartner.request('GET', '/api/v1/talent/candidates')).json();
    expect(theirs.partner.name).toBe(DEMO_PARTNERS.other);
    expect(theirs.candidates.map((c: { reference: string }) => c.reference)).not.toContain('WW-T-1');
    expect(
      theirs.candidates.every((c: { partnerName: string }) => c.partnerName === DEMO_PARTNERS.other),
    ).toBe(true);

    for (const [method, path, body] of [
      ['GET', `/api/v1/talent/candidates/${id}`],
      ['GET', `/api/v1/talent/candidates/${id}/matches`],
      ['PUT', `/api/v1/talent/candidates/${id}/consent`, { showToEmployers: false }],
      ['DELETE', `/api/v1/talent/candidates/${id}`],
    ] as const) {
      const answer = await otherPartner.request(method, path, body);
      expect(answer.statusCode, `${method} ${path}`).toBe(404);
    }
    expect((await partner.request('GET', `/api/v1/talent/candidates/${id}`)).statusCode).toBe(200);
    // Other roles may not read the pools at all.
    expect((await employer.request('GET', '/api/v1/talent/candidates')).statusCode).toBe(403);
    expect((await analyst.request('GET', '/api/v1/talent/candidates')).statusCode).toBe(403);
    expect((await analyst.request('GET', '/api/v1/talent/vacancies')).statusCode).toBe(403);
  });

  it('shows a candidate to an employer only after the consent to be shown, and ranks the local reserve first', async () => {
    const made = await partner.request(
      'POST',
      '/api/v1/talent/candidates',
      refugee('WW-T-2', { consent: { ...refugee('x').consent, showToEmployers: false } }),
    );
    const id = made.json().candidate.id;
    const vacancy = (await employer.request('POST', '/api/v1/talent/vacancies', careVacancy)).json().vacancy;
    expect(vacancy.iscoCode).toBe('5321');

    const before = (await employer.request('GET', `/api/v1/talent/vacancies/${vacancy.id}/matches`)).json();
    expect(before.matches.map((m: { candidate: { id: string } }) => m.candidate.id)).not.toContain(id);

    const consent = await partner.request('PUT', `/api/v1/talent/candidates/${id}/consent`, {
      showToEmployers: true,
    });
    expect(consent.statusCode, consent.body).toBe(200);
    const after = (await employer.request('GET', `/api/v1/talent/vacancies/${vacancy.id}/matches`)).json();
    const ids = after.matches.map((m: { candidate: { id: string } }) => m.candidate.id);
    expect(ids).toContain(id);
    // Circles in order: Belgium, then EU, then third countries.
    const circles = after.matches.map((m: { circle: string }) => m.circle);
    expect(
      [...circles].sort(
        (a, b) =>
          ['BELGIUM', 'EU', 'THIRD_COUNTRY'].indexOf(a) - ['BELGIUM', 'EU', 'THIRD_COUNTRY'].indexOf(b),
      ),
    ).toEqual(circles);
    const first = after.matches[0];
    // Same occupation, same postal code, level and language met: the refugee here ranks first, with reasons.
    expect(first.candidate.reference).toMatch(/^WW-T-/);
    expect(first.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ criterion: 'OCCUPATION', fit: 'SAME_OCCUPATION' }),
        expect.objectContaining({ criterion: 'DISTANCE', fit: 'SAME_POSTAL_CODE' }),
        expect.objectContaining({ criterion: 'RECOGNITION', fit: 'PENDING' }),
      ]),
    );
    // What the employer sees leaves out what is not theirs to know.
    expect(first.candidate).not.toHaveProperty('nationality');
    expect(first.candidate).not.toHaveProperty('pool');
    expect(first.candidate).not.toHaveProperty('postalCode');

    // The demo's Moroccan pilot participant (third country) comes last, with the route from the rules engine.
    const abroad = after.matches.find(
      (m: { candidate: { reference: string } }) => m.candidate.reference === 'TK-101',
    );
    expect(abroad.circle).toBe('THIRD_COUNTRY');
    expect(abroad.permitRoute).toMatchObject({
      category: expect.any(String),
      regionalDeadlineDays: expect.any(Number),
      feeAmountDue: 200,
    });
    // A candidate who has not agreed to be shown never is (the demo asylum seeker WW-2026-003).
    expect(JSON.stringify(after)).not.toContain('WW-2026-003');

    // Showing candidates is audited, with the ids shown.
    const audited = await database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'TALENT_CANDIDATES_SHOWN')
      .where('subject_id', '=', vacancy.id)
      .execute();
    expect(audited.length).toBe(2);
    expect(JSON.stringify(audited[1]?.details)).toContain(id);
  });

  it('keeps employers to their own vacancies and lets the service record one for an employer', async () => {
    const vacancy = (await employer.request('POST', '/api/v1/talent/vacancies', careVacancy)).json().vacancy;
    const byService = await caseHandler.request('POST', '/api/v1/talent/vacancies', {
      ...careVacancy,
      enterpriseNumber: '0417497106',
    });
    expect(byService.statusCode, byService.body).toBe(201);
    const foreign = byService.json().vacancy.id;
    expect((await employer.request('GET', `/api/v1/talent/vacancies/${foreign}`)).statusCode).toBe(404);
    expect((await employer.request('GET', `/api/v1/talent/vacancies/${foreign}/matches`)).statusCode).toBe(
      404,
    );
    const listed = (await employer.request('GET', '/api/v1/talent/vacancies')).json().vacancies;
    expect(listed.every((v: { enterpriseNumber: string }) => v.enterpriseNumber === '0403170701')).toBe(true);
    const missing = await caseHandler.request('POST', '/api/v1/talent/vacancies', careVacancy);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([
      expect.objectContaining({ path: 'enterpriseNumber', rule: 'required' }),
    ]);
    // Partners may not read an employer's candidates list, and see the vacancy itself.
    expect((await partner.request('GET', `/api/v1/talent/vacancies/${vacancy.id}/matches`)).statusCode).toBe(
      403,
    );
    expect((await partner.request('GET', `/api/v1/talent/vacancies/${vacancy.id}`)).statusCode).toBe(200);
  });

  it('says whether a function is on the shortage lists and which permit route it has', async () => {
    const nurse = (
      await employer.request('POST', '/api/v1/talent/vacancies', {
        ...careVacancy,
        occupationId: DEMO_OCCUPATIONS.generalNurse,
        requiredVks: 6,
        grossAnnualSalary: 52_000,
      })
    ).json().vacancy;
    const view = (await employer.request('GET', `/api/v1/talent/vacancies/${nurse.id}`)).json();
    expect(view.shortage.regulatedProfession).toBe(true);
    expect(view.shortage.route).toMatchObject({
      category: 'HIGHLY_SKILLED',
      regionalDeadlineDays: expect.any(Number),
    });
    const search = (await caseHandler.request('GET', '/api/v1/talent/vacancies?q=verpleegkundige')).json();
    expect(search.vacancies.map((v: { id: string }) => v.id)).toContain(nurse.id);
  });

  it('matches a candidate to vacancies for their partner, both ways', async () => {
    const made = (await partner.request('POST', '/api/v1/talent/candidates', refugee('WW-T-3'))).json()
      .candidate;
    await employer.request('POST', '/api/v1/talent/vacancies', careVacancy);
    const matches = (await partner.request('GET', `/api/v1/talent/candidates/${made.id}/matches`)).json()
      .matches;
    expect(matches.length).toBeGreaterThan(0);
    expect(matches[0].vacancy.iscoCode.slice(0, 3)).toBe('532');
    expect(matches[0].reasons[0]).toMatchObject({ criterion: 'OCCUPATION' });
  });

  it('rejects bad input with the field and the rule', async () => {
    const bad = await partner.request(
      'POST',
      '/api/v1/talent/candidates',
      refugee('WW-T-4', {
        occupationIds: ['no-such-occupation'],
        circle: 'THIRD_COUNTRY',
        consent: {
          purpose: 'SHORTAGE_MATCHING',
          givenOn: '2026-12-01',
          showToEmployers: true,
          retentionUntil: '2030-01-01',
        },
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string; rule: string }) => `${f.path}:${f.rule}`)
        .sort(),
    ).toEqual(['occupationIds[0]:esco', 'postalCode:postalCodeForBelgium', 'retentionUntil:retentionPeriod']);
    await partner.request('POST', '/api/v1/talent/candidates', refugee('WW-T-5'));
    const again = await partner.request('POST', '/api/v1/talent/candidates', refugee('WW-T-5'));
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual([
      expect.objectContaining({ path: 'reference', rule: 'unique' }),
    ]);
  });

  it('erases a candidate on request and at the end of retention, keeping no personal data in the trail', async () => {
    const made = (await partner.request('POST', '/api/v1/talent/candidates', refugee('WW-T-6'))).json()
      .candidate;
    expect((await partner.request('DELETE', `/api/v1/talent/candidates/${made.id}`)).statusCode).toBe(204);
    expect((await partner.request('GET', `/api/v1/talent/candidates/${made.id}`)).statusCode).toBe(404);
    const row = await database.db
      .selectFrom('talent_candidates')
      .select('id')
      .where('id', '=', made.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
    const trail = await database.db
      .selectFrom('audit_events')
      .select('details')
      .where('subject_id', '=', made.id)
      .where('action', '=', 'TALENT_CANDIDATE_ERASED')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(trail.details)).not.toMatch(/WW-T-6|SY|9000/);

    const expiring = (await partner.request('POST', '/api/v1/talent/candidates', refugee('WW-T-7'))).json()
      .candidate;
    const summary = await eraseExpiredCandidates(database.db, '2027-12-02');
    expect(summary.erased).toBeGreaterThan(0);
    expect((await partner.request('GET', `/api/v1/talent/candidates/${expiring.id}`)).statusCode).toBe(404);
  });
});
