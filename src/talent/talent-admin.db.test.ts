import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refugeeCandidate } from '../../test/talent-fixtures.ts';
import { createTestApp, type Session, signIn } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { DEMO_OCCUPATIONS } from './demo-talent.ts';

type Fields = Array<{ path: string; rule: string; message: string }>;

/**
 * The talent pipelines' administration through the HTTP API (issue 17): an analyst records and
 * edits a recruitment pilot with its dated results, each save a revision and an audit event; an
 * administrator keeps partner organisations and links partner accounts to them, and a deactivated
 * organisation's accounts record no new candidate. Every other role is refused.
 */
describe('talent administration', () => {
  const clock = new Date('2026-12-01T09:00:00Z');
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let analyst: Session;
  let admin: Session;
  let partner: Session;
  let others: Record<string, Session>;

  const pilot = {
    code: 'PILOT-T1',
    name: 'Proefproject zorg',
    leadOrganisation: 'VDAB',
    partnerOrganisations: ['Enabel'],
    countries: ['TN', 'MA'],
    occupationIds: [DEMO_OCCUPATIONS.nurseAssistant],
    funders: ['EU'],
    budgetEur: 250000,
    startedOn: '2025-01-01',
    endedOn: '2026-06-30',
    targetParticipants: 40,
    targetPlaced: 30,
    results: [
      { figure: 'TRAINED', value: 38, asOf: '2026-03-31' },
      { figure: 'PASSED', value: 35, asOf: '2026-03-31' },
    ],
  };
  const candidate = refugeeCandidate;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    ({ app } = await createTestApp(database, {}, { now: () => clock }));
    analyst = await signIn(app, 'analist', DEMO_PASSWORD);
    admin = await signIn(app, 'beheerder', DEMO_PASSWORD);
    partner = await signIn(app, 'partner', DEMO_PASSWORD);
    others = {
      employer: await signIn(app, 'werkgever', DEMO_PASSWORD),
      caseHandler: await signIn(app, 'behandelaar', DEMO_PASSWORD),
      supervisor: await signIn(app, 'teamleider', DEMO_PASSWORD),
      inspector: await signIn(app, 'inspecteur', DEMO_PASSWORD),
    };
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const audit = (action: string) =>
    database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  it('shows the seed’s PALIM results with their date on the report', async () => {
    const { pilots } = (await analyst.request('GET', '/api/v1/talent/pilots')).json();
    const palim = pilots.find((p: { code: string }) => p.code === 'PALIM');
    expect(palim.results).toEqual([
      { figure: 'TRAINED', value: 120, asOf: '2021-04-30' },
      { figure: 'PASSED', value: 116, asOf: '2021-04-30' },
      { figure: 'PLACED_FLANDERS', value: 0, asOf: '2021-04-30' },
    ]);
    const match = pilots.find((p: { code: string }) => p.code === 'MATCH');
    expect(match.targetParticipants).toBe(210);
  });

  it('lets an analyst record a pilot, edit its results, and keeps every save as a revision', async () => {
    const made = await analyst.request('POST', '/api/v1/talent/pilots', pilot);
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().pilot.id;
    const again = await analyst.request('POST', '/api/v1/talent/pilots', pilot);
    expect(again.statusCode).toBe(400);
    expect((again.json().error.fields as Fields).map((f) => [f.path, f.rule])).toEqual([['code', 'unique']]);

    const { code: _code, ...fields } = pilot;
    const edited = {
      ...fields,
      results: [...pilot.results, { figure: 'PLACED_FLANDERS', value: 12, asOf: '2026-11-15' }],
    };
    const saved = await analyst.request('PUT', `/api/v1/talent/pilots/${id}`, edited);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().changedFields).toEqual(['results.PLACED_FLANDERS']);
    // The same save again (a lost answer retried) changes nothing and leaves no revision.
    expect(
      (await analyst.request('PUT', `/api/v1/talent/pilots/${id}`, edited)).json().changedFields,
    ).toEqual([]);

    const report = (await analyst.request('GET', `/api/v1/talent/pilots/${id}`)).json();
    expect(report.pilot.results).toContainEqual({ figure: 'PLACED_FLANDERS', value: 12, asOf: '2026-11-15' });
    expect(report.pilot.sourcedFigures).toEqual(
      expect.arrayContaining(['budget', 'dates', 'targetParticipants', 'targetPlaced']),
    );

    const history = await analyst.request('GET', `/api/v1/talent/pilots/${id}/history`);
    expect(history.statusCode).toBe(200);
    const revisions = history.json().revisions;
    expect(revisions.map((r: { changedFields: string[] }) => r.changedFields)).toEqual([
      ['results.PLACED_FLANDERS'],
      ['created'],
    ]);
    expect(revisions[0].changedBy).toBe('Lotte Wouters');
    expect(revisions[1].snapshot.results).toHaveLength(2);
    expect((await audit('PILOT_CREATED')).map((e) => e.subject_id)).toContain(id);
    expect((await audit('PILOT_UPDATED')).filter((e) => e.subject_id === id)).toHaveLength(1);
    expect((await audit('PILOT_HISTORY_READ')).length).toBeGreaterThan(0);
  });

  it('refuses an inconsistent pilot, naming each field and rule', async () => {
    const { code: _code, ...fields } = pilot;
    const { pilots } = (await analyst.request('GET', '/api/v1/talent/pilots')).json();
    const id = pilots.find((p: { code: string }) => p.code === 'PILOT-T1').id;
    const bad = await analyst.request('PUT', `/api/v1/talent/pilots/${id}`, {
      ...fields,
      endedOn: '2024-12-31',
      countries: ['TN', 'TN'],
      occupationIds: ['no-such-occupation'],
      targetPlaced: 41,
      results: [
        { figure: 'TRAINED', value: 20, asOf: '2026-03-31' },
        { figure: 'PASSED', value: 25, asOf: '2026-04-30' },
        { figure: 'PLACED_ELSEWHERE', value: 1, asOf: '2027-01-01' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const found = (bad.json().error.fields as Fields).map((f) => [f.path, f.rule]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['endedOn', 'notBeforeStart'],
        ['countries[1]', 'unique'],
        ['occupationIds[0]', 'esco'],
        ['targetPlaced', 'notAboveParticipants'],
        ['results[1].value', 'notAboveTrained'],
        ['results[2].asOf', 'notInFuture'],
      ]),
    );
    // The schema's own refusals name the field too, never a 5xx.
    const schema = await analyst.request('POST', '/api/v1/talent/pilots', {
      ...pilot,
      code: 'x',
      countries: [],
    });
    expect(schema.statusCode).toBe(400);
    const paths = (schema.json().error.fields as Fields).map((f) => f.path).join(' ');
    expect(paths).toMatch(/code/);
    expect(paths).toMatch(/countries/);
  });

  it('refuses pilot writes to every other role', async () => {
    const { pilots } = (await analyst.request('GET', '/api/v1/talent/pilots')).json();
    const id = pilots[0].id;
    for (const session of [admin, partner, ...Object.values(others)]) {
      expect(
        (await session.request('POST', '/api/v1/talent/pilots', { ...pilot, code: 'NOPE' })).statusCode,
      ).toBe(403);
      expect((await session.request('PUT', `/api/v1/talent/pilots/${id}`, pilot)).statusCode).toBe(403);
      expect((await session.request('GET', `/api/v1/talent/pilots/${id}/history`)).statusCode).toBe(403);
    }
  });

  it('lets the administrator keep partner organisations and link partner accounts; a partner sees only its own', async () => {
    const made = await admin.request('POST', '/api/v1/talent/partners', {
      name: 'Zorgpunt Gent',
      kind: 'CARE_COORDINATION',
      pools: ['CARE_RECOGNITION', 'REFUGEE'],
      retentionMonths: 12,
    });
    expect(made.statusCode, made.body).toBe(201);
    const zorgpunt = made.json().partner;
    expect(zorgpunt).toMatchObject({ active: true, accounts: 0, retentionMonths: 12 });
    const dup = await admin.request('POST', '/api/v1/talent/partners', {
      name: 'Zorgpunt Gent',
      kind: 'SCREENING',
      pools: ['REFUGEE', 'REFUGEE'],
      retentionMonths: 25,
    });
    expect(dup.statusCode).toBe(400);
    expect((dup.json().error.fields as Fields).map((f) => f.path).join(' ')).toMatch(/retentionMonths/);

    // A partner account must be linked to an organisation, and only a partner account may be.
    const base = {
      displayName: 'Lies Zorgpunt',
      email: 'lies@zorgpunt.example',
      preferredLang: 'nl',
      enterpriseNumber: null,
      mandates: [],
    };
    const unlinked = await admin.request('POST', '/api/v1/accounts', {
      username: 'zorgpunt1',
      role: 'PARTNER',
      ...base,
    });
    expect(unlinked.statusCode).toBe(400);
    expect((unlinked.json().error.fields as Fields).map((f) => [f.path, f.rule])).toEqual([
      ['body.partnerId', 'partnerRequired'],
    ]);
    const analystLinked = await admin.request('POST', '/api/v1/accounts', {
      username: 'zorgpunt0',
      role: 'ANALYST',
      ...base,
      partnerId: zorgpunt.id,
    });
    expect((analystLinked.json().error.fields as Fields).map((f) => f.rule)).toEqual(['partnerNotForRole']);
    const account = await admin.request('POST', '/api/v1/accounts', {
      username: 'zorgpunt1',
      role: 'PARTNER',
      ...base,
      partnerId: zorgpunt.id,
    });
    expect(account.statusCode, account.body).toBe(201);
    expect(account.json()).toMatchObject({ partnerId: zorgpunt.id, partnerName: 'Zorgpunt Gent' });
    const userId = account.json().id;
    await database.db
      .updateTable('users')
      .set({
        password_hash: (
          await database.db
            .selectFrom('users')
            .select('password_hash')
            .where('username', '=', 'partner')
            .executeTakeFirstOrThrow()
        ).password_hash,
      })
      .where('id', '=', userId)
      .execute();
    const zorg = await signIn(app, 'zorgpunt1', DEMO_PASSWORD);

    // Its purposes and retention bound what it records.
    const outside = await zorg.request(
      'POST',
      '/api/v1/talent/candidates',
      candidate('ZP-1', {
        pool: 'LOCAL_JOBSEEKER',
        consent: { ...candidate('x').consent, retentionUntil: '2028-01-01' },
      }),
    );
    expect(outside.statusCode).toBe(400);
    expect((outside.json().error.fields as Fields).map((f) => [f.path, f.rule])).toEqual([
      ['pool', 'partnerPurpose'],
      ['retentionUntil', 'retentionPeriod'],
    ]);
    const recorded = await zorg.request('POST', '/api/v1/talent/candidates', candidate('ZP-1'));
    expect(recorded.statusCode, recorded.body).toBe(201);
    const zorgCandidate = recorded.json().candidate.id;

    // Neither organisation sees the other's candidates.
    const own = (await zorg.request('GET', '/api/v1/talent/candidates')).json().candidates;
    expect(own.map((c: { reference: string }) => c.reference)).toEqual(['ZP-1']);
    const demo = (await partner.request('GET', '/api/v1/talent/candidates')).json().candidates;
    expect(demo.map((c: { id: string }) => c.id)).not.toContain(zorgCandidate);
    expect((await partner.request('GET', `/api/v1/talent/candidates/${zorgCandidate}`)).statusCode).toBe(404);
    expect((await zorg.request('GET', `/api/v1/talent/candidates/${demo[0].id}`)).statusCode).toBe(404);

    // Deactivated: no new candidate, but its own stay readable and erasable.
    const off = await admin.request('POST', `/api/v1/talent/partners/${zorgpunt.id}/deactivate`);
    expect(off.json().partner).toMatchObject({ active: false, accounts: 1, candidates: 1 });
    const refused = await zorg.request('POST', '/api/v1/talent/candidates', candidate('ZP-2'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('LOKET_PARTNER_INACTIVE');
    expect((await zorg.request('GET', `/api/v1/talent/candidates/${zorgCandidate}`)).statusCode).toBe(200);
    // No new account is linked to a deactivated organisation.
    const late = await admin.request('POST', '/api/v1/accounts', {
      username: 'zorgpunt2',
      role: 'PARTNER',
      ...base,
      partnerId: zorgpunt.id,
    });
    expect((late.json().error.fields as Fields).map((f) => f.rule)).toEqual(['partnerInactive']);
    const on = await admin.request('POST', `/api/v1/talent/partners/${zorgpunt.id}/activate`);
    expect(on.json().partner.active).toBe(true);
    expect((await zorg.request('POST', '/api/v1/talent/candidates', candidate('ZP-2'))).statusCode).toBe(201);

    const edited = await admin.request('PUT', `/api/v1/talent/partners/${zorgpunt.id}`, {
      name: 'Zorgpunt Gent vzw',
      kind: 'CARE_COORDINATION',
      pools: ['CARE_RECOGNITION'],
      retentionMonths: 18,
    });
    expect(edited.json().partner).toMatchObject({ name: 'Zorgpunt Gent vzw', pools: ['CARE_RECOGNITION'] });
    const actions = (
      await database.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', zorgpunt.id)
        .orderBy('id')
        .execute()
    ).map((e) => e.action);
    expect(actions).toEqual([
      'TALENT_PARTNER_CREATED',
      'TALENT_PARTNER_DEACTIVATED',
      'TALENT_PARTNER_ACTIVATED',
      'TALENT_PARTNER_UPDATED',
    ]);
  });

  it('refuses partner organisations to every other role', async () => {
    const { partners } = (await admin.request('GET', '/api/v1/talent/partners')).json();
    expect(partners.length).toBeGreaterThanOrEqual(3);
    const body = { name: 'X', kind: 'SCREENING', pools: ['REFUGEE'], retentionMonths: 12 };
    for (const session of [analyst, partner, ...Object.values(others)]) {
      expect((await session.request('GET', '/api/v1/talent/partners')).statusCode).toBe(403);
      expect((await session.request('POST', '/api/v1/talent/partners', body)).statusCode).toBe(403);
      expect(
        (await session.request('POST', `/api/v1/talent/partners/${partners[0].id}/deactivate`)).statusCode,
      ).toBe(403);
    }
  });
});
