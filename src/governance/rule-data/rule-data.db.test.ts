import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';
import { assess, getDefaultRuleData, parameterLabel } from '../../rules/index.ts';
import { anApplication } from '../../rules/test-support/build-application.ts';
import { refreshRuleData } from './governed-rule-data.ts';
import { seedRuleData } from './rule-versions.repo.ts';

const NOW = new Date('2026-12-01T10:00:00Z');
const feeOn = (date: string) => assess(anApplication({ applicationDate: date })).fee.amountDue;

describe('rule data under four eyes (issue 15)', () => {
  let database: TestDatabase;
  let testApp: TestApp;
  let proposer: Session;
  let approver: Session;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    expect(await seedRuleData(database.db, getDefaultRuleData())).toBe(true);
    expect(await seedRuleData(database.db, getDefaultRuleData())).toBe(false); // never twice
    // A parameter the engine gained after the first seed is seeded alone; the rest is left as it is.
    await database.owner.db
      .deleteFrom('rule_parameter_versions')
      .where('name', '=', 'exclusion.sanctionMonths')
      .execute();
    await database.owner.db
      .deleteFrom('rule_parameters')
      .where('name', '=', 'exclusion.sanctionMonths')
      .execute();
    expect(await seedRuleData(database.db, getDefaultRuleData())).toBe(true);
    expect(
      await database.db
        .selectFrom('rule_parameter_versions')
        .select('valid_from')
        .where('name', '=', 'exclusion.sanctionMonths')
        .orderBy('valid_from')
        .execute(),
    ).toEqual([{ valid_from: '2019-01-01' }, { valid_from: '2026-01-01' }]);
    expect(await seedRuleData(database.db, getDefaultRuleData())).toBe(false);
    await refreshRuleData(database.db);
    testApp = await createTestApp(database, {}, { now: () => NOW });
    proposer = await signIn(testApp.app, 'beheerder', DEMO_PASSWORD);
    approver = await signIn(testApp.app, 'beheerder2', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.app.close();
    await database?.dispose();
  });

  const feeProposal = {
    name: 'fee.singlePermit',
    validFrom: '2027-01-01',
    value: 205,
    source: 'Besluit van de Vlaamse Regering tot indexering van de retributie (voorbeeld)',
    verified: false,
    note: 'Yearly indexation',
  };

  it('assesses from the seeded database exactly as from the YAML', () => {
    expect(feeOn('2026-06-01')).toBe(200);
    expect(feeOn('2025-06-01')).toBe(0);
    expect(getDefaultRuleData().migrationList.map((v) => v.id)).toEqual(['v1', 'v2', 'v3', 'v4']);
  });

  it('refuses an effective date in the past and a value of the wrong shape', async () => {
    const past = await proposer.request('POST', '/api/v1/rule-data/proposals/parameter', {
      ...feeProposal,
      validFrom: '2026-11-30',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0]).toMatchObject({ path: 'body.validFrom', rule: 'effectiveDate' });
    const shape = await proposer.request('POST', '/api/v1/rule-data/proposals/parameter', {
      ...feeProposal,
      value: 'tweehonderd',
    });
    expect(shape.json().error.fields[0]).toMatchObject({ path: 'body.value', rule: 'value' });
  });

  it('never uses a proposal before another administrator approves it, and never lets its author approve', async () => {
    const proposed = await proposer.request('POST', '/api/v1/rule-data/proposals/parameter', feeProposal);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const { id } = proposed.json();
    await refreshRuleData(database.db);
    expect(feeOn('2027-02-01')).toBe(200); // unapproved: not used

    const own = await proposer.request('POST', `/api/v1/rule-data/proposals/parameter/${id}/approve`, {
      note: null,
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.fields[0]).toMatchObject({ rule: 'fourEyes' });
    expect(feeOn('2027-02-01')).toBe(200);
    // The database says so too, whatever the route does.
    await expect(
      database.db
        .updateTable('rule_parameter_versions')
        .set({ decided_by: (eb) => eb.ref('proposed_by'), state: 'APPROVED' })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow(/four_eyes/);

    const approved = await approver.request('POST', `/api/v1/rule-data/proposals/parameter/${id}/approve`, {
      note: 'Checked against the decree',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(feeOn('2027-02-01')).toBe(205); // used from its date by the next assessment
    expect(feeOn('2026-06-01')).toBe(200); // a dossier filed earlier keeps the value of its date
    const again = await approver.request('POST', `/api/v1/rule-data/proposals/parameter/${id}/approve`, {
      note: null,
    });
    expect(again.json().error.fields[0]).toMatchObject({ rule: 'notProposed' });

    const audit = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'rule_parameter_version')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['RULE_DATA_PROPOSED', 'RULE_DATA_APPROVED']);
    const history = await approver.request('GET', '/api/v1/rule-data/parameters');
    const fee = history.json().parameters.find((p: { name: string }) => p.name === 'fee.singlePermit');
    expect(fee.label).toBe(parameterLabel('fee.singlePermit', 'nl'));
    // Each replaced version ends the day before the next begins; the last runs on.
    expect(fee.versions.map((v: { validUntil: string | null }) => v.validUntil)).toEqual([
      '2025-12-31',
      '2026-12-31',
      null,
    ]);
    expect(fee.versions.map((v: { validFrom: string; value: number }) => [v.validFrom, v.value])).toEqual([
      ['2019-01-01', 0],
      ['2026-01-01', 200],
      ['2027-01-01', 205],
    ]);
    // Four eyes in the public history: a role and a date, never a name.
    const approvals = fee.versions.map((v: { approval: unknown }) => v.approval);
    expect(approvals.slice(0, 2)).toEqual([
      { by: 'INITIAL_DATA', approvedOn: null },
      { by: 'INITIAL_DATA', approvedOn: null },
    ]);
    expect(approvals[2]).toMatchObject({
      by: 'SECOND_ADMINISTRATOR',
      approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // The approver is an administrator here, who may read the name; the public may not.
    expect(approvals[2].approverName).toEqual(expect.any(String));
    const publicHistory = await testApp.app.inject({ method: 'GET', url: '/api/v1/rule-data/parameters' });
    const publicFee = publicHistory
      .json()
      .parameters.find((p: { name: string }) => p.name === 'fee.singlePermit');
    expect(publicFee.versions[2].approval).toEqual({
      by: 'SECOND_ADMINISTRATOR',
      approvedOn: approvals[2].approvedOn,
    });
    expect(publicHistory.body).not.toContain(approvals[2].approverName);
  });

  it('a list version proposed and approved by another is used from its date, with its diff public', async () => {
    const v4 = getDefaultRuleData().migrationList.at(-1)!;
    const entries = [
      ...v4.entries
        .slice(1)
        .map((e, i) => (i === 0 ? { ...e, labels: { ...e.labels, en: `${e.labels.en} (renamed)` } } : e)),
      {
        id: 'solar-panel-installer',
        group: 'installations',
        labels: {
          nl: 'Installateur zonnepanelen',
          fr: 'Installateur de panneaux solaires',
          en: 'Solar panel installer',
        },
        verified: false,
      },
    ];
    const body = {
      validFrom: '2027-03-01',
      legalAct: 'Ministerieel besluit (voorbeeld)',
      source: 'Belgisch Staatsblad (voorbeeld)',
      verified: false,
      note: null,
      entries,
    };
    const badCodes = await proposer.request('POST', '/api/v1/rule-data/proposals/list', {
      ...body,
      entries: [{ ...entries[0]!, isco: '9999', esco: '45037d43-a8f5-4f46-b332-b2935bc305f4' }],
    });
    expect(badCodes.statusCode).toBe(400);
    expect(badCodes.json().error.fields).toEqual([
      expect.objectContaining({ path: 'body.entries.0.isco', rule: 'iscoUnknown' }),
      expect.objectContaining({ path: 'body.entries.0.esco', rule: 'escoOutsideIsco' }),
    ]);
    const proposed = await proposer.request('POST', '/api/v1/rule-data/proposals/list', body);
    expect(proposed.statusCode, proposed.body).toBe(201);
    const { id } = proposed.json();
    const rejectedOwn = await proposer.request('POST', `/api/v1/rule-data/proposals/list/${id}/reject`, {
      note: null,
    });
    expect(rejectedOwn.json().error.fields[0]).toMatchObject({ rule: 'fourEyes' });
    expect(getDefaultRuleData().migrationList).toHaveLength(4);
    const approved = await approver.request('POST', `/api/v1/rule-data/proposals/list/${id}/approve`, {
      note: null,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(
      getDefaultRuleData()
        .migrationList.map((v) => [v.id, v.validFrom])
        .at(-1),
    ).toEqual(['v5', '2027-03-01']);
    const lists = await approver.request('GET', '/api/v1/rule-data/lists/migration-list');
    expect(lists.json().versions.at(-1).approval).toMatchObject({
      by: 'SECOND_ADMINISTRATOR',
      approverName: expect.any(String),
    });
    expect(lists.json().versions[0].approval).toEqual({ by: 'INITIAL_DATA', approvedOn: null });

    const diff = await approver.request('GET', '/api/v1/rule-data/lists/migration-list/diff?from=v4&to=v5');
    expect(diff.statusCode).toBe(200);
    expect(diff.json()).toMatchObject({
      added: [expect.objectContaining({ id: 'solar-panel-installer' })],
      removed: [expect.objectContaining({ id: v4.entries[0]!.id })],
      changed: [
        expect.objectContaining({
          after: expect.objectContaining({ id: v4.entries[1]!.id }),
          what: ['renamed'],
        }),
      ],
    });
    // Each function named by its ISCO group and ESCO occupation, in the reader's language.
    const kept = diff.json().changed[0].after;
    expect(kept.isco).toBe(v4.entries[1]!.isco);
    expect(kept.classification).toMatchObject({ isco: v4.entries[1]!.isco, iscoNameLang: 'en' });
    expect(kept.classification.iscoName).toEqual(expect.any(String));
    const csv = await approver.request(
      'GET',
      '/api/v1/rule-data/lists/migration-list/diff?from=v4&to=v5&format=csv&lang=fr',
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(
      'ajoutée,solar-panel-installer,installations,Installateur de panneaux solaires',
    );
    expect(csv.body.split('\r\n')[0]).toContain('CITP-08,ESCO');
    expect(csv.body).toContain(`modifiée,${v4.entries[1]!.id},`);
    expect(csv.body).toContain(`autre nom,${v4.entries[1]!.isco}`);
    const unknown = await approver.request(
      'GET',
      '/api/v1/rule-data/lists/migration-list/diff?from=v4&to=v9',
    );
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'query.to', rule: 'unknownVersion' });

    // One version with its functions, public: where the proposals page starts a new version from.
    const v5 = await approver.request('GET', '/api/v1/rule-data/lists/migration-list/v5');
    expect(v5.statusCode).toBe(200);
    expect(v5.json()).toMatchObject({ version: 'v5', validFrom: '2027-03-01', functions: entries.length });
    expect(v5.json().entries.map((e: { id: string }) => e.id)).toEqual(entries.map((e) => e.id));
    const missing = await approver.request('GET', '/api/v1/rule-data/lists/migration-list/v9');
    expect(missing.json().error.fields[0]).toMatchObject({ path: 'params.version', rule: 'unknownVersion' });
  });
});
