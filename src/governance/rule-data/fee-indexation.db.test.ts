import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { assess, getDefaultRuleData } from '../../rules/index.ts';
import { anApplication } from '../../rules/test-support/build-application.ts';
import { refreshRuleData } from './governed-rule-data.ts';
import { seedRuleData } from './rule-versions.repo.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const PATH = '/api/v1/rule-data/proposals/fee-indexation';
const feeOn = (date: string) => assess(anApplication({ applicationDate: date })).fee.amountDue;

// Issue 15: the yearly indexation of the fee is a proposal Loket computes, approved by another admin.
describe('fee indexation as a proposal', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let proposer: Session;
  let approver: Session;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    await seedRuleData(database.db, getDefaultRuleData());
    await refreshRuleData(database.db);
    testApp = await createTestApp(database, {}, { now: () => NOW });
    proposer = await signIn(testApp.app, 'beheerder', DEMO_PASSWORD);
    approver = await signIn(testApp.app, 'beheerder2', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  const body = {
    year: 2027,
    previousIndex: 128.9,
    newIndex: 131.45,
    source: 'Statbel, gezondheidsindex (voorbeeld)',
  };

  it('answers malformed figures and other roles with the field and the rule', async () => {
    const zero = await proposer.request('POST', PATH, { ...body, previousIndex: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.fields[0].path).toBe('previousIndex');
    const past = await proposer.request('POST', PATH, { ...body, year: 2026 });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].path).toBe('year');
    const blank = await proposer.request('POST', PATH, { ...body, source: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0]).toMatchObject({ path: 'source', rule: 'required' });
    const analyst = await signIn(testApp.app, 'analist', DEMO_PASSWORD);
    expect((await analyst.request('POST', PATH, body)).statusCode).toBe(403);
  });

  it('computes the amount from the fee in force, files it with the computation, used once approved', async () => {
    expect(feeOn('2027-01-05')).toBe(200);
    const filed = await proposer.request('POST', PATH, body);
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ kind: 'parameter', currentAmount: 200, newAmount: 203.96 });
    const { proposals } = (await approver.request('GET', '/api/v1/rule-data/proposals')).json();
    const proposal = proposals.find((p: { id: string }) => p.id === filed.json().id);
    expect(proposal).toMatchObject({ subject: 'fee.singlePermit', validFrom: '2027-01-01', value: 203.96 });
    expect(proposal.note).toContain('200,00 EUR × 131,45 ÷ 128,9');
    expect(proposal.note).toContain('november 2026 tegenover november 2025');
    // Not used before a second administrator approves it; its own author cannot.
    expect(feeOn('2027-01-05')).toBe(200);
    const own = await proposer.request(
      'POST',
      `/api/v1/rule-data/proposals/parameter/${proposal.id}/approve`,
      {
        note: null,
      },
    );
    expect(own.json().error.fields[0].rule).toBe('fourEyes');
    const approved = await approver.request(
      'POST',
      `/api/v1/rule-data/proposals/parameter/${proposal.id}/approve`,
      { note: null },
    );
    expect(approved.statusCode).toBe(200);
    expect(feeOn('2027-01-05')).toBe(203.96);
    expect(feeOn('2026-12-20')).toBe(200);
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', proposal.id)
      .where('subject_type', '=', 'rule_parameter_version')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['RULE_DATA_PROPOSED', 'RULE_DATA_APPROVED']);
    expect(audit[0]?.details).toMatchObject({ indexation: { currentAmount: 200, previousIndex: 128.9 } });
  });
});
