import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_PASSWORD, loadDemoData } from '../../demo/demo-data.ts';

type Fields = Array<{ path: string; rule: string; message: string }>;
interface Report {
  pilot: {
    id: string;
    code: string;
    operator: { id: string; name: string } | null;
    sourcedFigures: string[];
    [field: string]: unknown;
  };
  spending: Array<{ year: number; funder: string; amountEur: number }>;
  spentEur: number;
}

/**
 * An analyst records a pilot's spending and chooses its operator among the active partner
 * organisations (docs/talent.md#recruitment-pilots): checked all at once, each save a revision.
 */
describe("a recruitment pilot's spending and operator", () => {
  const clock = new Date('2026-12-01T09:00:00Z');
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let analyst: Session;
  let admin: Session;
  let partner: Session;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    ({ app } = await createTestApp(database, {}, { now: () => clock }));
    analyst = await signIn(app, 'analist', DEMO_PASSWORD);
    admin = await signIn(app, 'beheerder', DEMO_PASSWORD);
    partner = await signIn(app, 'partner', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  async function reportOf(code: string): Promise<Report> {
    const { pilots } = (await analyst.request('GET', '/api/v1/talent/pilots')).json();
    const id = pilots.find((p: { code: string }) => p.code === code).id;
    return (await analyst.request('GET', `/api/v1/talent/pilots/${id}`)).json();
  }
  /** The form's fields of a report, as the edit page sends them back. */
  function formOf(report: Report) {
    const { pilot } = report;
    return {
      name: pilot.name,
      leadOrganisation: pilot.leadOrganisation,
      partnerOrganisations: pilot.partnerOrganisations,
      countries: pilot.countries,
      occupationIds: (pilot.occupations as Array<{ id: string }>).map((o) => o.id),
      funders: pilot.funders,
      budgetEur: pilot.budgetEur,
      startedOn: pilot.startedOn,
      endedOn: pilot.endedOn,
      targetParticipants: pilot.targetParticipants,
      targetPlaced: pilot.targetPlaced,
      results: pilot.results,
      operatorId: pilot.operator?.id ?? null,
      spending: report.spending,
    };
  }

  it('lists the active partner organisations as operators, for the analyst only', async () => {
    const answer = await analyst.request('GET', '/api/v1/talent/pilot-operators');
    expect(answer.statusCode).toBe(200);
    const { operators } = answer.json();
    expect(operators.length).toBeGreaterThanOrEqual(2);
    expect(operators[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      kind: expect.any(String),
    });
    for (const session of [admin, partner])
      expect((await session.request('GET', '/api/v1/talent/pilot-operators')).statusCode).toBe(403);
  });

  it("shows THAMM's operator and spending, and saving the form unchanged changes nothing", async () => {
    const thamm = await reportOf('THAMM');
    expect(thamm.pilot.operator?.name).toBeTruthy();
    expect(thamm.spending).toHaveLength(2);
    const saved = await analyst.request('PUT', `/api/v1/talent/pilots/${thamm.pilot.id}`, formOf(thamm));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().changedFields).toEqual([]);
  });

  it('records spending and an operator as a revision, and keeps them when a save leaves them out', async () => {
    const palim = await reportOf('PALIM');
    expect(palim.pilot.operator).toBeNull();
    const { operators } = (await analyst.request('GET', '/api/v1/talent/pilot-operators')).json();
    const operatorId = operators[0].id;
    const spending = [
      { year: 2020, funder: 'EU', amountEur: 600_000 },
      { year: 2019, funder: 'EU', amountEur: 250_000.25 },
    ];
    const saved = await analyst.request('PUT', `/api/v1/talent/pilots/${palim.pilot.id}`, {
      ...formOf(palim),
      operatorId,
      spending,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().changedFields).toEqual(['operatorId', 'spending']);

    const after = await reportOf('PALIM');
    expect(after.pilot.operator?.id).toBe(operatorId);
    expect(after.spending).toEqual([
      { year: 2019, funder: 'EU', amountEur: 250_000.25 },
      { year: 2020, funder: 'EU', amountEur: 600_000 },
    ]);
    expect(after.spentEur).toBe(850_000.25);
    expect(after.pilot.sourcedFigures).toContain('spending');

    // An older client's save without the new fields keeps them.
    const { operatorId: _o, spending: _s, ...older } = formOf(after);
    const kept = await analyst.request('PUT', `/api/v1/talent/pilots/${palim.pilot.id}`, {
      ...older,
      name: 'PALIM (Enabel)',
    });
    expect(kept.json().changedFields).toEqual(['name']);
    expect((await reportOf('PALIM')).spending).toHaveLength(2);

    // A correction of one amount, then the history lists both saves with the spending as saved.
    const corrected = await analyst.request('PUT', `/api/v1/talent/pilots/${palim.pilot.id}`, {
      ...formOf(await reportOf('PALIM')),
      spending: [{ year: 2019, funder: 'EU', amountEur: 250_000 }],
    });
    expect(corrected.json().changedFields).toEqual(['spending']);
    const { revisions } = (
      await analyst.request('GET', `/api/v1/talent/pilots/${palim.pilot.id}/history`)
    ).json();
    expect(revisions.slice(0, 3).map((r: { changedFields: string[] }) => r.changedFields)).toEqual([
      ['spending'],
      ['name'],
      ['operatorId', 'spending'],
    ]);
    expect(revisions[0].snapshot.spending).toEqual([{ year: 2019, funder: 'EU', amountEur: 250_000 }]);
    expect(revisions[2].snapshot.operatorId).toBe(operatorId);
  });

  it('refuses bad spending and an operator that is not an active organisation, all at once', async () => {
    const made = await admin.request('POST', '/api/v1/talent/partners', {
      name: 'Stopgezet Proefproject',
      kind: 'PILOT_OPERATOR',
      pools: ['PILOT_PARTICIPANT'],
      retentionMonths: 12,
    });
    const inactiveId = made.json().partner.id;
    await admin.request('POST', `/api/v1/talent/partners/${inactiveId}/deactivate`);
    const { operators } = (await analyst.request('GET', '/api/v1/talent/pilot-operators')).json();
    expect(operators.map((o: { id: string }) => o.id)).not.toContain(inactiveId);

    const palim = await reportOf('PALIM');
    const bad = await analyst.request('PUT', `/api/v1/talent/pilots/${palim.pilot.id}`, {
      ...formOf(palim),
      operatorId: inactiveId,
      spending: [
        { year: 2019, funder: 'EU', amountEur: 1_400_000 },
        { year: 2019, funder: 'EU', amountEur: 5 },
        { year: 2020, funder: 'IOM', amountEur: 5 },
        { year: 2023, funder: 'EU', amountEur: 200_000.123 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().error.fields as Fields).map((f) => [f.path, f.rule])).toEqual([
      ['spending[1].funder', 'unique'],
      ['spending[2].funder', 'listedFunder'],
      ['spending[3].year', 'withinProject'],
      ['spending[3].amountEur', 'cents'],
      ['spending', 'notAboveBudget'],
      ['operatorId', 'activePartner'],
    ]);
    const unknown = await analyst.request('PUT', `/api/v1/talent/pilots/${palim.pilot.id}`, {
      ...formOf(palim),
      operatorId: '0b6f5b8e-3c1d-4a7e-9f10-2a3b4c5d6e7f',
      spending: [{ year: 1999, funder: 'EU', amountEur: -1 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json().error.fields as Fields).map((f) => f.path).join(' ')).toMatch(
      /spending\[0\]\.year.*spending\[0\]\.amountEur/,
    );
    // Nothing of either was saved.
    expect((await reportOf('PALIM')).spending).toEqual(palim.spending);
  });
});
