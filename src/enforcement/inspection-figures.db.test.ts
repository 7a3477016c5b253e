import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDossierWorld,
  type DossierWorld,
  dossierDriver,
  HIGHLY_SKILLED_ANSWERS,
} from '../../test/dossier-driver.ts';
import { type Session, signIn } from '../../test/test-app.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';

/**
 * The inspection statistics of the supervisor's and analyst's page (issue 14): findings by type,
 * fines (count and sum), withdrawals proposed at inspection and the withdrawal procedure's
 * proposals and decisions, per origin, province and sector, over inspections seeded with known
 * values, and who may read them.
 */
const BAKERY = '0403170701'; // a submitted dossier in Gent: Oost-Vlaanderen; NACE 10 in the run
const CAFE = '0200065765'; // no dossier in Loket: province UNKNOWN; NACE 56 in the run
const UNRANKED = '0999999995'; // no dossier, never ranked: province UNKNOWN, sector unknown
const URL = '/api/v1/enforcement/inspection-statistics?from=2026-01-01&to=2026-11-30';

const noFindings = { WAGES: 0, WORKING_TIME: 0, HOUSING: 0, DOCUMENTS: 0, EXPLOITATION: 0 };
const finding = (type: string) => ({ type, description: 'vastgesteld' });

describe('inspection statistics: figures per origin, province and sector, for supervisors and analysts', () => {
  let world: DossierWorld;
  let analyst: Session;
  let inspector: Session;

  beforeAll(async () => {
    world = await createDossierWorld(() => new Date('2026-12-01T09:00:00Z'));
    const db = world.database.db;
    analyst = await signIn(world.testApp.app, 'analist', DEMO_PASSWORD);
    inspector = await signIn(world.testApp.app, 'inspecteur', DEMO_PASSWORD);
    const driver = dossierDriver(world.employer);
    const draft = await driver.completeDraft('HIGHLY_SKILLED', HIGHLY_SKILLED_ANSWERS);
    await driver.submit(draft.id);
    await sql`SELECT fold_pending_statistics()`.execute(db);

    const run = await db
      .insertInto('risk_monitoring_runs')
      .values({ trigger: 'SCHEDULE', requested_by: null, read_on: '2026-11-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('risk_monitoring_runs')
      .set({ status: 'SUCCEEDED', finished_at: new Date(), summary: { authorisations: 2 } })
      .where('id', '=', run.id)
      .execute();
    await db
      .insertInto('employer_risk_scores')
      .values(
        [
          [BAKERY, '10711'],
          [CAFE, '56101'],
        ].map(([enterprise, nace]) => ({
          run_id: run.id,
          enterprise_number: enterprise as string,
          enterprise_name: 'x',
          nace_code: nace as string,
          province: 'ANTWERPEN', // the run's own province is not the statistics' (inspection-facts.ts)
          score: 10,
          parts: '[]',
        })),
      )
      .execute();

    const inspection = (
      enterprise: string,
      origin: 'SIGNAL' | 'REPORT' | 'OTHER',
      on: string,
      types: string[],
      fineCents: number | null,
      outcome: 'NO_INFRINGEMENT' | 'WARNING' | 'FINE_PROPOSED' | 'WITHDRAWAL_PROPOSED',
    ) => ({
      enterprise_number: enterprise,
      origin,
      inspected_on: on,
      findings: JSON.stringify(types.map(finding)),
      fine_proposed_cents: fineCents,
      outcome,
    });
    const ids = await db
      .insertInto('inspections')
      .values([
        // Two wage findings count once for the inspection.
        inspection(
          BAKERY,
          'SIGNAL',
          '2026-03-02',
          ['WAGES', 'WAGES', 'HOUSING'],
          240_050,
          'WITHDRAWAL_PROPOSED',
        ),
        inspection(BAKERY, 'REPORT', '2026-06-15', ['DOCUMENTS'], null, 'WARNING'),
        inspection(CAFE, 'SIGNAL', '2026-07-01', ['WORKING_TIME', 'EXPLOITATION'], 100_025, 'FINE_PROPOSED'),
        inspection(UNRANKED, 'OTHER', '2026-09-09', [], null, 'NO_INFRINGEMENT'),
        // A fine of 0 is no fine proposed.
        inspection(CAFE, 'OTHER', '2026-10-10', [], 0, 'WARNING'),
        // Before the period.
        inspection(BAKERY, 'REPORT', '2025-12-31', ['WAGES'], 50_000, 'FINE_PROPOSED'),
      ])
      .returning('id')
      .execute();
    await db
      .insertInto('inspection_referrals')
      .values([
        { inspection_id: ids[0]!.id, addressee: 'HOUSING_INSPECTION', referred_on: '2026-03-03' },
        { inspection_id: ids[2]!.id, addressee: 'VICTIM_SUPPORT', referred_on: '2026-07-02' },
      ])
      .execute();
    const proposal = (
      role: 'INSPECTOR' | 'CASE_HANDLER',
      on: string,
      outcome: string | null,
      decided: string | null,
    ) => ({
      dossier_id: draft.id as string,
      proposed_role: role,
      proposed_on: on,
      ground_codes: ['WAGE_NOT_PAID'],
      facts: 'Loon niet betaald',
      hearing_due_on: on,
      outcome: outcome as 'REVOKED' | 'DISMISSED' | null,
      decided_on: decided,
    });
    await db
      .insertInto('revocation_proposals')
      .values([
        proposal('INSPECTOR', '2026-03-05', 'REVOKED', '2026-05-01'),
        // Filed before the period, decided in it: a decision of the period, not a proposal.
        proposal('INSPECTOR', '2025-11-01', 'DISMISSED', '2026-02-01'),
        // A case handler's proposal is not enforcement's.
        proposal('CASE_HANDLER', '2026-04-01', null, null),
      ])
      .execute();
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('counts inspections, findings by type, fines and withdrawals for the period, per origin, province and sector', async () => {
    const answer = await world.supervisor.request('GET', URL);
    expect(answer.statusCode, answer.body).toBe(200);
    const { figures } = answer.json();
    expect(figures.total).toEqual({
      inspections: 5,
      findings: { WAGES: 1, WORKING_TIME: 1, HOUSING: 1, DOCUMENTS: 1, EXPLOITATION: 1 },
      finesProposed: 2,
      finesProposedEuro: 3400.75,
      withdrawalOutcomes: 1,
      referrals: 2,
      withdrawalsProposed: 1,
      withdrawalsRevoked: 1,
      withdrawalsDismissed: 1,
    });
    expect(figures.byOrigin).toEqual([
      {
        origin: 'SIGNAL',
        inspections: 2,
        findings: { WAGES: 1, WORKING_TIME: 1, HOUSING: 1, DOCUMENTS: 0, EXPLOITATION: 1 },
        finesProposed: 2,
        finesProposedEuro: 3400.75,
        withdrawalOutcomes: 1,
        referrals: 2,
      },
      {
        origin: 'REPORT',
        inspections: 1,
        findings: { ...noFindings, DOCUMENTS: 1 },
        finesProposed: 0,
        finesProposedEuro: 0,
        withdrawalOutcomes: 0,
        referrals: 0,
      },
      {
        origin: 'OTHER',
        inspections: 2,
        findings: noFindings,
        finesProposed: 0,
        finesProposedEuro: 0,
        withdrawalOutcomes: 0,
        referrals: 0,
      },
    ]);
    expect(figures.byProvince).toEqual([
      {
        province: 'OOST_VLAANDEREN',
        inspections: 2,
        findings: { ...noFindings, WAGES: 1, HOUSING: 1, DOCUMENTS: 1 },
        finesProposed: 1,
        finesProposedEuro: 2400.5,
        withdrawalOutcomes: 1,
        referrals: 1,
        withdrawalsProposed: 1,
        withdrawalsRevoked: 1,
        withdrawalsDismissed: 1,
      },
      {
        province: 'UNKNOWN',
        inspections: 3,
        findings: { ...noFindings, WORKING_TIME: 1, EXPLOITATION: 1 },
        finesProposed: 1,
        finesProposedEuro: 1000.25,
        withdrawalOutcomes: 0,
        referrals: 1,
        withdrawalsProposed: 0,
        withdrawalsRevoked: 0,
        withdrawalsDismissed: 0,
      },
    ]);
    expect(
      figures.bySector.map(
        (row: { naceDivision: string | null; inspections: number; finesProposed: number }) => [
          row.naceDivision,
          row.inspections,
          row.finesProposed,
        ],
      ),
    ).toEqual([
      ['10', 2, 1],
      ['56', 2, 1],
      [null, 1, 0],
    ]);
    expect(figures.bySector[0]).toMatchObject({ withdrawalsProposed: 1, withdrawalsRevoked: 1 });
    // The older summary of the same answer agrees.
    expect(answer.json()).toMatchObject({ total: 5, byOrigin: { SIGNAL: 2, REPORT: 1, OTHER: 2 } });
  });

  it('takes the period asked: the inspection of 31 December 2025 alone, no withdrawal of that month', async () => {
    const answer = await analyst.request(
      'GET',
      '/api/v1/enforcement/inspection-statistics?from=2025-12-01&to=2025-12-31',
    );
    expect(answer.statusCode).toBe(200);
    expect(answer.json().figures.total).toMatchObject({
      inspections: 1,
      findings: { ...noFindings, WAGES: 1 },
      finesProposed: 1,
      finesProposedEuro: 500,
      withdrawalsProposed: 0,
      withdrawalsDismissed: 0,
    });
    const bad = await analyst.request('GET', '/api/v1/enforcement/inspection-statistics?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ path: 'query.from' })]);
  });

  it('answers supervisors, analysts and inspectors; refuses employers, case handlers, partners and administrators; audits each read', async () => {
    const before = await world.database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'INSPECTION_STATISTICS_READ')
      .execute();
    for (const session of [world.supervisor, analyst, inspector])
      expect((await session.request('GET', URL)).statusCode).toBe(200);
    const partner = await signIn(world.testApp.app, 'partner', DEMO_PASSWORD);
    const admin = await signIn(world.testApp.app, 'beheerder', DEMO_PASSWORD);
    for (const session of [world.employer, world.otherEmployer, world.caseHandler, partner, admin])
      expect((await session.request('GET', URL)).statusCode).toBe(403);
    const after = await world.database.db
      .selectFrom('audit_events')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'INSPECTION_STATISTICS_READ')
      .execute();
    // One event per read that answered, naming the period; none for the refused ones.
    const ofPeriod = (events: typeof after) =>
      events.filter((e) => e.details.from === '2026-01-01' && e.details.to === '2026-11-30').length;
    expect(after.length - before.length).toBe(3);
    expect(ofPeriod(after) - ofPeriod(before)).toBe(3);
  });
});
