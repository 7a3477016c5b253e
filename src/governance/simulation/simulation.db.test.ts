import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { loadDemoDossiers } from '../../demo/demo-dossiers.ts';
import { assess, assessWith, getDefaultRuleData } from '../../rules/index.ts';
import { anApplication } from '../../rules/test-support/build-application.ts';
import { refreshRuleData } from '../rule-data/governed-rule-data.ts';
import { seedRuleData } from '../rule-data/rule-versions.repo.ts';
import { createSimulationPool } from './simulation-pool.ts';
import { runSimulation } from './simulation-run.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const PERIOD = { from: '2019-01-01', to: '2026-12-31' };

describe('policy simulation (issue 15)', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let admin: Session;
  let analyst: Session;
  let proposalId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    expect(await loadDemoDossiers(database.db, '2026-12-01')).toBeGreaterThan(0);
    await seedRuleData(database.db, getDefaultRuleData());
    await refreshRuleData(database.db);
    testApp = await createTestApp(database, {}, { now: () => NOW });
    admin = await signIn(testApp.app, 'beheerder', DEMO_PASSWORD);
    analyst = await signIn(testApp.app, 'analist', DEMO_PASSWORD);
    // The salary base of the highly-skilled threshold raised far above every demo salary.
    const proposed = await admin.request('POST', '/api/v1/rule-data/proposals/parameter', {
      name: 'salary.averageGrossAnnual',
      validFrom: '2027-01-01',
      value: 250000,
      source: 'Voorstel (simulatie)',
      verified: false,
      note: null,
    });
    expect(proposed.statusCode).toBe(201);
    proposalId = proposed.json().id;
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  it('lists the open proposals for the analyst', async () => {
    const response = await analyst.request('GET', '/api/v1/rule-data/simulations/proposals');
    expect(response.statusCode).toBe(200);
    expect(response.json().proposals).toContainEqual(
      expect.objectContaining({ kind: 'parameter', id: proposalId, subject: 'salary.averageGrossAnnual' }),
    );
  });

  it('turns known granted-type dossiers into refusals under a higher salary threshold, audited once', async () => {
    const response = await analyst.request('POST', '/api/v1/rule-data/simulations', {
      proposal: { kind: 'parameter', id: proposalId },
      ...PERIOD,
      categories: ['HIGHLY_SKILLED'],
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.total).toBeGreaterThan(0);
    expect(result.transitions['ELIGIBLE→INELIGIBLE']).toBeGreaterThan(0);
    expect(Object.keys(result.byCategory)).toEqual(['HIGHLY_SKILLED']);
    const sum = (counts: Record<string, { total: number }>) =>
      Object.values(counts).reduce((n, c) => n + c.total, 0);
    expect(sum(result.byProvince)).toBe(result.total);
    expect(sum(result.byYear)).toBe(result.total);
    const example = result.examples.find(
      (e: { before: string; after: string }) => e.before === 'ELIGIBLE' && e.after === 'INELIGIBLE',
    );
    expect(example.reasonsAfter).toContain('SALARY_BELOW_THRESHOLD');
    // The example is a real stored dossier, eligible under the rules in force on its own date.
    const stored = await database.db
      .selectFrom('dossiers')
      .select(['application', 'category'])
      .where('number', '=', example.reference)
      .executeTakeFirstOrThrow();
    expect(stored.category).toBe('HIGHLY_SKILLED');
    expect(assess(stored.application).outcome).toBe('ELIGIBLE');

    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'subject_type', 'subject_id', 'details'])
      .where('action', '=', 'RULE_DATA_SIMULATED')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      subject_type: 'rule_parameter_version',
      subject_id: proposalId,
      details: { ...PERIOD, categories: ['HIGHLY_SKILLED'], dossiers: result.total, changed: result.changed },
    });
    // The logs carry counts, never a dossier.
    expect(testApp.rawLogs.join('\n')).not.toContain(example.reference);
  });

  it('never uses the unapproved proposal in ordinary assessment', async () => {
    const after = anApplication({
      applicationDate: '2027-02-01',
      job: { startDate: '2027-03-01', requiredVks: 6 },
    });
    expect(assess(after).outcome).toBe('ELIGIBLE');
    expect(getDefaultRuleData().parameters.resolve('salary.averageGrossAnnual', '2027-02-01')?.value).toBe(
      48912,
    );
    await refreshRuleData(database.db);
    expect(assess(after).outcome).toBe('ELIGIBLE');
    const assessed = await analyst.request('POST', '/api/v1/assessments', after);
    expect(assessed.json().outcome).toBe('ELIGIBLE');
  });

  it('simulates a typed value the same way, and in worker threads as in process', async () => {
    const body = {
      parameter: { name: 'salary.averageGrossAnnual', value: 250000 },
      ...PERIOD,
      categories: [],
    };
    const typed = await admin.request('POST', '/api/v1/rule-data/simulations', body);
    expect(typed.statusCode).toBe(200);
    const pool = createSimulationPool({ threads: 1 });
    try {
      const options = {
        baseline: getDefaultRuleData(),
        change: { kind: 'parameter' as const, name: 'salary.averageGrossAnnual' as const, value: 250000 },
        filter: { ...PERIOD, categories: [] },
        dossiers: typed.json().total,
        pool,
      };
      const threaded = await runSimulation(database.db, { ...options, inProcessUpTo: 0 });
      const inProcess = await runSimulation(database.db, { ...options, inProcessUpTo: 1_000_000 });
      expect(threaded).toEqual(inProcess);
      expect(threaded.total).toBe(typed.json().total);
      expect(threaded.transitions).toEqual(typed.json().transitions);
    } finally {
      await pool.close();
    }
    // Sanity: assessWith under the baseline agrees with the default engine.
    expect(assessWith(getDefaultRuleData(), anApplication()).outcome).toBe('ELIGIBLE');
  });

  it('refuses malformed input with the field and rule, and other roles', async () => {
    const post = (body: unknown, session = analyst) =>
      session.request('POST', '/api/v1/rule-data/simulations', body);
    const fieldOf = async (body: unknown) => (await post(body)).json().error.fields[0];
    const both = {
      proposal: { kind: 'parameter', id: proposalId },
      parameter: { name: 'fee.singlePermit', value: 1 },
      ...PERIOD,
      categories: [],
    };
    expect((await post(both)).statusCode).toBe(400);
    expect(await fieldOf(both)).toMatchObject({ path: 'body.proposal', rule: 'simulationChange' });
    expect(await fieldOf({ ...PERIOD, categories: [] })).toMatchObject({ rule: 'simulationChange' });
    const proposal = { kind: 'parameter', id: proposalId };
    expect(await fieldOf({ proposal, from: '2026-01-01', to: '2025-01-01', categories: [] })).toMatchObject({
      path: 'body.to',
      rule: 'periodOrder',
    });
    expect(await fieldOf({ proposal, ...PERIOD, categories: ['ASTRONAUT'] })).toMatchObject({
      path: expect.stringContaining('categories'),
    });
    expect(await fieldOf({ proposal, from: '2026-13-01', to: '2026-12-31', categories: [] })).toMatchObject({
      path: expect.stringContaining('from'),
    });
    expect(
      await fieldOf({ proposal: { kind: 'parameter', id: '999999' }, ...PERIOD, categories: [] }),
    ).toMatchObject({ path: 'body.proposal.id', rule: 'unknownProposal' });
    expect(
      await fieldOf({ parameter: { name: 'fee.singlePermit', value: 'veel' }, ...PERIOD, categories: [] }),
    ).toMatchObject({ path: 'body.parameter.value', rule: 'value' });
    const noValue = await post({ parameter: { name: 'fee.singlePermit' }, ...PERIOD, categories: [] });
    expect(noValue.statusCode).toBe(400);
    expect(noValue.json().error.fields[0].path).toContain('parameter');
    const handler = await signIn(testApp.app, 'behandelaar', DEMO_PASSWORD);
    expect((await post({ proposal, ...PERIOD, categories: [] }, handler)).statusCode).toBe(403);
    // A decided proposal is no longer simulated.
    const approver = await signIn(testApp.app, 'beheerder2', DEMO_PASSWORD);
    const rejected = await approver.request(
      'POST',
      `/api/v1/rule-data/proposals/parameter/${proposalId}/reject`,
      { note: null },
    );
    expect(rejected.statusCode).toBe(200);
    expect(await fieldOf({ proposal, ...PERIOD, categories: [] })).toMatchObject({
      path: 'body.proposal.id',
      rule: 'notProposed',
    });
  });
});
