import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listActions } from '../dossiers/dossiers.repo.ts';
import { deriveStatus } from '../dossiers/lifecycle/dossier-lifecycle.ts';
import { listMonitoredAuthorisations } from '../enforcement/enforcement.repo.ts';
import { foldInspectionFigures } from '../enforcement/inspection-figures.ts';
import { inspectionStatistics, withdrawalStatistics } from '../enforcement/inspection-stats.repo.ts';
import { workRequestedRuns } from '../enforcement/monitoring-run.ts';
import { quartersBefore } from '../enforcement/read-registers.ts';
import { riskParametersOn } from '../enforcement/risk-parameters.ts';
import { addDays } from '../rules/dates/iso-date.ts';
import {
  createSimulator,
  createSourceAdapters,
  generatePopulation,
  type Simulator,
  withDemoMonitoring,
} from '../sources/index.ts';
import { loadDemoData } from './demo-data.ts';
import { loadDemoEnforcement } from './demo-enforcement.ts';
import { DEMO_INSPECTIONS } from './demo-inspections.ts';

const TODAY = '2026-12-02';

describe('the demo enforcement cases', () => {
  let database: TestDatabase;
  let simulator: Simulator;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoData(database.db);
    simulator = await createSimulator({
      port: 0,
      failureRate: 0,
      latencyMs: [0, 0],
      referenceDate: TODAY,
      demoMonitoring: true,
    });
  });
  afterAll(async () => {
    await simulator?.close();
    await database?.dispose();
  });

  it('grant dossiers whose registers the monitoring run turns into a ranked work list: planted cases first, look-alikes low or absent', async () => {
    const loaded = await loadDemoEnforcement(database.db, TODAY);
    expect(loaded.dossiers).toBe(6);
    expect(loaded.inspections).toBe(DEMO_INSPECTIONS.length);
    expect(loaded.runId).not.toBeNull();
    const granted = await database.db
      .selectFrom('dossiers')
      .select(['id', 'status'])
      .where('status', '=', 'DECIDED_GRANTED')
      .execute();
    expect(granted).toHaveLength(loaded.dossiers);
    for (const row of granted) expect(deriveStatus(await listActions(database.db, row.id))).toBe(row.status);

    const sources = createSourceAdapters({ baseUrl: simulator.url, log: pino({ level: 'silent' }) });
    const result = await workRequestedRuns(database.db, sources);
    expect(result).toMatchObject({ runs: 1, unread: expect.anything() });

    const { cases } = withDemoMonitoring(generatePopulation({ seed: 2026, referenceDate: TODAY }));
    const employerOf = (truth: string) =>
      cases.find((c) => c.truth === truth || c.employerTruth === truth)?.enterpriseNumber;
    const scores = await database.db
      .selectFrom('employer_risk_scores')
      .select(['enterprise_number', 'score'])
      .where('run_id', '=', loaded.runId as string)
      .orderBy('score', 'desc')
      .execute();
    const signals = await database.db
      .selectFrom('risk_signals')
      .select(['enterprise_number', 'kind'])
      .where('run_id', '=', loaded.runId as string)
      .execute();
    const kindsOf = (enterprise: string | undefined) =>
      signals.filter((s) => s.enterprise_number === enterprise).map((s) => s.kind);
    expect(kindsOf(employerOf('UNDERPAID'))).toEqual(['WAGE_BELOW_PROMISE']);
    expect(kindsOf(employerOf('UNDECLARED'))).toEqual(['NOT_DECLARED']);
    expect(kindsOf(employerOf('SANCTIONED_FRONT_MAN')).sort()).toEqual([
      'DIRECTORS_CHANGED',
      'SANCTION_ACTIVE',
    ]);
    // The honest look-alikes: a late Dimona weighs little, part-time work and an undeclared last
    // quarter give nothing, an expired sanction gives nothing.
    expect(kindsOf(employerOf('PART_TIME'))).toEqual(['LATE_DIMONA']);
    expect(kindsOf(employerOf('EXPIRED_SANCTION'))).toEqual([]);
    const planted = new Set([
      employerOf('UNDERPAID'),
      employerOf('UNDECLARED'),
      employerOf('SANCTIONED_FRONT_MAN'),
    ]);
    expect(new Set(scores.slice(0, 3).map((s) => s.enterprise_number))).toEqual(planted);

    // Market conformity (§2.10 a): the run keeps per category and year of grant how many
    // authorisations were judged, recounted here from the DmfA the simulator holds; groups this
    // small carry no quantiles.
    const params = riskParametersOn(TODAY);
    const quarters = quartersBefore(TODAY, 4);
    const auths = await listMonitoredAuthorisations(database.db, TODAY);
    const dmfa = await sources.dmfa.getWorkersQuarters(
      auths.map((a) => a.insz),
      quarters,
    );
    const expected = new Map<string, number>();
    for (const auth of auths) {
      if (auth.salaryThreshold === null) continue;
      let hours = 0;
      for (const q of dmfa.value.filter((d) => d.insz === auth.insz)) {
        const year = Number(q.quarter.slice(0, 4));
        const month = (Number(q.quarter.slice(6)) - 1) * 3 + 1;
        const last = new Date(Date.UTC(year, month + 2, 0));
        last.setUTCDate(last.getUTCDate() + params.declarationGraceDays.value);
        const first = `${year}-${String(month).padStart(2, '0')}-01`;
        const isJudged =
          last.toISOString().slice(0, 10) <= TODAY &&
          first <= auth.validUntil &&
          new Date(Date.UTC(year, month + 2, 0)).toISOString().slice(0, 10) >= auth.validFrom;
        if (!isJudged) continue;
        for (const line of q.lines) if (line.enterpriseNumber === auth.enterpriseNumber) hours += line.hours;
      }
      if (hours < params.minimumHoursJudged.value) continue;
      const key = `${auth.category} ${auth.grantedOn.slice(0, 4)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const conformity = await database.db
      .selectFrom('wage_conformity')
      .selectAll()
      .where('run_id', '=', loaded.runId as string)
      .execute();
    expect(new Map(conformity.map((r) => [`${r.category} ${r.grant_year}`, r.authorisations]))).toEqual(
      expected,
    );
    expect(expected.size).toBeGreaterThan(0);
    for (const row of conformity) expect(row.quantiles === null).toBe(row.authorisations < 5);
  }, 120_000);

  it('holds earlier inspections and withdrawals, so the inspection figures of the last year are not empty', async () => {
    const period = { from: addDays(TODAY, -365), to: TODAY };
    // An inspection's province is its employer's latest dossier's, from the folded statistics.
    await sql`SELECT fold_pending_statistics()`.execute(database.db);
    const [rows, withdrawals] = await Promise.all([
      inspectionStatistics(database.db, period),
      withdrawalStatistics(database.db, period),
    ]);
    const { total, byOrigin, byProvince, bySector } = foldInspectionFigures(rows, withdrawals);
    const fined = DEMO_INSPECTIONS.filter((i) => (i.fineEuro ?? 0) > 0);
    expect(total).toMatchObject({
      inspections: DEMO_INSPECTIONS.length,
      finesProposed: fined.length,
      finesProposedEuro: fined.reduce((sum, i) => sum + (i.fineEuro ?? 0), 0),
      referrals: DEMO_INSPECTIONS.reduce((sum, i) => sum + i.referrals.length, 0),
      withdrawalOutcomes: DEMO_INSPECTIONS.filter((i) => i.outcome === 'WITHDRAWAL_PROPOSED').length,
      withdrawalsProposed: 2,
      withdrawalsDismissed: 1,
      withdrawalsRevoked: 0,
    });
    expect(total.inspections).toBeGreaterThanOrEqual(4);
    expect(total.finesProposed).toBeGreaterThan(0);
    // Every origin, every finding type, a known province and the sector of the run for each.
    expect(byOrigin.filter((o) => o.inspections > 0).map((o) => o.origin)).toEqual([
      'SIGNAL',
      'REPORT',
      'OTHER',
    ]);
    for (const count of Object.values(total.findings)) expect(count).toBeGreaterThan(0);
    expect(byProvince.map((p) => p.province)).not.toContain('UNKNOWN');
    // The sector is the monitoring run's: the honest care home, found without fault, is not ranked.
    expect(bySector.map((s) => [s.naceDivision, s.inspections])).toEqual([
      ['01', 1],
      ['41', 1],
      ['49', 1],
      ['81', 1],
      [null, 1],
    ]);

    // The proposals are the inspector's: one open, one dismissed after the employer's answer; both
    // authorisations stand, so the monitoring still watches them (the work list above is unchanged).
    const proposals = await database.db
      .selectFrom('revocation_proposals')
      .innerJoin('dossiers', 'dossiers.id', 'revocation_proposals.dossier_id')
      .select(['proposed_role', 'outcome', 'answered_on', 'dossiers.status'])
      .orderBy('proposed_on')
      .execute();
    expect(proposals).toEqual([
      {
        proposed_role: 'INSPECTOR',
        outcome: 'DISMISSED',
        answered_on: expect.any(String),
        status: 'DECIDED_GRANTED',
      },
      { proposed_role: 'INSPECTOR', outcome: null, answered_on: null, status: 'DECIDED_GRANTED' },
    ]);
    const recorded = await database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'INSPECTION_RECORDED')
      .executeTakeFirstOrThrow();
    expect(Number(recorded.n)).toBe(DEMO_INSPECTIONS.length);
  });
});
